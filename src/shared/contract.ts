import type { z } from 'zod'
import { accountCommands } from './commands/accounts'
import { appCommands } from './commands/app'
import { contactCommands } from './commands/contacts'
import type { CommandGroup } from './commands/define'
import { importCommands } from './commands/import'
import { inboxCommands } from './commands/inbox'
import { searchCommands } from './commands/search'
import { workspaceCommands } from './commands/workspaces'
import type { AccountState, Alert } from './domain'

export type { AppInfo } from './commands/app'
export type { CommandSpec } from './commands/define'
export type { ImportSummary } from './commands/import'
export { InboxFilter } from './commands/inbox'
export { SearchOrder } from './commands/search'

/**
 * The one contract between every host (Electron IPC, web host, CLI) and the core. Each feature
 * declares its commands in src/shared/commands/<feature>.ts; this map joins them. Each command takes
 * exactly one argument, parsed with its zod schema in the core before a handler runs.
 */
export const commands = {
  ...appCommands,
  ...workspaceCommands,
  ...inboxCommands,
  ...contactCommands,
  ...searchCommands,
  ...accountCommands,
  ...importCommands,
} satisfies CommandGroup

export type CommandName = keyof typeof commands
/** What a caller passes (defaults may be left out). */
export type CommandArg<K extends CommandName> = z.input<(typeof commands)[K]['arg']>
/** What a handler receives, after parsing. */
export type ParsedArg<K extends CommandName> = z.output<(typeof commands)[K]['arg']>
export type CommandResult<K extends CommandName> = (typeof commands)[K]['result']

export const isCommandName = (name: string): name is CommandName => Object.hasOwn(commands, name)

/** Events the core pushes to every host; the renderer refetches what it shows instead of polling. */
export interface EventMap {
  'db:changed': { tables: ChangedTable[]; workspaceId: number | null; ids?: number[] }
  'sync:progress': { accountId: number; stage: string; done: number; total: number | null }
  /** An account's connection changed: 'reconnect' asks the user for new credentials. */
  'account:state': { accountId: number; state: AccountState; reason: string | null; retryAt: number | null }
  'import:progress': { workspaceId: number; done: number; total: number; quarantined: number }
  /** The desktop shell's application menu asked the renderer to act (the web host has no menu). */
  'app:menu': AppMenuEvent
  /** Someone should look now: see Alert. Fired once per episode, never repeated for the same cause. */
  'alert:raised': Alert
}
/** import-mail: the paths the user picked in the native file dialog, for the import dialog to confirm. */
export type AppMenuEvent = { action: 'import-mail'; paths: string[] }
export type ChangedTable =
  'workspaces' | 'accounts' | 'conversations' | 'messages' | 'contacts' | 'notes' | 'tags' | 'outbox'
export type EventName = keyof EventMap
export const EVENT_NAMES: readonly EventName[] = [
  'db:changed',
  'sync:progress',
  'account:state',
  'import:progress',
  'app:menu',
  'alert:raised',
]
