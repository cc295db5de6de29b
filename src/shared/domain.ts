import { z } from 'zod'

/** Channels Earshot syncs. New channels are added here first; everything else follows the type. */
export const Channel = z.enum(['email', 'x', 'facebook', 'web', 'bluesky', 'mastodon'])
export type Channel = z.infer<typeof Channel>
export const CHANNELS = Channel.options

export const ConversationStatus = z.enum(['open', 'pending', 'snoozed', 'done'])
export type ConversationStatus = z.infer<typeof ConversationStatus>

/** Public posts (mentions, comments) are seen by everyone; private ones (mail, DMs) are not. */
export const Visibility = z.enum(['public', 'private'])
export type Visibility = z.infer<typeof Visibility>

export const Direction = z.enum(['in', 'out'])
export type Direction = z.infer<typeof Direction>

export const AccountState = z.enum(['active', 'paused', 'reconnect', 'error'])
export type AccountState = z.infer<typeof AccountState>

export const Id = z.number().int().positive()
export type Id = z.infer<typeof Id>

/** Milliseconds since the Unix epoch, UTC. */
export type EpochMs = number

export interface Workspace {
  id: Id
  name: string
  isDemo: boolean
  createdAt: EpochMs
  /** Set while the workspace is archived: hidden from the switcher and not synced, restorable. */
  archivedAt: EpochMs | null
  conversationCount: number
}

export interface Account {
  id: Id
  workspaceId: Id
  channel: Channel
  handle: string
  displayName: string
  state: AccountState
  stateReason: string | null
  lastSyncedAt: EpochMs | null
  /** When the provider stops granting access unless the user connects again (Facebook: 60–90 days); null when it does not end. */
  accessExpiresAt: EpochMs | null
}

/** Access that ends within two weeks is worth a warning: reconnecting takes a minute, losing access takes the inbox. */
export const ACCESS_WARNING_MS = 14 * 86_400_000

export interface Identity {
  id: Id
  contactId: Id
  channel: Channel
  externalId: string
  handle: string | null
  displayName: string | null
  followers: number | null
}

export interface Contact {
  id: Id
  workspaceId: Id
  displayName: string
  vip: boolean
  /** Largest follower count over the contact's identities: how far their words travel. */
  reach: number
  createdAt: EpochMs
}

export interface ContactDetail extends Contact {
  identities: Identity[]
  conversationCount: number
  messageCount: number
}

export interface ConversationRow {
  id: Id
  workspaceId: Id
  channel: Channel
  visibility: Visibility
  status: ConversationStatus
  snoozedUntil: EpochMs | null
  assignee: string | null
  subject: string | null
  snippet: string
  contactId: Id
  contactName: string
  contactReach: number
  messageCount: number
  lastMessageAt: EpochMs
  firstCustomerMessageAt: EpochMs | null
  firstReplyAt: EpochMs | null
  /** Time the customer has been waiting for our answer, or null when the last word is ours. */
  awaitingReplySince: EpochMs | null
  /** The mood of the customer's latest message; null until the customer has written. */
  sentiment: Sentiment | null
  tags: string[]
  /** The response-time clock, computed in the core from message times and the workspace's policy. */
  sla: SlaClock
}

/** 'none': no clock runs (nobody waits for us, or the conversation is not open). */
export const SlaState = z.enum(['ok', 'due-soon', 'overdue', 'none'])
export type SlaState = z.infer<typeof SlaState>

export interface SlaClock {
  state: SlaState
  /** When the answer is due; null when no clock runs. */
  dueAt: EpochMs | null
  dueSoonAt: EpochMs | null
  /** Business time left at `asOf`, in ms; negative: business time since it fell due. */
  businessMsLeft: number | null
  asOf: EpochMs
  /** Whether business time was passing at `asOf` … */
  running: boolean
  /** … and until when that holds (the next opening or closing); null when it never changes. */
  steadyUntil: EpochMs | null
}

export interface Message {
  id: Id
  conversationId: Id
  channel: Channel
  direction: Direction
  authorName: string
  authorHandle: string | null
  subject: string | null
  bodyText: string
  /** Sanitised in the core; shown only in a sandboxed frame the host serves (see mail:frame). */
  bodyHtml: string | null
  /** Remote images in the HTML: none, blocked until the sender is allowed, or allowed. */
  remoteImages: 'none' | 'blocked' | 'allowed'
  sentAt: EpochMs
  /** Read on the device for every incoming message; null for our own. */
  sentiment: Sentiment | null
}

export const SentimentLabel = z.enum(['negative', 'neutral', 'positive'])
export type SentimentLabel = z.infer<typeof SentimentLabel>

/** A message's mood: a score in [-1, 1] and the label it falls under. */
export interface Sentiment {
  score: number
  label: SentimentLabel
}

export interface Note {
  id: Id
  conversationId: Id
  body: string
  author: string
  createdAt: EpochMs
}

export interface ConversationDetail {
  conversation: ConversationRow
  messages: Message[]
  notes: Note[]
}

export interface TimelineItem {
  messageId: Id
  conversationId: Id
  channel: Channel
  direction: Direction
  authorName: string
  subject: string | null
  snippet: string
  sentAt: EpochMs
}

export interface MessageHit {
  messageId: Id
  conversationId: Id
  workspaceId: Id
  channel: Channel
  authorName: string
  subject: string | null
  snippet: string
  sentAt: EpochMs
}

export interface ContactHit {
  contactId: Id
  displayName: string
  handles: string[]
  reach: number
}

export interface SearchResult {
  messages: MessageHit[]
  contacts: ContactHit[]
}

export const OutboxState = z.enum(['queued', 'sending', 'sent', 'failed'])
export type OutboxState = z.infer<typeof OutboxState>

/** A reply on its way out: a row in the outbox, never a promise in memory. */
export interface OutboxItem {
  id: Id
  conversationId: Id
  bodyText: string
  state: OutboxState
  attempts: number
  /** Why the last attempt failed, in words a person understands. */
  lastError: string | null
  remoteId: string | null
  createdAt: EpochMs
  /** The outbox sends it no earlier than this: the undo time after queueing, then any retry backoff. */
  notBefore: EpochMs
}

export interface Page<T> {
  items: T[]
  /** Opaque keyset cursor for the next page; null on the last page. */
  next: string | null
}

/**
 * Something a person should look at now. Raised by the core (service-level clocks, reach,
 * groundswell of negative mentions, new assigned work) and shown in-app and as a desktop notification.
 */
export const AlertKind = z.enum(['due-soon', 'overdue', 'reach', 'groundswell', 'assigned'])
export type AlertKind = z.infer<typeof AlertKind>

export interface Alert {
  kind: AlertKind
  workspaceId: Id
  /** The conversations behind the alert, most important first. */
  conversationIds: Id[]
  /** Values the renderer's translations interpolate (e.g. contact name, reach, count). */
  detail: Record<string, string | number>
  raisedAt: EpochMs
}
