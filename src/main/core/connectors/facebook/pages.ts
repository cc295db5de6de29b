import { z } from 'zod'
import { graphCall, type GraphClientConfig } from './client'
import { graphPage } from './schemas'

/**
 * Connecting Facebook the way a Page admin does it: a user token lists the Pages they manage, each
 * with its own Page token (the one Earshot keeps), and token introspection says until when access lasts.
 */
const ManagedPage = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string().optional(),
  access_token: z.string().min(1),
  tasks: z.array(z.string()).default([]),
})
export type ManagedPage = z.infer<typeof ManagedPage>

const DebugToken = z.object({
  data: z.object({
    is_valid: z.boolean(),
    /** Unix seconds; 0 means the token itself never expires. */
    expires_at: z.number().int().nonnegative().optional(),
    /** Unix seconds: after this the user must consent again, whatever expires_at says. */
    data_access_expires_at: z.number().int().nonnegative().optional(),
  }),
})

/** Replying to comments needs MODERATE; Messenger needs MESSAGING (shared/contracts A2). */
export const REQUIRED_TASKS = ['MODERATE', 'MESSAGING'] as const

const MAX_PAGES = 20

export async function listManagedPages(config: GraphClientConfig, signal: AbortSignal): Promise<ManagedPage[]> {
  const pages: ManagedPage[] = []
  let next: string | undefined
  for (let i = 0; i < MAX_PAGES; i++) {
    const request = next
      ? { method: 'GET' as const, url: next }
      : {
          method: 'GET' as const,
          path: 'me/accounts',
          params: { fields: 'id,name,category,access_token,tasks', limit: '100' },
        }
    const page = await graphCall(config, request, graphPage(ManagedPage), signal)
    pages.push(...page.data)
    next = page.paging?.next
    if (!next) break
  }
  return pages
}

/**
 * When the user must reconnect: the earlier of the token's own expiry and the end of data access;
 * null when Facebook names neither.
 */
export async function accessExpiresAt(
  config: GraphClientConfig,
  token: string,
  signal: AbortSignal,
): Promise<number | null> {
  const info = await graphCall(
    config,
    { method: 'GET', path: 'debug_token', params: { input_token: token } },
    DebugToken,
    signal,
  )
  const deadlines = [info.data.expires_at, info.data.data_access_expires_at].filter(
    (s): s is number => s !== undefined && s > 0,
  )
  return deadlines.length ? Math.min(...deadlines) * 1000 : null
}
