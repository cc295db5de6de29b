import type { z } from 'zod'
import { accountCommands } from './commands/accounts'
import { archiveCommands } from './commands/archives'
import { appCommands } from './commands/app'
import { composerCommands } from './commands/composer'
import { connectCommands } from './commands/connect'
import { contactCommands, mergeCommands } from './commands/contacts'
import type { CommandGroup } from './commands/define'
import { importCommands } from './commands/import'
import { inboxCommands } from './commands/inbox'
import { mailCommands } from './commands/mail'
import { policyCommands } from './commands/policy'
import { notificationCommands } from './commands/notifications'
import { openNetworkCommands } from './commands/openNetworks'
import { outcomeCommands } from './commands/outcomes'
import { reportCommands } from './commands/reports'
import { searchCommands } from './commands/search'
import { watchCommands } from './commands/watch'
import { triageCommands } from './commands/triage'
import { workspaceCommands } from './commands/workspaces'
import type { AccountState, Alert } from './domain'

export type { AppInfo } from './commands/app'
export type { CannedReply, ComposerSettings, Draft, OutboxCount } from './commands/composer'
export type { CommandSpec } from './commands/define'
export type { FacebookPageChoice } from './commands/connect'
export type { ImportSummary } from './commands/import'
export type { MailFrame } from './commands/mail'
export type { SlaPolicy } from './commands/policy'
export type { ArchiveImportSummary, CsvMapping, ImportInspection } from './commands/archives'
export type { WatchedFeed } from './commands/watch'
export type { NotificationSettings } from './commands/notifications'
export type { WorkspaceExport } from './commands/workspaces'
export { InboxFilter, InboxSort } from './commands/inbox'
export { SearchOrder } from './commands/search'
export { BulkAction } from './commands/triage'

/**
 * The one contract between every host (Electron IPC, web host, CLI) and the core. Each feature
 * declares its commands in src/shared/commands/<feature>.ts; this map joins them. Each command takes
 * exactly one argument, parsed with its zod schema in the core before a handler runs.
 */
export const commands = {
  ...appCommands,
  ...workspaceCommands,
  ...inboxCommands,
  ...policyCommands,
  ...contactCommands,
  ...mergeCommands,
  ...searchCommands,
  ...accountCommands,
  ...connectCommands,
  ...mailCommands,
  ...composerCommands,
  ...importCommands,
  ...archiveCommands,
  ...watchCommands,
  ...notificationCommands,
  ...triageCommands,
  ...openNetworkCommands,
  ...outcomeCommands,
  ...reportCommands,
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
/**
 * import-mail: the paths the user picked in the native file dialog, for the import dialog to confirm.
 * open-conversation: the user clicked a desktop notification about that conversation.
 */
export type AppMenuEvent =
  | { action: 'import-mail'; paths: string[] }
  | { action: 'open-conversation'; workspaceId: number; conversationId: number }
export type ChangedTable =
  'workspaces' | 'accounts' | 'conversations' | 'messages' | 'contacts' | 'notes' | 'tags' | 'outbox' | 'settings' | 'feeds' | 'canned_replies'
export type EventName = keyof EventMap
export const EVENT_NAMES: readonly EventName[] = [
  'db:changed',
  'sync:progress',
  'account:state',
  'import:progress',
  'app:menu',
  'alert:raised',
]
