import { z } from 'zod'
import {
  Channel,
  ConversationStatus,
  Id,
  SentimentLabel,
  type ConversationDetail,
  type ConversationRow,
  type Note,
  type Page,
} from '../domain'
import { command, Cursor, PageLimit, ShortText } from './define'

export const InboxFilter = z
  .object({
    channel: Channel.optional(),
    status: ConversationStatus.optional(),
    /** An agent's name, or '' for conversations nobody is assigned to. */
    assignee: z.string().max(200).optional(),
    tag: ShortText.optional(),
    text: z.string().trim().max(500).optional(),
    /** Conversations whose response-time clock is past due, or will be soon. */
    sla: z.enum(['overdue', 'due-soon']).optional(),
    /** The mood of the customer's latest message. */
    sentiment: SentimentLabel.optional(),
  })
  .strict()
export type InboxFilter = z.infer<typeof InboxFilter>

/** Newest activity first; earliest due first; or highest priority first (insight/priority.ts). */
export const InboxSort = z.enum(['newest', 'due', 'priority'])
export type InboxSort = z.infer<typeof InboxSort>

/** The inbox, one conversation and what a user changes on it. */
export const inboxCommands = {
  'inbox:list': command<Page<ConversationRow>>()(
    z
      .object({
        workspaceId: Id,
        filter: InboxFilter.default({}),
        sort: InboxSort.default('newest'),
        after: Cursor.optional(),
        limit: PageLimit,
      })
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
  'tags:list': command<string[]>()(z.object({ workspaceId: Id }).strict()),
}
