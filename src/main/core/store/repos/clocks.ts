import type { Channel, Visibility } from '../../../../shared/domain'
import type { Db } from '../db'
import { messageIdRange } from '../message-ids'

/** A conversation whose clock may have moved, with what its clock and priority depend on. */
export interface DirtyClock {
  id: number
  workspaceId: number
  channel: Channel
  visibility: Visibility
  /** Only open conversations run a clock; for the others the factors below are not read. */
  open: number
  firstCustomerMessageAt: number | null
  firstReplyAt: number | null
  awaitingSince: number | null
  reach: number
  vip: number
  sentiment: number | null
}

const columnCache = new WeakMap<Db, Map<string, Set<string>>>()
function hasColumn(db: Db, table: string, column: string): boolean {
  const tables = columnCache.get(db) ?? new Map<string, Set<string>>()
  columnCache.set(db, tables)
  let columns = tables.get(table)
  if (!columns) {
    columns = new Set(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[])
    tables.set(table, columns)
  }
  return columns.has(column)
}

const AWAITING_SINCE = `(SELECT min(m.sent_at) FROM messages m
  WHERE m.conversation_id = c.id AND m.direction = 'in' AND m.sent_at > coalesce(c.last_outbound_at, -1))`

/**
 * The contacts merged with `contact` (an SQL expression), as the table `family`: up the chain of
 * merges to its top, then every contact merged into that, at any depth. A customer's reach and VIP
 * mark are the family's, whichever of its contacts a conversation belongs to.
 */
const familyOf = (contact: string) => `WITH RECURSIVE up(id, parent) AS (
    SELECT id, merged_into_id FROM contacts WHERE id = ${contact}
    UNION ALL SELECT ct.id, ct.merged_into_id FROM contacts ct JOIN up ON ct.id = up.parent
  ), family(id) AS (
    SELECT id FROM up WHERE parent IS NULL
    UNION SELECT ct.id FROM contacts ct JOIN family f ON ct.merged_into_id = f.id AND ct.merged_into_id IS NOT NULL
  )`

/**
 * Sentiment and hand-set reach come from other features' columns, read where the schema has them:
 * the mood of the messages the customer is waiting on, else the conversation's, else neutral.
 */
function optionalFactors(db: Db): { sentiment: string; reach: string; vip: string } {
  const followers = 'coalesce((SELECT max(i.followers) FROM identities i WHERE i.contact_id = fc.id), 0)'
  const sentiment = hasColumn(db, 'messages', 'sentiment')
    ? `(SELECT avg(m.sentiment) FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'in'
        AND m.sent_at > coalesce(c.last_outbound_at, -1))`
    : hasColumn(db, 'conversations', 'sentiment')
      ? 'c.sentiment'
      : 'NULL'
  const perContact = hasColumn(db, 'contacts', 'reach_override')
    ? `max(coalesce(fc.reach_override, 0), ${followers})`
    : followers
  // Most contacts were never merged: theirs is read directly, without walking a family.
  const overFamily = (expression: string) =>
    `CASE WHEN ct.merged_into_id IS NULL AND NOT EXISTS (SELECT 1 FROM contacts m WHERE m.merged_into_id = ct.id)
       THEN (SELECT ${expression} FROM contacts fc WHERE fc.id = ct.id)
       ELSE (${familyOf('c.contact_id')} SELECT max(${expression}) FROM family JOIN contacts fc ON fc.id = family.id) END`
  return { sentiment, reach: overFamily(perContact), vip: overFamily('fc.vip') }
}

/** Up to `limit` marked conversations (of one workspace, or all), through the partial index of marked rows. */
export function dirtyClocks(db: Db, limit: number, workspaceId: number | null): DirtyClock[] {
  const { sentiment, reach, vip } = optionalFactors(db)
  const ifOpen = (expression: string) => `CASE WHEN c.status = 'open' THEN ${expression} END`
  return db
    .prepare(
      `SELECT c.id, c.workspace_id AS workspaceId, c.channel, c.visibility, c.status = 'open' AS open,
              c.first_customer_message_at AS firstCustomerMessageAt, c.first_reply_at AS firstReplyAt,
              ${ifOpen(AWAITING_SINCE)} AS awaitingSince,
              ${ifOpen(reach)} AS reach, ${ifOpen(vip)} AS vip, ${ifOpen(sentiment)} AS sentiment
       FROM conversations c JOIN contacts ct ON ct.id = c.contact_id
       WHERE c.sla_dirty = 1 AND (@workspaceId IS NULL OR c.workspace_id = @workspaceId)
       LIMIT @limit`,
    )
    .all({ limit, workspaceId }) as DirtyClock[]
}

export interface StoredClock {
  id: number
  dueAt: number | null
  dueSoonAt: number | null
  priorityAt: number | null
  /** The first-reply wait in business time and its target, for reports; null until answered. */
  firstReplyBusinessMs: number | null
  firstReplyTargetMs: number | null
}

export function clockWriter(db: Db): (clock: StoredClock) => void {
  const write = db.prepare(
    `UPDATE conversations SET sla_due_at = @dueAt, sla_due_soon_at = @dueSoonAt, priority_at = @priorityAt,
       first_reply_business_ms = @firstReplyBusinessMs, first_reply_target_ms = @firstReplyTargetMs, sla_dirty = 0
     WHERE id = @id`,
  )
  return (clock) => void write.run(clock)
}

/** After a policy change every open conversation of the workspace needs its clock again. */
export function markWorkspaceClocks(db: Db, workspaceId: number): number {
  return db
    .prepare(`UPDATE conversations SET sla_dirty = 1 WHERE workspace_id = ? AND status = 'open' AND sla_dirty = 0`)
    .run(workspaceId).changes
}

/** After a merge, an undone merge or a new reach or VIP mark: the open conversations of the whole family need their clock again. */
export function markFamilyClocks(db: Db, contactId: number): number {
  return db
    .prepare(
      `${familyOf('@contactId')}
       UPDATE conversations SET sla_dirty = 1
       WHERE contact_id IN (SELECT id FROM family) AND status = 'open' AND sla_dirty = 0`,
    )
    .run({ contactId }).changes
}

/** A clock at or past its due-soon time whose overdue alert has not been raised yet. */
export interface Crossing {
  id: number
  workspaceId: number
  dueAt: number
  dueSoonAt: number
  soonAlertedFor: number | null
  priorityAt: number | null
  contactName: string
}

// The WHERE repeats the partial index's condition word for word, so SQLite reads only that index.
const PENDING_ALERT = 'c.sla_due_soon_at IS NOT NULL AND c.sla_overdue_alerted_for IS NOT c.sla_due_at'

export function crossingsAt(db: Db, now: number): Crossing[] {
  return db
    .prepare(
      `SELECT c.id, c.workspace_id AS workspaceId, c.sla_due_at AS dueAt, c.sla_due_soon_at AS dueSoonAt,
              c.sla_soon_alerted_for AS soonAlertedFor, c.priority_at AS priorityAt, ct.display_name AS contactName
       FROM conversations c JOIN contacts ct ON ct.id = c.contact_id
       WHERE ${PENDING_ALERT} AND c.sla_due_soon_at <= ?`,
    )
    .all(now) as Crossing[]
}

/** The next due-soon time after `now` among clocks still to be announced. */
export function nextDueSoonAfter(db: Db, now: number): number | null {
  return db
    .prepare(`SELECT min(c.sla_due_soon_at) FROM conversations c WHERE ${PENDING_ALERT} AND c.sla_due_soon_at > ?`)
    .pluck()
    .get(now) as number | null
}

/**
 * Records, without an alert, up to `limit` crossings that happened before `before`: after an upgrade
 * or an import of old mail there can be a great many, and they are history, not news.
 */
export function silenceCrossingsBefore(db: Db, before: number, limit: number): number {
  return db
    .prepare(
      `UPDATE conversations SET sla_overdue_alerted_for = sla_due_at, sla_soon_alerted_for = sla_due_at
       WHERE id IN (SELECT c.id FROM conversations c
                    WHERE ${PENDING_ALERT} AND c.sla_due_soon_at <= @before AND c.sla_due_at <= @before LIMIT @limit)`,
    )
    .run({ before, limit }).changes
}

export function markAlerted(db: Db, kind: 'due-soon' | 'overdue', id: number, dueAt: number): void {
  // An overdue alert stands for the due-soon one too: nobody needs "soon" after "late".
  const sql =
    kind === 'overdue'
      ? 'UPDATE conversations SET sla_overdue_alerted_for = @dueAt, sla_soon_alerted_for = @dueAt WHERE id = @id'
      : 'UPDATE conversations SET sla_soon_alerted_for = @dueAt WHERE id = @id'
  db.prepare(sql).run({ id, dueAt })
}

/** A fresh public post from someone whose following reaches the workspace's alert threshold. */
export interface ReachPost {
  conversationId: number
  contactName: string
  followers: number
  priorityAt: number | null
}

/**
 * Reads the workspace's messages after its reach position, moves the position to the newest, and
 * returns the posts worth an alert. A workspace looked at for the first time reads from its start:
 * the freshness bound keeps history out.
 */
export function takeReachPosts(db: Db, workspaceId: number, threshold: number, freshSince: number): ReachPost[] {
  const range = messageIdRange(workspaceId)
  const seen = db.prepare('SELECT last_message_id FROM reach_watch WHERE workspace_id = ?').pluck().get(workspaceId) as
    number | undefined
  const after = seen ?? range.first - 1
  const newest = db
    .prepare('SELECT max(id) FROM messages WHERE id BETWEEN ? AND ?')
    .pluck()
    .get(after + 1, range.last) as number | null
  if (newest === null) return []
  db.prepare(
    `INSERT INTO reach_watch (workspace_id, last_message_id) VALUES (?, ?)
     ON CONFLICT (workspace_id) DO UPDATE SET last_message_id = excluded.last_message_id`,
  ).run(workspaceId, newest)
  return db
    .prepare(
      `SELECT c.id AS conversationId, ct.display_name AS contactName, max(i.followers) AS followers, c.priority_at AS priorityAt
       FROM messages m
       JOIN identities i ON i.id = m.author_identity_id
       JOIN conversations c ON c.id = m.conversation_id
       JOIN contacts ct ON ct.id = c.contact_id
       WHERE m.id > @after AND m.id <= @newest AND m.direction = 'in' AND m.sent_at >= @freshSince
         AND c.visibility = 'public' AND i.followers >= @threshold
       GROUP BY c.id`,
    )
    .all({ after, newest, freshSince, threshold }) as ReachPost[]
}
