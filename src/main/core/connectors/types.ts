import type { Channel } from '../../../shared/domain'
import type { IngestItem } from '../store/ingest'

/**
 * One provider's wire format, and nothing about SQLite (DESIGN §5). The sync engine owns the store,
 * the cursors, the schedule and the backoff; a connector only pulls pages and sends replies.
 */
export interface Connector {
  readonly channel: Channel
  /**
   * Everything new since the saved cursors (by stream name: 'mentions', 'INBOX', 'dm', 'search:3', …).
   * Each page carries the cursor that covers it; the engine saves both in one transaction.
   */
  pull(cursors: ReadonlyMap<string, string>, signal: AbortSignal): AsyncIterable<PullPage>
  /** Sends one reply. Throws a ConnectorError; never retries on its own. */
  send(job: OutboxJob, signal: AbortSignal): Promise<RemoteRef>
  /**
   * After a crash in 'sending': is this reply already at the provider? Looked up before any retry so
   * nothing is sent twice (by idempotency key where the provider has one, else by its own trace).
   * Three answers: a RemoteRef (sent), null (not sent: safe to send), or ConnectorError 'rejected'
   * when the provider cannot tell (email: the Sent copy is still marked pending, so SMTP may have
   * delivered it): the job must then be neither resent nor shown as sent, only shown to the user.
   */
  findSent(job: OutboxJob, signal: AbortSignal): Promise<RemoteRef | null>
  close?(): Promise<void>
}

export interface PullPage {
  items: IngestItem[]
  cursor: { stream: string; value: string } | null
}

export interface OutboxJob {
  id: number
  idempotencyKey: string
  bodyText: string
  /** The conversation's provider id (thread root, DM conversation, mail Message-ID of the first mail). */
  conversationExternalId: string
  /** The provider id of the message answered (a tweet, a comment, a Message-ID). */
  inReplyToExternalId: string | null
  /** The customer's identity on the channel (X user id, page-scoped id, email address). */
  recipientExternalId: string
  visibility: 'public' | 'private'
  subject: string | null
  /** When the reply was queued: lets findSent ignore an older message with the same text. */
  queuedAt?: number
  /** The customer's latest message in the conversation: Messenger may answer only within 24 h of it. */
  lastInboundAt?: number | null
}

export interface RemoteRef {
  externalId: string
  sentAt: number
}

export type ConnectorErrorKind =
  /** Credentials expired or revoked: pause the account, ask the user to reconnect. */
  | 'auth'
  /** The provider asked us to wait: retry no earlier than retryAt. */
  | 'rate-limit'
  /** 5xx, timeouts, refused connections: back off with jitter and retry. */
  | 'transient'
  /** The request itself is wrong (a reply outside Messenger's 24-hour window): do not retry. */
  | 'rejected'
  /** The provider answered with something we cannot read. */
  | 'malformed'

export class ConnectorError extends Error {
  constructor(
    readonly kind: ConnectorErrorKind,
    message: string,
    /** Epoch ms before which no request may be made (rate limits). */
    readonly retryAt: number | null = null,
  ) {
    super(message)
    this.name = 'ConnectorError'
  }
}
