import type { IngestItem } from '../../store/ingest'
import { ConnectorError, type Connector, type OutboxJob, type PullPage, type RemoteRef } from '../types'
import { xCall, type XAuth, type XClientConfig } from './client'
import { XDmCreated, XDmEventList, XMe, XTweetCreated, XTweetList, type XDmEvent, type XTweet, type XUser } from './schemas'

export interface XConnectorConfig {
  baseUrl: string
  auth: XAuth
  /** The account's own X user id; looked up with /2/users/me when absent. */
  userId?: string | null
  listenQueries?: readonly { id: number; query: string }[]
  pageSize?: number
  now?: () => number
}

/** A timeline stream's saved position. While paging, since_id stays fixed and the first page's newest_id waits. */
interface TimelineCursor {
  since_id?: string
  newest_id?: string
  pagination_token?: string
}

const TWEET_FIELDS = 'author_id,conversation_id,created_at,in_reply_to_user_id,referenced_tweets'

/** 15 requests per 15 minutes (shared/contracts A1): at most one DM poll a minute. */
export const DM_POLL_INTERVAL_MS = 60_000

/** The newest DM event already stored, and when DMs were last polled. */
interface DmCursor {
  watermark: string
  polledAt: number
}

function parseDmCursor(saved: string | undefined): DmCursor {
  if (!saved) return { watermark: '0', polledAt: 0 }
  const parsed = JSON.parse(saved) as Partial<DmCursor>
  return { watermark: parsed.watermark ?? '0', polledAt: parsed.polledAt ?? 0 }
}

export function createXConnector(config: XConnectorConfig): Connector {
  const client: XClientConfig = { baseUrl: config.baseUrl, auth: config.auth, now: config.now ?? Date.now }
  const pageSize = config.pageSize ?? 100
  let myId = config.userId ?? null

  const me = async (signal: AbortSignal): Promise<string> => {
    myId ??= (await xCall(client, { method: 'GET', path: '/2/users/me' }, XMe, signal)).data.id
    return myId
  }

  async function* timeline(stream: string, path: string, extra: Record<string, string>, saved: string | undefined, signal: AbortSignal) {
    const start = parseCursor(saved)
    const userId = await me(signal)
    const tokenParam = path.includes('search') ? 'next_token' : 'pagination_token'
    let token = start.pagination_token
    let newest = start.newest_id
    for (;;) {
      const page = await xCall(client, {
        method: 'GET',
        path,
        query: {
          ...extra, since_id: start.since_id, [tokenParam]: token, max_results: String(pageSize),
          expansions: 'author_id', 'tweet.fields': TWEET_FIELDS, 'user.fields': 'public_metrics',
        },
      }, XTweetList, signal)
      if (token === undefined) newest = page.meta.newest_id ?? start.since_id
      token = page.meta.next_token
      const users = new Map((page.includes?.users ?? []).map((u) => [u.id, u]))
      const items = (page.data ?? []).map((t) => tweetItem(t, users, userId))
      const value: TimelineCursor = token ? { since_id: start.since_id, newest_id: newest, pagination_token: token } : { since_id: newest }
      yield { items, cursor: { stream, value: JSON.stringify(value) } } satisfies PullPage
      if (!token) return
    }
  }

  /** DM events come newest first without since_id: page down to the newest event already seen. */
  async function* directMessages(saved: DmCursor, signal: AbortSignal) {
    const watermark = BigInt(saved.watermark)
    const userId = await me(signal)
    let token: string | undefined
    let newest = watermark
    for (;;) {
      const page = await xCall(client, {
        method: 'GET',
        path: '/2/dm_events',
        query: {
          max_results: '100', pagination_token: token, event_types: 'MessageCreate', expansions: 'sender_id',
          'dm_event.fields': 'id,text,event_type,sender_id,dm_conversation_id,created_at', 'user.fields': 'public_metrics',
        },
      }, XDmEventList, signal)
      const events = (page.data ?? []).filter((e) => BigInt(e.id) > watermark)
      for (const e of events) if (BigInt(e.id) > newest) newest = BigInt(e.id)
      const users = new Map((page.includes?.users ?? []).map((u) => [u.id, u]))
      const done = !page.meta.next_token || events.length < (page.data ?? []).length
      // The watermark moves only with the last page, so a sync cut short re-reads instead of skipping.
      const cursor: DmCursor = { watermark: String(newest), polledAt: client.now() }
      yield { items: events.map((e) => dmItem(e, users, userId)), cursor: done ? { stream: 'dm', value: JSON.stringify(cursor) } : null } satisfies PullPage
      if (done) return
      token = page.meta.next_token
    }
  }

  return {
    channel: 'x',
    async *pull(cursors, signal) {
      const userId = await me(signal)
      yield* timeline('mentions', `/2/users/${userId}/mentions`, {}, cursors.get('mentions'), signal)
      for (const listen of config.listenQueries ?? []) {
        const stream = `search:${listen.id}`
        // Each post remembers the query that found it, so its mood is watched per query (insight/groundswell.ts).
        const found = timeline(stream, '/2/tweets/search/recent', { query: listen.query }, cursors.get(stream), signal)
        for await (const page of found) {
          yield { ...page, items: page.items.map((item) => ({ ...item, listenQueryId: listen.id })) }
        }
      }
      const dm = parseDmCursor(cursors.get('dm'))
      // dm_events allows 15 requests per 15 minutes: polling it with the mentions would exhaust it in
      // a minute and stall the whole account behind a rate limit.
      if (client.now() - dm.polledAt >= DM_POLL_INTERVAL_MS) yield* directMessages(dm, signal)
    },

    async send(job, signal): Promise<RemoteRef> {
      if (job.visibility === 'private') {
        const sent = await xCall(client, {
          method: 'POST', path: `/2/dm_conversations/with/${encodeURIComponent(job.recipientExternalId)}/messages`, body: { text: job.bodyText },
        }, XDmCreated, signal)
        return { externalId: sent.data.dm_event_id, sentAt: client.now() }
      }
      if (!job.inReplyToExternalId) throw new ConnectorError('rejected', 'An X reply needs the post it answers.')
      const sent = await xCall(client, {
        method: 'POST', path: '/2/tweets', body: { text: job.bodyText, reply: { in_reply_to_tweet_id: job.inReplyToExternalId } },
      }, XTweetCreated, signal)
      return { externalId: sent.data.id, sentAt: client.now() }
    },

    async findSent(job, signal) {
      const userId = await me(signal)
      return job.visibility === 'private' ? findSentDm(job, userId, signal) : findSentReply(job, userId, signal)
    },
  }

  /**
   * X has no idempotency key. Our own reply to the same post with the same text is the trace: X itself
   * refuses a duplicate post from one account, so two legitimate identical replies cannot exist.
   */
  async function findSentReply(job: OutboxJob, userId: string, signal: AbortSignal): Promise<RemoteRef | null> {
    const page = await xCall(client, {
      method: 'GET', path: `/2/users/${userId}/tweets`, query: { max_results: '100', 'tweet.fields': TWEET_FIELDS },
    }, XTweetList, signal)
    const found = (page.data ?? []).find(
      (t) => t.text === job.bodyText && t.referenced_tweets?.some((r) => r.type === 'replied_to' && r.id === job.inReplyToExternalId),
    )
    return found ? { externalId: found.id, sentAt: timeOf(found.created_at, client.now()) } : null
  }

  /** DMs may legitimately repeat ("Danke!"), so only a message sent after the reply was queued counts. */
  async function findSentDm(job: OutboxJob, userId: string, signal: AbortSignal): Promise<RemoteRef | null> {
    const page = await xCall(client, {
      method: 'GET', path: `/2/dm_conversations/with/${encodeURIComponent(job.recipientExternalId)}/dm_events`,
      query: { max_results: '100', 'dm_event.fields': 'id,text,event_type,sender_id,dm_conversation_id,created_at' },
    }, XDmEventList, signal)
    const notBefore = (job.queuedAt ?? 0) - 5 * 60_000
    const found = (page.data ?? []).find(
      (e) => e.sender_id === userId && e.text === job.bodyText && timeOf(e.created_at, 0) >= notBefore,
    )
    return found ? { externalId: found.id, sentAt: timeOf(found.created_at, client.now()) } : null
  }
}

function parseCursor(value: string | undefined): TimelineCursor {
  if (!value) return {}
  try {
    const parsed = JSON.parse(value) as TimelineCursor
    return typeof parsed === 'object' && parsed !== null ? parsed : {}
  } catch {
    // A cursor from an older format: start over; ingest is an upsert so nothing doubles.
    return {}
  }
}

const timeOf = (iso: string | undefined, fallback: number) => (iso ? Date.parse(iso) : fallback)

function identity(user: XUser | undefined, fallbackId: string) {
  return {
    externalId: user?.id ?? fallbackId,
    handle: user ? `@${user.username}` : null,
    displayName: user?.name ?? fallbackId,
    followers: user?.public_metrics?.followers_count ?? null,
  }
}

function tweetItem(tweet: XTweet, users: Map<string, XUser>, myId: string): IngestItem {
  const authorId = tweet.author_id ?? ''
  const outgoing = authorId === myId
  const customerId = outgoing ? (tweet.in_reply_to_user_id ?? authorId) : authorId
  return {
    externalId: tweet.id,
    conversation: { externalId: tweet.conversation_id ?? tweet.id, visibility: 'public' },
    direction: outgoing ? 'out' : 'in',
    customer: identity(users.get(customerId), customerId),
    bodyText: tweet.text,
    inReplyTo: tweet.referenced_tweets?.find((r) => r.type === 'replied_to')?.id ?? null,
    sentAt: timeOf(tweet.created_at, 0),
    raw: JSON.stringify({ tweet, author: users.get(authorId) ?? null }),
  }
}

function dmItem(event: XDmEvent, users: Map<string, XUser>, myId: string): IngestItem {
  const senderId = event.sender_id ?? ''
  const outgoing = senderId === myId
  const conversationId = event.dm_conversation_id ?? senderId
  const customerId = outgoing ? (conversationId.split('-').find((id) => id !== myId) ?? senderId) : senderId
  return {
    externalId: event.id,
    conversation: { externalId: conversationId, visibility: 'private' },
    direction: outgoing ? 'out' : 'in',
    customer: identity(users.get(customerId), customerId),
    bodyText: event.text ?? '',
    sentAt: timeOf(event.created_at, 0),
    raw: JSON.stringify({ event, sender: users.get(senderId) ?? null }),
  }
}
