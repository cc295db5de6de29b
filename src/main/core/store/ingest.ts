import type { Channel, Direction, EpochMs, Sentiment, Visibility } from '../../../shared/domain'
import { moodOfMessage } from '../insight/sentiment'
import type { Db } from './db'
import { prepareIngestStatements, type IngestStatements } from './ingest-statements'
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
  /** The listening query (listen_queries.id) a public post was found by, when it was found by one. */
  listenQueryId?: number | null
  /**
   * The mood of an incoming message when it was read already, off the ingest thread (the import's
   * parse stage does); otherwise ingest reads it. Ignored for outgoing messages.
   */
  mood?: Sentiment
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
  const s = prepareIngestStatements(db)
  const run = db.transaction((batch: IngestBatch): IngestOutcome => {
    const account = s.account.get(batch.accountId) as AccountRow | undefined
    if (!account) throw new Error(`Account ${batch.accountId} does not exist`)
    const range = messageIdRange(account.workspace_id)
    const before = s.lastMessageId.get(range) as number
    const state = newBatchState(account, batch.accountId, before + 1)
    const items = latestPerExternalId(batch.items)
    createNewPeople(s, state, items)
    for (const item of items) ingestItem(s, state, item)
    if (state.inserted > 0) s.indexNewMessages.run({ after: before, last: range.last })
    // A customer writing again after we closed or snoozed the conversation wants an answer again.
    for (const [id, sentAt] of state.newestInbound) s.reopenOnNewer.run({ id, sentAt })
    for (const [id, added] of state.touched) {
      const { count, maxAt, minIn, maxIn, maxOut, snippet, sentiment } = added
      const mood = { sentiment: sentiment?.score ?? null, sentimentLabel: sentiment?.label ?? null }
      s.addToConversation.run({ id, count, maxAt, minIn, maxIn, maxOut, snippet, ...mood })
    }
    if (batch.cursor) s.saveCursor.run(batch.accountId, batch.cursor.stream, batch.cursor.value, state.now)
    return {
      inserted: state.inserted,
      updated: state.updated,
      conversationIds: [...state.changedConversations],
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

type Statements = IngestStatements
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
    /** Conversations that got a new message, in order (a new one may hold its only message already). */
    changedConversations: new Set<number>(),
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
  /** The mood of the newest incoming message: the conversation's if it is newer than what is stored. */
  sentiment: Sentiment | null
}

const SNIPPET_LENGTH = 240

const minOf = (a: number | null, b: number) => (a === null ? b : Math.min(a, b))
const maxOf = (a: number | null, b: number) => (a === null ? b : Math.max(a, b))

function addMessage(added: Added | undefined, item: IngestItem, mood: Sentiment | null): Added {
  const inbound = item.direction === 'in'
  const newest = !added || item.sentAt >= added.maxAt
  const priorIn = added?.maxIn ?? null
  const newestInbound = inbound && (priorIn === null || item.sentAt >= priorIn)
  return {
    count: (added?.count ?? 0) + 1,
    maxAt: newest ? item.sentAt : added.maxAt,
    minIn: inbound ? minOf(added?.minIn ?? null, item.sentAt) : (added?.minIn ?? null),
    maxIn: inbound ? maxOf(added?.maxIn ?? null, item.sentAt) : (added?.maxIn ?? null),
    maxOut: inbound ? (added?.maxOut ?? null) : maxOf(added?.maxOut ?? null, item.sentAt),
    snippet: newest ? item.bodyText.slice(0, SNIPPET_LENGTH) : added.snippet,
    sentiment: newestInbound ? mood : (added?.sentiment ?? null),
  }
}

/** Only what customers write is read for mood. */
const moodOf = (item: IngestItem): Sentiment | null =>
  item.direction === 'in' ? (item.mood ?? moodOfMessage(item.subject, item.bodyText)) : null

function ingestItem(s: Statements, state: BatchState, item: IngestItem): void {
  const { account, accountId } = state
  const identity = resolveIdentity(s, state, item.customer)
  const authorName = item.authorName ?? (item.direction === 'in' ? item.customer.displayName : account.display_name)
  const mood = moodOf(item)
  const conversation = resolveConversation(s, state, item, identity.contact_id, mood)
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
    mood?.score ?? null,
    mood?.label ?? null,
    item.listenQueryId ?? null,
  ).changes
  if (inserted === 0) {
    const { subject = null, bodyText, bodyHtml = null, externalId } = item
    const sentiment = mood?.score ?? null
    const sentimentLabel = mood?.label ?? null
    const edit = { subject, bodyText, bodyHtml, authorName, accountId, externalId, sentiment, sentimentLabel }
    const edited = s.updateMessage.run(edit)
    state.updated += edited.changes
    if (edited.changes > 0 && mood) s.refreshConversationMood.run(conversation.id)
    // A post that came in as a mention first is also one of the query's findings.
    if (item.listenQueryId != null) s.linkListenQuery.run(item.listenQueryId, accountId, externalId)
    return
  }
  state.inserted++
  state.nextMessageId++
  if (!conversation.holdsItem) {
    state.touched.set(conversation.id, addMessage(state.touched.get(conversation.id), item, mood))
  }
  state.changedConversations.add(conversation.id)
  state.contacts.add(identity.contact_id)
  if (item.direction === 'in' && !conversation.isNew) {
    state.newestInbound.set(conversation.id, Math.max(item.sentAt, state.newestInbound.get(conversation.id) ?? 0))
  }
}

/** The customer's identity (createNewPeople found or made it); a changed name, handle or reach is saved. */
function resolveIdentity(s: Statements, state: BatchState, who: IngestIdentity): ResolvedIdentity {
  // Every customer of the batch is in the memo before its first message is stored.
  const existing = state.identities.get(who.externalId)!
  const followers = who.followers ?? existing.followers
  const handle = who.handle ?? existing.handle
  if (followers !== existing.followers || handle !== existing.handle || who.displayName !== existing.display_name) {
    s.updateIdentity.run(handle, who.displayName, followers, existing.id)
  }
  // Spelt out: a spread followed by more properties is V8's slow path, and this runs per message.
  const current = { id: existing.id, contact_id: existing.contact_id, handle, display_name: who.displayName, followers }
  state.identities.set(who.externalId, current)
  return current
}

/**
 * The conversation's row id. A new conversation is written with its first message already counted,
 * so it needs no second write at the end of the batch (holdsItem) — unless that message is stored
 * already (it moved to another thread), which ingest then only updates.
 */
function resolveConversation(
  s: Statements,
  state: BatchState,
  item: IngestItem,
  contactId: number,
  mood: Sentiment | null,
) {
  const key = item.conversation.externalId
  const cached = state.conversations.get(key)
  if (cached) return { id: cached.id, isNew: cached.isNew, holdsItem: false }
  const found = s.findConversation.get(state.accountId, key) as { id: number } | undefined
  if (found) {
    state.conversations.set(key, { id: found.id, isNew: false })
    return { id: found.id, isNew: false, holdsItem: false }
  }
  const holdsItem = s.messageExists.get(state.accountId, item.externalId) === undefined
  const row = {
    workspaceId: state.account.workspace_id,
    accountId: state.accountId,
    channel: state.account.channel,
    externalId: key,
    contactId,
    visibility: item.conversation.visibility,
    subject: item.conversation.subject ?? item.subject ?? null,
    lastMessageAt: item.sentAt,
  }
  const aggregates = holdsItem ? firstMessageAggregates(item, mood) : NO_MESSAGES
  // Object.assign: a spread amid a literal's properties is V8's slow path, and this runs per new conversation.
  const id = Number(s.insertConversation.run(Object.assign(row, aggregates)).lastInsertRowid)
  state.conversations.set(key, { id, isNew: true })
  return { id, isNew: true, holdsItem }
}

const NO_MESSAGES = {
  count: 0,
  snippet: '',
  sentiment: null,
  sentimentLabel: null,
  lastInboundAt: null,
  lastOutboundAt: null,
  firstCustomerMessageAt: null,
}

/** A one-message conversation's aggregates, as addToConversation would fold them into an empty row. */
function firstMessageAggregates(item: IngestItem, mood: Sentiment | null) {
  const inbound = item.direction === 'in'
  return {
    count: 1,
    snippet: item.bodyText.slice(0, SNIPPET_LENGTH),
    sentiment: mood?.score ?? null,
    sentimentLabel: mood?.label ?? null,
    lastInboundAt: inbound ? item.sentAt : null,
    lastOutboundAt: inbound ? null : item.sentAt,
    firstCustomerMessageAt: inbound ? item.sentAt : null,
  }
}

/**
 * Creates the contacts and identities of a batch's new people up front, one statement each: their
 * full-text triggers then flush the index once per batch instead of once per person (FTS5 writes
 * its pending terms at every statement), which made a new sender cost more than their message.
 * Each person is created as the per-item path would have (first appearance wins; later items of
 * the batch update the identity as usual).
 */
function createNewPeople(s: Statements, state: BatchState, items: readonly IngestItem[]): void {
  const { workspace_id: workspaceId, channel } = state.account
  // The batch's people, in order of first appearance; those already stored leave, the rest are new.
  const fresh = new Map<string, IngestIdentity>()
  for (const { customer } of items) if (!fresh.has(customer.externalId)) fresh.set(customer.externalId, customer)
  const ids = JSON.stringify([...fresh.keys()])
  const stored = s.findIdentities.all({ ids, workspaceId, channel }) as (ResolvedIdentity & { external_id: string })[]
  for (const { external_id: externalId, ...identity } of stored) {
    state.identities.set(externalId, identity)
    fresh.delete(externalId)
  }
  if (fresh.size === 0) return
  const firstContact = s.nextContactId.get() as number
  const firstIdentity = s.nextIdentityId.get() as number
  const people = [...fresh.values()].map((who, i) => ({
    id: firstIdentity + i,
    contactId: firstContact + i,
    externalId: who.externalId,
    handle: who.handle ?? null,
    displayName: who.displayName,
    followers: who.followers ?? null,
  }))
  const json = JSON.stringify(people)
  s.insertContacts.run({ workspaceId, now: state.now, people: json })
  s.insertIdentities.run({ workspaceId, channel, people: json })
  for (const p of people) {
    const { id, contactId, handle, displayName, followers } = p
    state.identities.set(p.externalId, { id, contact_id: contactId, handle, display_name: displayName, followers })
  }
}
