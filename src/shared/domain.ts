import { z } from 'zod'

/** Channels Earshot syncs. New channels are added here first; everything else follows the type. */
export const Channel = z.enum(['email', 'x', 'facebook'])
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
}

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
  tags: string[]
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
  /** Sanitised in the core; still rendered only inside a sandboxed frame. */
  bodyHtml: string | null
  sentAt: EpochMs
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
