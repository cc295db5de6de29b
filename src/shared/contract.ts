import { z } from 'zod'
import {
  Channel,
  ConversationStatus,
  Id,
  type Account,
  type AccountState,
  type ContactDetail,
  type ConversationDetail,
  type ConversationRow,
  type Note,
  type OutboxItem,
  type Page,
  type SearchResult,
  type TimelineItem,
  type Workspace,
} from './domain'

/**
 * The one contract between every host (Electron IPC, web host, CLI) and the core.
 * Each command takes exactly one argument, parsed with its zod schema in the core before a handler
 * runs: the renderer is untrusted.
 */
const Cursor = z.string().max(200)
const PageLimit = z.number().int().min(1).max(500).default(100)
const ShortText = z.string().trim().min(1).max(200)

export const InboxFilter = z
  .object({
    channel: Channel.optional(),
    status: ConversationStatus.optional(),
    /** An agent's name, or '' for conversations nobody is assigned to. */
    assignee: z.string().max(200).optional(),
    tag: ShortText.optional(),
    text: z.string().trim().max(500).optional(),
  })
  .strict()
export type InboxFilter = z.infer<typeof InboxFilter>

export const SearchOrder = z.enum(['newest', 'relevance'])
export type SearchOrder = z.infer<typeof SearchOrder>

export interface ImportSummary {
  /** Messages read from the files (new or already there). */
  total: number
  inserted: number
  quarantined: number
}

export interface AppInfo {
  version: string
  host: 'electron' | 'web'
  dataDir: string
}

/** Curried so the argument schema is inferred while the result type is named. */
const command =
  <R>() =>
  <A extends z.ZodType>(arg: A): CommandSpec<A, R> => ({ arg, result: undefined as R })

const Empty = z.object({}).strict()

export const commands = {
  'app:info': command<AppInfo>()(Empty),
  'workspaces:list': command<Workspace[]>()(Empty),
  'workspaces:remove': command<null>()(z.object({ workspaceId: Id }).strict()),
  'inbox:list': command<Page<ConversationRow>>()(
    z
      .object({ workspaceId: Id, filter: InboxFilter.default({}), after: Cursor.optional(), limit: PageLimit })
      .strict(),
  ),
  'conversation:get': command<ConversationDetail>()(z.object({ conversationId: Id }).strict()),
  'conversation:setStatus': command<ConversationRow>()(
    z
      .object({ conversationId: Id, status: ConversationStatus, snoozedUntil: z.number().int().positive().optional() })
      .strict()
      .refine((a) => (a.status === 'snoozed') === (a.snoozedUntil !== undefined), {
        message: 'snoozedUntil is required for, and only for, the status "snoozed"',
      }),
  ),
  'conversation:assign': command<ConversationRow>()(
    z.object({ conversationId: Id, assignee: ShortText.nullable() }).strict(),
  ),
  'conversation:tag': command<ConversationRow>()(
    z.object({ conversationId: Id, tag: ShortText, on: z.boolean() }).strict(),
  ),
  'note:add': command<Note>()(z.object({ conversationId: Id, body: z.string().trim().min(1).max(10_000) }).strict()),
  'contact:get': command<ContactDetail>()(z.object({ contactId: Id }).strict()),
  'timeline:list': command<Page<TimelineItem>>()(
    z.object({ contactId: Id, before: Cursor.optional(), limit: PageLimit }).strict(),
  ),
  'tags:list': command<string[]>()(z.object({ workspaceId: Id }).strict()),
  'accounts:list': command<Account[]>()(z.object({ workspaceId: Id.optional() }).strict()),
  /** Queues a reply in the outbox; it is sent when the account is reachable. */
  'reply:queue': command<OutboxItem>()(
    z.object({ conversationId: Id, bodyText: z.string().trim().min(1).max(10_000) }).strict(),
  ),
  'outbox:list': command<OutboxItem[]>()(z.object({ conversationId: Id }).strict()),
  /**
   * Imports mail files (mbox, maildir, .eml; paths on this machine) into a workspace. Re-runnable;
   * progress arrives as 'import:progress' events; unreadable messages are quarantined, not lost.
   */
  'import:mail': command<ImportSummary>()(
    z
      .object({
        workspaceId: Id,
        paths: z.array(z.string().trim().min(1).max(4096)).min(1).max(100),
        ownAddresses: z.array(z.string().trim().toLowerCase().max(320)).max(50).default([]),
      })
      .strict(),
  ),
  /** Asks for a sync now instead of at the next interval (all accounts when none is named). */
  'sync:now': command<null>()(z.object({ accountId: Id.optional() }).strict()),
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
} satisfies Record<string, CommandSpec<z.ZodType, unknown>>

export interface CommandSpec<A extends z.ZodType, R> {
  arg: A
  /** Type-level only: the value a successful call returns. */
  result: R
}

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
}
/** import-mail: the paths the user picked in the native file dialog, for the import dialog to confirm. */
export type AppMenuEvent = { action: 'import-mail'; paths: string[] }
export type ChangedTable =
  | 'workspaces'
  | 'accounts'
  | 'conversations'
  | 'messages'
  | 'contacts'
  | 'notes'
  | 'tags'
  | 'outbox'
export type EventName = keyof EventMap
export const EVENT_NAMES: readonly EventName[] = ['db:changed', 'sync:progress', 'account:state', 'import:progress', 'app:menu']
