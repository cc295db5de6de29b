import { z } from 'zod'
import { Id, type EpochMs, type OutboxItem } from '../domain'
import type { TemplateValues } from '../templates'
import { command, Empty, ShortText } from './define'

/** Canned replies are kept per workspace in both of the app's languages. */
export const ReplyLanguage = z.enum(['de', 'en'])
export type ReplyLanguage = z.infer<typeof ReplyLanguage>

export const DEFAULT_UNDO_SECONDS = 5
export const MAX_UNDO_SECONDS = 30

/** A reply, as typed: the contract's ceiling; each channel's own limit is in shared/replyRules.ts. */
const ReplyText = z.string().max(10_000)
const CannedBody = z.string().trim().min(1).max(10_000)

export interface CannedReply {
  id: number
  workspaceId: number
  language: ReplyLanguage
  title: string
  /** A template: {{contact.firstName}} and the other TEMPLATE_VARIABLES are filled in when used. */
  body: string
  updatedAt: EpochMs
}

export interface ComposerSettings {
  /** Fills {{agent.name}}; null until the person using this installation sets it. */
  agentName: string | null
  /** How long a queued reply waits before the outbox may send it: the time "Undo" is offered. */
  undoSeconds: number
}

export interface Draft {
  bodyText: string
  updatedAt: EpochMs
}

/** Replies not yet at the provider: waiting (queued or sending) and failed ones that need a person. */
export interface OutboxCount {
  waiting: number
  failed: number
}

const CannedFields = z.object({ language: ReplyLanguage, title: ShortText, body: CannedBody })

/** Writing and sending replies: drafts, canned replies, the outbox with undo and retry. */
export const composerCommands = {
  /**
   * Queues a reply in the outbox; it is sent when its undo time has passed and the account is
   * reachable. `quote` (email only) puts the answered message below the reply, introduced in that
   * language. The conversation's draft is cleared in the same transaction.
   */
  'reply:queue': command<OutboxItem>()(
    z
      .object({
        conversationId: Id,
        bodyText: z.string().trim().min(1).max(10_000),
        quote: z.object({ language: ReplyLanguage }).strict().optional(),
      })
      .strict(),
  ),
  /**
   * Undo: removes a reply that is still queued (or failed) and returns its text, which becomes the
   * start of the conversation's draft in the same transaction. Refused (CONFLICT) once sending has
   * begun, and for a reply already sent.
   */
  'reply:cancel': command<{ bodyText: string }>()(z.object({ outboxId: Id }).strict()),
  /** Queues a failed reply again, to be sent at once. Refused (CONFLICT) unless it failed. */
  'reply:retry': command<OutboxItem>()(z.object({ outboxId: Id }).strict()),
  /** A conversation's replies that are not yet on its timeline (queued, sending, failed), oldest first. */
  'outbox:list': command<OutboxItem[]>()(z.object({ conversationId: Id }).strict()),
  /** For the header: replies waiting or failed, in one workspace or in all. */
  'outbox:count': command<OutboxCount>()(z.object({ workspaceId: Id.optional() }).strict()),
  'draft:get': command<Draft | null>()(z.object({ conversationId: Id }).strict()),
  /** Saves what is typed so far; an empty text removes the draft. */
  'draft:save': command<null>()(z.object({ conversationId: Id, bodyText: ReplyText }).strict()),
  'canned:list': command<CannedReply[]>()(z.object({ workspaceId: Id }).strict()),
  'canned:create': command<CannedReply>()(CannedFields.extend({ workspaceId: Id }).strict()),
  'canned:update': command<CannedReply>()(CannedFields.extend({ id: Id }).strict()),
  'canned:delete': command<null>()(z.object({ id: Id }).strict()),
  /** The values canned replies fill in for one conversation. */
  'composer:variables': command<TemplateValues>()(z.object({ conversationId: Id }).strict()),
  'composer:settings': command<ComposerSettings>()(Empty),
  'composer:setSettings': command<ComposerSettings>()(
    z
      .object({
        agentName: ShortText.nullable(),
        undoSeconds: z.number().int().min(0).max(MAX_UNDO_SECONDS),
      })
      .strict(),
  ),
}
