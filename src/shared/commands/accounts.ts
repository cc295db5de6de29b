import { z } from 'zod'
import { Id, type Account } from '../domain'
import { command } from './define'

/** Connected accounts and syncing them (replies: commands/composer.ts). */
export const accountCommands = {
  'accounts:list': command<Account[]>()(z.object({ workspaceId: Id.optional() }).strict()),
  /** Asks for a sync now instead of at the next interval (all accounts when none is named). */
  'sync:now': command<null>()(z.object({ accountId: Id.optional() }).strict()),
}
