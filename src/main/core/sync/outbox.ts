import { withQuote } from '../../../shared/replyRules'
import type { Db } from '../store/db'
import type { ChangedTable } from '../../../shared/contract'
import type { EventBus } from '../events'
import { createIngestor } from '../store/ingest'
import { ConnectorError, type Connector, type OutboxJob, type RemoteRef } from '../connectors/types'
import { loadSyncAccount, type SyncAccount } from './accounts'
import { backoffDelay } from './backoff'

interface JobRow {
  id: number; account_id: number; workspace_id: number; conversation_id: number; idempotency_key: string; body_text: string; quote_text: string | null; created_at: number
  conversation_external_id: string; visibility: 'public' | 'private'; subject: string | null; last_inbound_at: number | null
  in_reply_to: string | null; recipient: string | null; recipient_name: string | null; recipient_handle: string | null
}

/** The job as a connector sees it: provider ids of the conversation, the message answered and the customer. */
function loadJob(db: Db, id: number): JobRow | undefined {
  return db.prepare(
    `SELECT o.id, o.account_id, o.workspace_id, o.conversation_id, o.idempotency_key, o.body_text, o.quote_text, o.created_at,
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

/** What goes out: the reply as typed, then the quoted original of an email reply. */
const sentText = (row: JobRow): string => withQuote(row.body_text, row.quote_text)

const toJob = (row: JobRow): OutboxJob => ({
  id: row.id,
  idempotencyKey: row.idempotency_key,
  bodyText: sentText(row),
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
  /** Replies whose last attempt found the provider unreachable: a sync that gets through wakes them. */
  const waitingForNetwork = new Set<number>()
  const controller = new AbortController()
  const setState = deps.db.prepare('UPDATE outbox SET state = ?, last_error = ?, updated_at = ? WHERE id = ?')
  const requeue = deps.db.prepare("UPDATE outbox SET state = 'queued', last_error = ?, not_before = ?, updated_at = ? WHERE id = ?")

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
          bodyText: sentText(row),
          inReplyTo: row.in_reply_to,
          sentAt: ref.sentAt,
        }],
      })
      deps.db.prepare("UPDATE outbox SET state = 'sent', remote_id = ?, last_error = NULL, updated_at = ? WHERE id = ?").run(ref.externalId, now(), row.id)
    })()
    waitingForNetwork.delete(row.id)
    announce(row, ['messages', 'conversations', 'outbox'])
  }

  const announce = (row: JobRow, tables: ChangedTable[] = ['outbox']) =>
    deps.events.emit('db:changed', { tables, workspaceId: row.workspace_id, ids: [row.conversation_id] })

  const fail = (row: JobRow, error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    const kind = error instanceof ConnectorError ? error.kind : 'transient'
    waitingForNetwork.delete(row.id)
    if (kind === 'rejected') {
      setState.run('failed', message, now(), row.id)
      announce(row)
      return
    }
    // Not sent (or unknown, and findSent will settle it): back to the queue with backoff, kept in the
    // row so a restart neither forgets the wait nor hammers a provider that asked us to slow down.
    const attempts = (deps.db.prepare('SELECT attempts FROM outbox WHERE id = ?').get(row.id) as { attempts: number }).attempts
    const retryAt = error instanceof ConnectorError && error.retryAt ? error.retryAt : now() + backoffDelay(attempts, random)
    requeue.run(message, retryAt, now(), row.id)
    if (kind === 'transient') waitingForNetwork.add(row.id)
    announce(row)
  }

  /**
   * One reply: committed as 'sending' before the network call, so a crash leaves a trace to reconcile.
   * The claim is one guarded UPDATE: a reply taken back (deleted) or not yet due is never claimed.
   */
  const sendOne = async (id: number): Promise<void> => {
    const claimed = deps.db
      .prepare("UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'queued' AND not_before <= ?")
      .run(now(), id, now()).changes
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
    /** Sends every queued reply that is due (its undo time and any backoff over), one at a time; returns how many were tried. */
    async drain(): Promise<number> {
      const due = deps.db.prepare("SELECT id FROM outbox WHERE state = 'queued' AND not_before <= ? ORDER BY id").all(now()) as { id: number }[]
      for (const { id } of due) {
        if (controller.signal.aborted) break
        await sendOne(id)
      }
      return due.length
    },
    /** When the next queued reply falls due (null: none is queued), so the host can wake up for it. */
    nextDueAt(): number | null {
      return deps.db.prepare("SELECT min(not_before) FROM outbox WHERE state = 'queued'").pluck().get() as number | null
    },
    /**
     * The account answered a sync again: its replies that waited only because the provider was
     * unreachable are due now instead of at the end of their backoff. Rate-limited ones keep waiting.
     * Returns how many were woken.
     */
    wake(accountId: number): number {
      const waiting = deps.db
        .prepare("SELECT id FROM outbox WHERE account_id = ? AND state = 'queued' AND not_before > ?")
        .all(accountId, now()) as { id: number }[]
      const woken = waiting.filter(({ id }) => waitingForNetwork.delete(id))
      const due = deps.db.prepare('UPDATE outbox SET not_before = ? WHERE id = ?')
      for (const { id } of woken) due.run(now(), id)
      return woken.length
    },
    stop: () => controller.abort(),
  }
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>
