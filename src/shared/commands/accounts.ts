import { z } from 'zod'
import { Id, type Account, type OutboxItem } from '../domain'
import { command } from './define'

/** Connected accounts, syncing and sending through them. */
export const accountCommands = {
  'accounts:list': command<Account[]>()(z.object({ workspaceId: Id.optional() }).strict()),
  /** Asks for a sync now instead of at the next interval (all accounts when none is named). */
  'sync:now': command<null>()(z.object({ accountId: Id.optional() }).strict()),
  /** Queues a reply in the outbox; it is sent when the account is reachable. */
  'reply:queue': command<OutboxItem>()(
    z.object({ conversationId: Id, bodyText: z.string().trim().min(1).max(10_000) }).strict(),
  ),
  'outbox:list': command<OutboxItem[]>()(z.object({ conversationId: Id }).strict()),
}
