import { z } from 'zod'
import { Id, type SearchResult } from '../domain'
import { command } from './define'

export const SearchOrder = z.enum(['newest', 'relevance'])
export type SearchOrder = z.infer<typeof SearchOrder>

export const searchCommands = {
  'search:query': command<SearchResult>()(
    z
      .object({
        workspaceId: Id.optional(),
        query: z.string().trim().min(1).max(500),
        order: SearchOrder.default('newest'),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
  ),
}
