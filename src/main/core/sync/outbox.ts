import { randomUUID } from 'node:crypto'
import type { Channel, OutboxItem } from '../../../shared/domain'
import { EarshotError, notFound } from '../../../shared/errors'
import type { Db } from '../store/db'
import type { ChangedTable } from '../../../shared/contract'
import type { EventBus } from '../events'
import { createIngestor } from '../store/ingest'
import { ConnectorError, type Connector, type OutboxJob, type RemoteRef } from '../connectors/types'
import { loadSyncAccount, type SyncAccount } from './accounts'
import { backoffDelay } from './backoff'

export type { OutboxItem }

const X_LIMIT = 280
const MESSENGER_WINDOW_MS = 24 * 3_600_000

/**
 * Queues a reply after checking what the channel would refuse anyway: X's 280 characters, Messenger's
 * 24 hours since the customer's last message. The idempotency key is random and unique per reply.
 */
export function queueReply(db: Db, arg: { conversationId: number; bodyText: string; inReplyToMessageId?: number; now?: number }): OutboxItem {
  const now = arg.now ?? Date.now()
  const conversation = db
    .prepare('SELECT workspace_id, account_id, channel, visibility, last_inbound_at FROM conversations WHERE id = ?')
    .get(arg.conversationId) as { workspace_id: number; account_id: number; channel: Channel; visibility: string; last_inbound_at: number | null } | undefined
  if (!conversation) throw notFound('The conversation')
  const body = arg.bodyText.trim()
  if (!body) throw new EarshotError('INVALID', 'The reply is empty.')
  if (conversation.channel === 'x' && [...body].length > X_LIMIT) {
    throw new EarshotError('INVALID', `A reply on X may have at most ${X_LIMIT} characters; this one has ${[...body].length}.`)
  }
  if (conversation.channel === 'facebook' && conversation.visibility === 'private') {
    const since = conversation.last_inbound_at === null ? null : now - conversation.last_inbound_at
    if (since === null || since > MESSENGER_WINDOW_MS) {
      throw new EarshotError('INVALID', 'Messenger allows a reply only within 24 hours of the customer’s last message.')
    }
  }
  const id = Number(
    db.prepare(
      `INSERT INTO outbox (workspace_id, account_id, conversation_id, in_reply_to_message_id, body_text, idempotency_key, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(conversation.workspace_id, conversation.account_id, arg.conversationId, arg.inReplyToMessageId ?? null, body, randomUUID(), now, now).lastInsertRowid,
  )
  return getOutboxItem(db, id)
}

interface OutboxRow {
  id: number
  conversation_id: number
  body_text: string
  state: OutboxItem['state']
  attempts: number
  last_error: string | null
  remote_id: string | null
  created_at: number
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

interface JobRow {
  id: number; account_id: number; workspace_id: number; conversation_id: number; idempotency_key: string; body_text: string; created_at: number
  conversation_external_id: string; visibility: 'public' | 'private'; subject: string | null; last_inbound_at: number | null
  in_reply_to: string | null; recipient: string | null; recipient_name: string | null; recipient_handle: string | null
}

/** The job as a connector sees it: provider ids of the conversation, the message answered and the customer. */
function loadJob(db: Db, id: number): JobRow | undefined {
  return db.prepare(
    `SELECT o.id, o.account_id, o.workspace_id, o.conversation_id, o.idempotency_key, o.body_text, o.created_at,
            c.external_id AS conversation_external_id, c.visibility, c.subject, c.last_inbound_at,
            coalesce(answered.external_id, latest.external_id) AS in_reply_to,
            i.external_id AS recipient, i.display_name AS recipient_name, i.handle AS recipient_handle
     FROM outbox o
     JOIN conversations c ON c.id = o.conversation_id
     LEFT JOIN messages answered ON answered.id = o.in_reply_to_message_id
     LEFT JOIN messages latest ON latest.id = (
       SELECT id FROM messages WHERE conversation_id = c.id AND direction = 'in' ORDER BY sent_at DESC, id DESC LIMIT 1)
     LEFT JOIN identities i ON i.id = coalesce(answered.author_identity_id, latest.author_identity_id)
     WHERE o.id = ?`,
  ).get(id) as JobRow | undefined
}

const toJob = (row: JobRow): OutboxJob => ({
  id: row.id,
  idempotencyKey: row.idempotency_key,
  bodyText: row.body_text,
  conversationExternalId: row.conversation_external_id,
  inReplyToExternalId: row.in_reply_to,
  recipientExternalId: row.recipient ?? '',
  visibility: row.visibility,
  subject: row.subject,
  queuedAt: row.created_at,
  lastInboundAt: row.last_inbound_at,
})

export interface OutboxWorkerDeps {
  db: Db
  events: EventBus
  connectorFor(account: SyncAccount): Connector | null
  now?: () => number
  random?: () => number
}

export function createOutboxWorker(deps: OutboxWorkerDeps) {
  const now = deps.now ?? Date.now
  const random = deps.random ?? Math.random
  const ingest = createIngestor(deps.db)
  const notBefore = new Map<number, number>()
  const controller = new AbortController()
  const setState = deps.db.prepare('UPDATE outbox SET state = ?, last_error = ?, updated_at = ? WHERE id = ?')

  const connectorOf = (accountId: number) => {
    const account = loadSyncAccount(deps.db, accountId)
    return account ? deps.connectorFor(account) : null
  }

  /** Marks the reply sent and puts it on the timeline as an outgoing message, in one transaction. */
  const markSent = (row: JobRow, ref: RemoteRef) => {
    deps.db.transaction(() => {
      ingest({
        accountId: row.account_id,
        items: [{
          externalId: ref.externalId,
          conversation: { externalId: row.conversation_external_id, visibility: row.visibility },
          direction: 'out',
          customer: { externalId: row.recipient ?? 'unknown', displayName: row.recipient_name ?? row.recipient ?? 'unknown', handle: row.recipient_handle },
          bodyText: row.body_text,
          inReplyTo: row.in_reply_to,
          sentAt: ref.sentAt,
        }],
      })
      deps.db.prepare("UPDATE outbox SET state = 'sent', remote_id = ?, last_error = NULL, updated_at = ? WHERE id = ?").run(ref.externalId, now(), row.id)
    })()
    notBefore.delete(row.id)
    announce(row, ['messages', 'conversations', 'outbox'])
  }

  const announce = (row: JobRow, tables: ChangedTable[] = ['outbox']) =>
    deps.events.emit('db:changed', { tables, workspaceId: row.workspace_id, ids: [row.conversation_id] })

  const fail = (row: JobRow, error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    const kind = error instanceof ConnectorError ? error.kind : 'transient'
    if (kind === 'rejected') {
      setState.run('failed', message, now(), row.id)
      announce(row)
      return
    }
    // Not sent (or unknown, and findSent will settle it): back to the queue with backoff.
    setState.run('queued', message, now(), row.id)
    const attempts = (deps.db.prepare('SELECT attempts FROM outbox WHERE id = ?').get(row.id) as { attempts: number }).attempts
    const retryAt = error instanceof ConnectorError && error.retryAt ? error.retryAt : now() + backoffDelay(attempts, random)
    notBefore.set(row.id, retryAt)
    announce(row)
  }

  /** One reply: committed as 'sending' before the network call, so a crash leaves a trace to reconcile. */
  const sendOne = async (id: number): Promise<void> => {
    const claimed = deps.db
      .prepare("UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'queued'")
      .run(now(), id).changes
    const row = loadJob(deps.db, id)
    if (!claimed || !row) return
    announce(row)
    const connector = connectorOf(row.account_id)
    if (!connector) return fail(row, new ConnectorError('auth', 'No access token is stored for this account.'))
    try {
      markSent(row, await connector.send(toJob(row), controller.signal))
    } catch (error) {
      if (controller.signal.aborted) return
      fail(row, error)
    }
  }

  return {
    /** At startup, before any send: every reply left in 'sending' is looked up at the provider. */
    async reconcile(): Promise<void> {
      const stuck = deps.db.prepare("SELECT id FROM outbox WHERE state = 'sending' ORDER BY id").all() as { id: number }[]
      for (const { id } of stuck) {
        const row = loadJob(deps.db, id)
        const connector = row ? connectorOf(row.account_id) : null
        if (!row || !connector) continue
        try {
          const found = await connector.findSent(toJob(row), controller.signal)
          if (found) markSent(row, found)
          else setState.run('queued', 'Interrupted before the provider confirmed; sending again.', now(), id)
        } catch (error) {
          // 'rejected': the provider cannot tell whether it went out; never resend, never claim it sent.
          // Anything else (offline): leave it in 'sending' for the next start to settle.
          if (error instanceof ConnectorError && error.kind === 'rejected') fail(row, error)
        }
      }
    },
    /** Sends every queued reply that is due, one at a time; returns how many were tried. */
    async drain(): Promise<number> {
      const due = (deps.db.prepare("SELECT id FROM outbox WHERE state = 'queued' ORDER BY id").all() as { id: number }[])
        .filter(({ id }) => (notBefore.get(id) ?? 0) <= now())
      for (const { id } of due) {
        if (controller.signal.aborted) break
        await sendOne(id)
      }
      return due.length
    },
    stop: () => controller.abort(),
  }
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>
