import type { InboxFilter, InboxSort } from '../../../../shared/contract'
import type {
  Channel,
  ConversationRow,
  ConversationStatus,
  Page,
  SentimentLabel,
  Visibility,
} from '../../../../shared/domain'
import { notFound } from '../../../../shared/errors'
import type { Db } from '../db'
import { decodeKeyset, pageOf } from './cursor'
import { messageIdRange } from '../message-ids'
import { messageVocabulary, toFtsQuery } from './fts'
import { clockReader } from '../../insight/clocks'
import { orderedPage, type ClockColumn, type PartQuery } from './inbox-order'

interface Row {
  id: number
  workspace_id: number
  channel: Channel
  visibility: Visibility
  status: ConversationStatus
  snoozed_until: number | null
  assignee: string | null
  subject: string | null
  snippet: string
  contact_id: number
  contact_name: string
  contact_reach: number
  message_count: number
  last_message_at: number
  first_customer_message_at: number | null
  first_reply_at: number | null
  awaiting_since: number | null
  tag_names: string | null
  sentiment: number | null
  sentiment_label: SentimentLabel | null
  sla_due_at: number | null
  sla_due_soon_at: number | null
  priority_at: number | null
}

/** Unit separator: cannot occur in a tag a person typed. */
const TAG_SEPARATOR = '\u001f'

const SELECT_ROW = `
  SELECT c.id, c.workspace_id, c.channel, c.visibility, c.status, c.snoozed_until, c.assignee, c.subject,
         c.snippet, c.contact_id, ct.display_name AS contact_name, c.message_count, c.last_message_at,
         c.first_customer_message_at, c.first_reply_at, c.sla_due_at, c.sla_due_soon_at, c.priority_at,
         c.sentiment, c.sentiment_label,
         coalesce((SELECT max(i.followers) FROM identities i WHERE i.contact_id = c.contact_id), 0) AS contact_reach,
         (SELECT group_concat(t.name, char(31)) FROM conversation_tags x JOIN tags t ON t.id = x.tag_id
           WHERE x.conversation_id = c.id) AS tag_names,
         CASE WHEN c.status <> 'done' THEN (
           SELECT min(m.sent_at) FROM messages m
           WHERE m.conversation_id = c.id AND m.direction = 'in' AND m.sent_at > coalesce(c.last_outbound_at, -1)
         ) END AS awaiting_since
  FROM conversations c JOIN contacts ct ON ct.id = c.contact_id`

type ReadClock = ReturnType<typeof clockReader>

const toRow = (r: Row, readClock: ReadClock): ConversationRow => ({
  id: r.id,
  workspaceId: r.workspace_id,
  channel: r.channel,
  visibility: r.visibility,
  status: r.status,
  snoozedUntil: r.snoozed_until,
  assignee: r.assignee,
  subject: r.subject,
  snippet: r.snippet,
  contactId: r.contact_id,
  contactName: r.contact_name,
  contactReach: r.contact_reach,
  messageCount: r.message_count,
  lastMessageAt: r.last_message_at,
  firstCustomerMessageAt: r.first_customer_message_at,
  firstReplyAt: r.first_reply_at,
  awaitingReplySince: r.awaiting_since,
  sentiment: r.sentiment_label === null ? null : { score: r.sentiment ?? 0, label: r.sentiment_label },
  tags: r.tag_names ? r.tag_names.split(TAG_SEPARATOR).sort((a, b) => a.localeCompare(b)) : [],
  sla: readClock(r.workspace_id, r.channel, r.sla_due_at, r.sla_due_soon_at),
})

export interface InboxQuery {
  workspaceId: number
  filter: InboxFilter
  after?: string
  limit: number
  /** Newest activity first (default), earliest due first, or highest priority first. */
  sort?: InboxSort
}

/** Each filter adds a fixed SQL fragment; values only ever travel as bound parameters. */
function inboxConditions(db: Db, q: InboxQuery): { where: string[]; params: Record<string, unknown> } {
  const where = ['c.workspace_id = @workspaceId']
  const params: Record<string, unknown> = { workspaceId: q.workspaceId, limit: q.limit + 1 }
  const f = q.filter
  if (f.channel) {
    where.push('c.channel = @channel')
    params.channel = f.channel
  }
  if (f.status) {
    where.push('c.status = @status')
    params.status = f.status
  }
  if (f.assignee === '') where.push('c.assignee IS NULL')
  else if (f.assignee) {
    where.push('c.assignee = @assignee COLLATE NOCASE')
    params.assignee = f.assignee
  }
  if (f.tag) {
    where.push(`EXISTS (SELECT 1 FROM conversation_tags x JOIN tags t ON t.id = x.tag_id
                        WHERE x.conversation_id = c.id AND t.name = @tag)`)
    params.tag = f.tag
  }
  if (f.sentiment) {
    where.push('c.sentiment_label = @sentiment')
    params.sentiment = f.sentiment
  }
  const match = f.text ? toFtsQuery(f.text, messageVocabulary(db)) : null
  if (match) {
    const { first, last } = messageIdRange(q.workspaceId)
    where.push(`(c.id IN (SELECT m.conversation_id FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid
                          WHERE messages_fts MATCH @match AND messages_fts.rowid BETWEEN @first AND @last)
              OR c.contact_id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH @match)
              OR c.contact_id IN (SELECT i.contact_id FROM identities_fts JOIN identities i ON i.id = identities_fts.rowid
                                  WHERE identities_fts MATCH @match))`)
    params.match = match
    params.first = first
    params.last = last
  }
  if (f.sla) {
    // Only running clocks have a due time: the partial index conversations_sla_due holds just those.
    where.push(
      f.sla === 'overdue'
        ? 'c.sla_due_at IS NOT NULL AND c.sla_due_at <= @now'
        : 'c.sla_due_at IS NOT NULL AND c.sla_due_at > @now AND c.sla_due_soon_at <= @now',
    )
    params.now = Date.now()
  }
  if (q.after) {
    const k = decodeKeyset(q.after)
    where.push('(c.last_message_at < @afterAt OR (c.last_message_at = @afterAt AND c.id < @afterId))')
    params.afterAt = k.at
    params.afterId = k.id
  }
  return { where, params }
}

/** The inbox, newest activity first, one keyset page at a time. */
export function listInbox(db: Db, q: InboxQuery): Page<ConversationRow> {
  const readClock = clockReader(db)
  if (q.sort === 'due') return listInboxByClock(db, q, 'sla_due_at', readClock)
  if (q.sort === 'priority') return listInboxByClock(db, q, 'priority_at', readClock)
  const { where, params } = inboxConditions(db, q)
  const rows = db
    .prepare(`${SELECT_ROW} WHERE ${where.join(' AND ')} ORDER BY c.last_message_at DESC, c.id DESC LIMIT @limit`)
    .all(params) as Row[]
  return pageOf(rows, q.limit, (r) => toRow(r, readClock), (r) => ({ at: r.last_message_at, id: r.id }))
}

/** The inbox by due time or priority: running clocks first (inbox-order.ts), then the rest newest first. */
function listInboxByClock(db: Db, q: InboxQuery, column: ClockColumn, readClock: ReadClock): Page<ConversationRow> {
  const base = inboxConditions(db, { ...q, after: undefined })
  const run = (part: PartQuery) =>
    db
      .prepare(`${SELECT_ROW} WHERE ${[...base.where, ...part.where].join(' AND ')} ORDER BY ${part.orderBy} LIMIT @limit`)
      .all({ ...base.params, ...part.params, limit: part.limit }) as Row[]
  const page = orderedPage(column, { after: q.after, limit: q.limit, restToo: !q.filter.sla }, run, (r) => r[column])
  return { items: page.rows.map((r) => toRow(r, readClock)), next: page.next }
}

export function getConversationRow(db: Db, conversationId: number): ConversationRow {
  const row = db.prepare(`${SELECT_ROW} WHERE c.id = ?`).get(conversationId) as Row | undefined
  if (!row) throw notFound(`Conversation ${conversationId}`)
  return toRow(row, clockReader(db))
}

export function setStatus(db: Db, conversationId: number, status: ConversationStatus, snoozedUntil: number | null) {
  const changed = db
    .prepare('UPDATE conversations SET status = ?, snoozed_until = ? WHERE id = ?')
    .run(status, snoozedUntil, conversationId).changes
  if (changed === 0) throw notFound(`Conversation ${conversationId}`)
}

export function assign(db: Db, conversationId: number, assignee: string | null) {
  const changed = db.prepare('UPDATE conversations SET assignee = ? WHERE id = ?').run(assignee, conversationId).changes
  if (changed === 0) throw notFound(`Conversation ${conversationId}`)
}

export function workspaceOfConversation(db: Db, conversationId: number): number {
  const row = db.prepare('SELECT workspace_id FROM conversations WHERE id = ?').get(conversationId) as
    | { workspace_id: number }
    | undefined
  if (!row) throw notFound(`Conversation ${conversationId}`)
  return row.workspace_id
}
