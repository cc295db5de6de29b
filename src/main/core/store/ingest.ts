import type { Channel, Direction, EpochMs, Visibility } from '../../../shared/domain'
import type { Db } from './db'
import { messageIdRange } from './message-ids'

/** A person on a channel, as a provider describes them. */
export interface IngestIdentity {
  /** Stable provider id: a lower-cased email address, an X user id, a Facebook user id. */
  externalId: string
  handle?: string | null
  displayName: string
  followers?: number | null
}

/** One provider message, in channel-neutral form. Connectors produce these; ingest stores them. */
export interface IngestItem {
  externalId: string
  conversation: { externalId: string; visibility: Visibility; subject?: string | null }
  direction: Direction
  /** The customer side of the conversation (the author of an incoming message). */
  customer: IngestIdentity
  /** Who wrote it; defaults to the customer for incoming and the account for outgoing messages. */
  authorName?: string
  subject?: string | null
  bodyText: string
  bodyHtml?: string | null
  inReplyTo?: string | null
  sentAt: EpochMs
  /** The provider's payload as received, kept so a better parser can re-read it later. */
  raw?: Buffer | string | null
}

export interface IngestBatch {
  accountId: number
  items: readonly IngestItem[]
  /** Saved in the same transaction as the items it covers, so a crash never skips or repeats a batch. */
  cursor?: { stream: string; value: string }
}

export interface IngestOutcome {
  inserted: number
  updated: number
  conversationIds: number[]
  contactIds: number[]
}

interface AccountRow {
  workspace_id: number
  channel: Channel
  display_name: string
}

/**
 * Builds an ingest function with its statements prepared once. Ingest is an upsert keyed by
 * (account_id, external_id): replaying a batch changes nothing, an edited message is updated in place.
 */
export function createIngestor(db: Db): (batch: IngestBatch) => IngestOutcome {
  const s = prepare(db)
  const run = db.transaction((batch: IngestBatch): IngestOutcome => {
    const account = s.account.get(batch.accountId) as AccountRow | undefined
    if (!account) throw new Error(`Account ${batch.accountId} does not exist`)
    const range = messageIdRange(account.workspace_id)
    const before = s.lastMessageId.get(range) as number
    const state = newBatchState(account, batch.accountId, before + 1)
    for (const item of latestPerExternalId(batch.items)) ingestItem(s, state, item)
    if (state.inserted > 0) s.indexNewMessages.run({ after: before, last: range.last })
    // A customer writing again after we closed or snoozed the conversation wants an answer again.
    for (const [id, sentAt] of state.newestInbound) s.reopenOnNewer.run({ id, sentAt })
    for (const [id, added] of state.touched) s.addToConversation.run({ id, ...added })
    if (batch.cursor) s.saveCursor.run(batch.accountId, batch.cursor.stream, batch.cursor.value, state.now)
    return {
      inserted: state.inserted,
      updated: state.updated,
      conversationIds: [...state.touched.keys()],
      contactIds: [...state.contacts],
    }
  })
  return (batch) => run(batch)
}

/**
 * One row per message: a provider can repeat an item within a page (an edit, a retry); the last copy
 * wins. It also guarantees that an update only ever touches rows indexed by an earlier batch.
 */
function latestPerExternalId(items: readonly IngestItem[]): IngestItem[] {
  const byId = new Map<string, IngestItem>()
  for (const item of items) {
    byId.delete(item.externalId)
    byId.set(item.externalId, item)
  }
  return byId.size === items.length ? [...items] : [...byId.values()]
}

type Statements = ReturnType<typeof prepare>
type ResolvedIdentity = { id: number; contact_id: number; handle: string | null; display_name: string | null; followers: number | null }

/** Per-batch memo: a batch usually holds several messages of the same people and threads. */
function newBatchState(account: AccountRow, accountId: number, nextMessageId: number) {
  return {
    account,
    accountId,
    /** Ids are given here, not by SQLite: they must stay inside the workspace's range (message-ids.ts). */
    nextMessageId,
    now: Date.now(),
    identities: new Map<string, ResolvedIdentity>(),
    conversations: new Map<string, { id: number; isNew: boolean }>(),
    /** Newest incoming message per pre-existing conversation, for reopening. */
    newestInbound: new Map<number, number>(),
    /** What this batch added to each conversation, folded into its stored aggregates at the end. */
    touched: new Map<number, Added>(),
    contacts: new Set<number>(),
    inserted: 0,
    updated: 0,
  }
}
type BatchState = ReturnType<typeof newBatchState>

interface Added {
  count: number
  maxAt: number
  minIn: number | null
  maxIn: number | null
  maxOut: number | null
  /** The newest message's opening words: the conversation's snippet if it is newer than what is stored. */
  snippet: string
}

const SNIPPET_LENGTH = 240

const minOf = (a: number | null, b: number) => (a === null ? b : Math.min(a, b))
const maxOf = (a: number | null, b: number) => (a === null ? b : Math.max(a, b))

function addMessage(added: Added | undefined, item: IngestItem): Added {
  const inbound = item.direction === 'in'
  const newest = !added || item.sentAt >= added.maxAt
  return {
    count: (added?.count ?? 0) + 1,
    maxAt: newest ? item.sentAt : added.maxAt,
    minIn: inbound ? minOf(added?.minIn ?? null, item.sentAt) : (added?.minIn ?? null),
    maxIn: inbound ? maxOf(added?.maxIn ?? null, item.sentAt) : (added?.maxIn ?? null),
    maxOut: inbound ? (added?.maxOut ?? null) : maxOf(added?.maxOut ?? null, item.sentAt),
    snippet: newest ? item.bodyText.slice(0, SNIPPET_LENGTH) : added.snippet,
  }
}

function ingestItem(s: Statements, state: BatchState, item: IngestItem): void {
  const { account, accountId } = state
  const identity = resolveIdentity(s, state, item.customer)
  const conversation = resolveConversation(s, state, item, identity.contact_id)
  const authorName = item.authorName ?? (item.direction === 'in' ? item.customer.displayName : account.display_name)
  const inserted = s.insertMessage.run(
    state.nextMessageId,
    account.workspace_id,
    accountId,
    conversation.id,
    identity.contact_id,
    item.externalId,
    item.direction,
    item.direction === 'in' ? identity.id : null,
    authorName,
    item.subject ?? null,
    item.bodyText,
    item.bodyHtml ?? null,
    item.inReplyTo ?? null,
    item.sentAt,
    typeof item.raw === 'string' ? Buffer.from(item.raw, 'utf8') : (item.raw ?? null),
  ).changes
  if (inserted === 0) {
    const { subject = null, bodyText, bodyHtml = null, externalId } = item
    state.updated += s.updateMessage.run({ subject, bodyText, bodyHtml, authorName, accountId, externalId }).changes
    return
  }
  state.inserted++
  state.nextMessageId++
  state.touched.set(conversation.id, addMessage(state.touched.get(conversation.id), item))
  state.contacts.add(identity.contact_id)
  if (item.direction === 'in' && !conversation.isNew) {
    state.newestInbound.set(conversation.id, Math.max(item.sentAt, state.newestInbound.get(conversation.id) ?? 0))
  }
}

function resolveIdentity(s: Statements, state: BatchState, who: IngestIdentity): ResolvedIdentity {
  const { workspace_id: workspaceId, channel } = state.account
  const existing =
    state.identities.get(who.externalId) ??
    (s.findIdentity.get(workspaceId, channel, who.externalId) as ResolvedIdentity | undefined)
  if (existing) {
    const followers = who.followers ?? existing.followers
    const handle = who.handle ?? existing.handle
    if (followers !== existing.followers || handle !== existing.handle || who.displayName !== existing.display_name) {
      s.updateIdentity.run(handle, who.displayName, followers, existing.id)
    }
    const current = { ...existing, followers, handle, display_name: who.displayName }
    state.identities.set(who.externalId, current)
    return current
  }
  const contactId = Number(s.insertContact.run(workspaceId, who.displayName, state.now).lastInsertRowid)
  const handle = who.handle ?? null
  const followers = who.followers ?? null
  const id = Number(
    s.insertIdentity.run(workspaceId, contactId, channel, who.externalId, handle, who.displayName, followers).lastInsertRowid,
  )
  const created = { id, contact_id: contactId, handle, display_name: who.displayName, followers }
  state.identities.set(who.externalId, created)
  return created
}

function resolveConversation(s: Statements, state: BatchState, item: IngestItem, contactId: number) {
  const key = item.conversation.externalId
  const cached = state.conversations.get(key)
  if (cached) return cached
  const found = s.findConversation.get(state.accountId, key) as { id: number } | undefined
  const resolved = found
    ? { id: found.id, isNew: false }
    : {
        id: Number(
          s.insertConversation.run(
            state.account.workspace_id,
            state.accountId,
            state.account.channel,
            key,
            contactId,
            item.conversation.visibility,
            item.conversation.subject ?? item.subject ?? null,
            item.sentAt,
          ).lastInsertRowid,
        ),
        isNew: true,
      }
  state.conversations.set(key, resolved)
  return resolved
}

function prepare(db: Db) {
  return {
    account: db.prepare('SELECT workspace_id, channel, display_name FROM accounts WHERE id = ?'),
    findIdentity: db.prepare(
      'SELECT id, contact_id, handle, display_name, followers FROM identities WHERE workspace_id = ? AND channel = ? AND external_id = ?',
    ),
    updateIdentity: db.prepare('UPDATE identities SET handle = ?, display_name = ?, followers = ? WHERE id = ?'),
    insertContact: db.prepare('INSERT INTO contacts (workspace_id, display_name, created_at) VALUES (?, ?, ?)'),
    insertIdentity: db.prepare(
      'INSERT INTO identities (workspace_id, contact_id, channel, external_id, handle, display_name, followers) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    findConversation: db.prepare('SELECT id FROM conversations WHERE account_id = ? AND external_id = ?'),
    insertConversation: db.prepare(
      `INSERT INTO conversations (workspace_id, account_id, channel, external_id, contact_id, visibility, subject, last_message_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    // New messages are the common case: try the insert and fall back to an update on conflict.
    insertMessage: db.prepare(
      `INSERT INTO messages (id, workspace_id, account_id, conversation_id, contact_id, external_id, direction,
         author_identity_id, author_name, subject, body_text, body_html, in_reply_to, sent_at, raw)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, external_id) DO NOTHING`,
    ),
    // The WHERE keeps a replay from touching the full-text index.
    updateMessage: db.prepare(
      `UPDATE messages SET subject = @subject, body_text = @bodyText, body_html = @bodyHtml, author_name = @authorName
       WHERE account_id = @accountId AND external_id = @externalId
         AND (subject IS NOT @subject OR body_text IS NOT @bodyText
              OR body_html IS NOT @bodyHtml OR author_name IS NOT @authorName)`,
    ),
    reopenOnNewer: db.prepare(
      `UPDATE conversations SET status = 'open', snoozed_until = NULL
       WHERE id = @id AND status IN ('done', 'snoozed') AND @sentAt > last_message_at`,
    ),
    // A batch's messages are folded into the stored aggregates (min, max and sum don't care about
    // arrival order). SET expressions read the row's old values, which is what the CASEs rely on.
    // The first reply is looked up again: an older customer message can make an earlier reply count.
    addToConversation: db.prepare(
      `UPDATE conversations SET
         message_count = message_count + @count,
         last_message_at = max(last_message_at, @maxAt),
         snippet = CASE WHEN @maxAt >= last_message_at THEN @snippet ELSE snippet END,
         last_inbound_at = coalesce(max(last_inbound_at, @maxIn), last_inbound_at, @maxIn),
         last_outbound_at = coalesce(max(last_outbound_at, @maxOut), last_outbound_at, @maxOut),
         first_customer_message_at = coalesce(min(first_customer_message_at, @minIn), first_customer_message_at, @minIn),
         first_reply_at = (
           SELECT min(o.sent_at) FROM messages o
           WHERE o.conversation_id = @id AND o.direction = 'out'
             AND o.sent_at >= coalesce(min(conversations.first_customer_message_at, @minIn),
                                       conversations.first_customer_message_at, @minIn))
       WHERE id = @id`,
    ),
    lastMessageId: db.prepare('SELECT coalesce(max(id), @first - 1) FROM messages WHERE id BETWEEN @first AND @last').pluck(),
    // A batch's new rows take the ids after the workspace's highest (single writer), so they are
    // exactly the rows of its range above the maximum taken when it began.
    indexNewMessages: db.prepare(
      `INSERT INTO messages_fts (rowid, subject, body_text, author_name)
       SELECT id, subject, body_text, author_name FROM messages WHERE id > @after AND id <= @last`,
    ),
    saveCursor: db.prepare(
      `INSERT INTO sync_cursors (account_id, stream, cursor, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (account_id, stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
    ),
  }
}
