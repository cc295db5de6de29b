import { randomUUID } from 'node:crypto'
import type { OutboxCount, ReplyLanguage } from '../../../shared/commands/composer'
import type { Channel, OutboxItem, Visibility } from '../../../shared/domain'
import { EarshotError, notFound } from '../../../shared/errors'
import { quoteOriginal, replyProblem, type ReplyProblem } from '../../../shared/replyRules'
import type { Db } from '../store/db'
import { mastodonReplyFacts } from './mastodon-accounts'

/**
 * The person's side of the outbox: queueing a reply (after the checks the channel would make
 * anyway), taking it back while it still waits, retrying one that failed. The sending side is
 * ./outbox.ts; the two meet only in the row's state, changed by single guarded UPDATE/DELETE
 * statements, so an undo and a send can never both win.
 */

interface OutboxRow {
  id: number
  conversation_id: number
  body_text: string
  state: OutboxItem['state']
  attempts: number
  last_error: string | null
  remote_id: string | null
  created_at: number
  not_before: number
}

const toOutboxItem = (row: OutboxRow): OutboxItem => ({
  id: row.id,
  conversationId: row.conversation_id,
  bodyText: row.body_text,
  state: row.state,
  attempts: row.attempts,
  lastError: row.last_error,
  remoteId: row.remote_id,
  createdAt: row.created_at,
  notBefore: row.not_before,
})

export function getOutboxItem(db: Db, id: number): OutboxItem {
  const row = db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as OutboxRow | undefined
  if (!row) throw notFound('The reply')
  return toOutboxItem(row)
}

/** A conversation's replies that are not yet on its timeline (queued, sending, failed), oldest first. */
export function listPendingReplies(db: Db, conversationId: number): OutboxItem[] {
  const rows = db
    .prepare(`SELECT * FROM outbox WHERE conversation_id = ? AND state <> 'sent' ORDER BY id`)
    .all(conversationId) as OutboxRow[]
  return rows.map(toOutboxItem)
}

function problemMessage(problem: ReplyProblem): string {
  switch (problem.kind) {
    case 'empty':
      return 'The reply is empty.'
    case 'window-closed':
      return 'Messenger allows a reply only within 24 hours of the customer’s last message.'
    case 'answered-on-site':
      return 'A mention found on the web is answered on its site; open it with "Reply on the site".'
    case 'too-long':
      return `This channel allows at most ${problem.max} characters in a reply; this one has ${problem.used}.`
  }
}

/** The customer's latest message, quoted below an email reply. */
function quoteOfLatest(db: Db, conversationId: number, language: ReplyLanguage): string | null {
  const original = db
    .prepare(
      `SELECT author_name, sent_at, body_text FROM messages
       WHERE conversation_id = ? AND direction = 'in' ORDER BY sent_at DESC, id DESC LIMIT 1`,
    )
    .get(conversationId) as { author_name: string; sent_at: number; body_text: string } | undefined
  return original
    ? quoteOriginal(
        { authorName: original.author_name, sentAt: original.sent_at, bodyText: original.body_text },
        language,
      )
    : null
}

export interface QueueArg {
  conversationId: number
  bodyText: string
  inReplyToMessageId?: number
  /** How long the reply waits for an "Undo" before the outbox may send it. */
  holdMs?: number
  /** Email only: quote the customer's latest message below the reply, introduced in this language. */
  quoteLanguage?: ReplyLanguage
  now?: number
}

/**
 * Queues a reply after checking what the channel would refuse anyway (shared/replyRules.ts). The
 * idempotency key is random and unique per reply.
 */
export function queueReply(db: Db, arg: QueueArg): OutboxItem {
  const now = arg.now ?? Date.now()
  const conversation = db
    .prepare('SELECT workspace_id, account_id, channel, visibility, last_inbound_at FROM conversations WHERE id = ?')
    .get(arg.conversationId) as
    | {
        workspace_id: number
        account_id: number
        channel: Channel
        visibility: Visibility
        last_inbound_at: number | null
      }
    | undefined
  if (!conversation) throw notFound('The conversation')
  const body = arg.bodyText.trim()
  const target = {
    channel: conversation.channel,
    visibility: conversation.visibility,
    lastInboundAt: conversation.last_inbound_at,
    ...(conversation.channel === 'mastodon' ? { mastodon: mastodonReplyFacts(db, arg.conversationId) } : {}),
  }
  const problem = replyProblem(target, body, now)
  if (problem) throw new EarshotError('INVALID', problemMessage(problem))
  if (arg.quoteLanguage && conversation.channel !== 'email')
    throw new EarshotError('INVALID', 'Only an email reply quotes the original.')
  const quote = arg.quoteLanguage ? quoteOfLatest(db, arg.conversationId, arg.quoteLanguage) : null
  const id = Number(
    db
      .prepare(
        `INSERT INTO outbox (workspace_id, account_id, conversation_id, in_reply_to_message_id, body_text, quote_text,
                             idempotency_key, created_at, updated_at, not_before)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        conversation.workspace_id,
        conversation.account_id,
        arg.conversationId,
        arg.inReplyToMessageId ?? null,
        body,
        quote,
        randomUUID(),
        now,
        now,
        now + (arg.holdMs ?? 0),
      ).lastInsertRowid,
  )
  return getOutboxItem(db, id)
}

const TOO_LATE: Record<'sending' | 'sent', string> = {
  sending: 'This reply is being sent right now and can no longer be taken back.',
  sent: 'This reply has already been sent.',
}

/**
 * Takes back a reply that is not on its way: still queued (undo), or failed (to rewrite one the
 * provider refused, which a retry would not change). The row goes, its text comes back. One guarded
 * DELETE, so it cannot race the outbox's claim (UPDATE … WHERE state = 'queued'): exactly one wins.
 */
export function cancelReply(
  db: Db,
  outboxId: number,
): { bodyText: string; conversationId: number; workspaceId: number } {
  const row = db
    .prepare('SELECT conversation_id, workspace_id, body_text, state FROM outbox WHERE id = ?')
    .get(outboxId) as
    { conversation_id: number; workspace_id: number; body_text: string; state: OutboxItem['state'] } | undefined
  if (!row) throw notFound('The reply')
  if (row.state === 'sending' || row.state === 'sent') throw new EarshotError('CONFLICT', TOO_LATE[row.state])
  db.prepare("DELETE FROM outbox WHERE id = ? AND state IN ('queued', 'failed')").run(outboxId)
  return { bodyText: row.body_text, conversationId: row.conversation_id, workspaceId: row.workspace_id }
}

/** Queues a failed reply again, due at once. The attempts so far stay counted. */
export function retryReply(db: Db, outboxId: number, now = Date.now()): OutboxItem {
  const changed = db
    .prepare("UPDATE outbox SET state = 'queued', not_before = ?, updated_at = ? WHERE id = ? AND state = 'failed'")
    .run(now, now, outboxId).changes
  const item = getOutboxItem(db, outboxId)
  if (changed === 0) throw new EarshotError('CONFLICT', 'Only a reply that failed can be retried.')
  return item
}

/** Replies not at the provider yet, in one workspace or all: what the header's outbox count shows. */
export function countOutbox(db: Db, workspaceId?: number): OutboxCount {
  const row = db
    .prepare(
      `SELECT count(*) FILTER (WHERE state IN ('queued', 'sending')) AS waiting, count(*) FILTER (WHERE state = 'failed') AS failed
       FROM outbox WHERE state <> 'sent' AND (? IS NULL OR workspace_id = ?)`,
    )
    .get(workspaceId ?? null, workspaceId ?? null) as OutboxCount
  return { waiting: row.waiting, failed: row.failed }
}
