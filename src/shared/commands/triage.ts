import { z } from 'zod'
import { ConversationStatus, Id, type ContactHit } from '../domain'
import { command, ShortText } from './define'

/** More than a person selects by hand; "select all loaded" after a long scroll stays well below it. */
export const MAX_BULK = 10_000

/** What one bulk action does to every conversation of a selection. */
export const BulkAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status'), status: ConversationStatus.exclude(['snoozed']) }).strict(),
  z.object({ kind: z.literal('snooze'), until: z.number().int().positive() }).strict(),
  z.object({ kind: z.literal('assign'), assignee: ShortText.nullable() }).strict(),
  z.object({ kind: z.literal('tag'), tag: ShortText, on: z.boolean() }).strict(),
])
export type BulkAction = z.infer<typeof BulkAction>

/** Triage: acting on many conversations at once, and "Who is this?" (Ctrl/Cmd+K). */
export const triageCommands = {
  'conversations:bulk': command<{ changed: number }>()(
    z.object({ conversationIds: z.array(Id).min(1).max(MAX_BULK), action: BulkAction }).strict(),
  ),
  /** Contacts by name, email address, handle or phone number, as the user types. */
  'contacts:lookup': command<ContactHit[]>()(
    z
      .object({
        workspaceId: Id,
        query: z.string().trim().min(1).max(200),
        limit: z.number().int().min(1).max(20).default(8),
      })
      .strict(),
  ),
}
