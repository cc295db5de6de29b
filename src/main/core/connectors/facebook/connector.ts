import type { IngestItem } from '../../store/ingest'
import { ConnectorError, type Connector, type OutboxJob, type PullPage, type RemoteRef } from '../types'
import { graphCall, type GraphClientConfig } from './client'
import {
  GraphComment, GraphConversation, GraphMessage, GraphPost, GraphUser, graphPage, graphTimeMs,
} from './schemas'
import { z } from 'zod'

export interface FacebookConnectorConfig {
  /** Graph base including the version, e.g. `https://graph.facebook.com/v19.0`. */
  baseUrl: string
  token: string
  pageId?: string | null
  /** How far back the first sync reads the feed. */
  firstSyncDays?: number
  now?: () => number
}

const DAY = 86_400_000
const MESSENGER_WINDOW = DAY
const COMMENT_FIELDS = 'id,message,from,created_time'
const MESSAGE_FIELDS = 'id,message,from,created_time'
const PostPage = graphPage(GraphPost)
const ConversationPage = graphPage(GraphConversation)
const CommentPage = graphPage(GraphComment)
const MessagePage = graphPage(GraphMessage)
const Posted = z.object({ id: z.string() })
const MessageSent = z.object({ recipient_id: z.string(), message_id: z.string() })

/**
 * Facebook Page comments and Messenger. Graph cursors die with their items, so the saved position is
 * our own watermark: the newest `created_time` seen, stored only when a stream has been read through.
 */
export function createFacebookConnector(config: FacebookConnectorConfig): Connector {
  const client: GraphClientConfig = { baseUrl: config.baseUrl, token: config.token, now: config.now ?? Date.now }
  let pageId = config.pageId ?? null

  const page = async (signal: AbortSignal): Promise<string> => {
    pageId ??= (await graphCall(client, { method: 'GET', path: 'me', params: { fields: 'id,name' } }, GraphUser, signal)).id
    return pageId
  }

  /** Every comment of one post at or after the watermark, following the nested edge's `next`. */
  async function commentsOf(post: z.infer<typeof GraphPost>, since: number, signal: AbortSignal): Promise<GraphComment[]> {
    const all = [...(post.comments?.data ?? [])]
    let next = post.comments?.paging?.next
    while (next) {
      const more = await graphCall(client, { method: 'GET', url: next }, CommentPage, signal)
      all.push(...more.data)
      next = more.paging?.next
    }
    return all.filter((c) => graphTimeMs(c.created_time) >= since)
  }

  async function* feed(saved: string | undefined, signal: AbortSignal) {
    const pid = await page(signal)
    const watermark = saved ? Number(saved) : 0
    // New comments land on old posts too: look back a month of posts past the watermark.
    const sinceMs = (watermark || client.now() - (config.firstSyncDays ?? 30) * DAY) - 30 * DAY
    let newest = watermark
    let next: string | undefined
    for (let first = true; first || next; first = false) {
      const posts = first
        ? await graphCall(client, { method: 'GET', path: `${pid}/feed`, params: {
            fields: `id,message,created_time,comments.limit(100){${COMMENT_FIELDS}}`, limit: '25', since: String(Math.floor(sinceMs / 1000)),
          } }, PostPage, signal)
        : await graphCall(client, { method: 'GET', url: next ?? '' }, PostPage, signal)
      next = posts.paging?.next
      const items: IngestItem[] = []
      for (const post of posts.data) {
        for (const comment of await commentsOf(post, watermark, signal)) {
          if (comment.from?.id === pid || !comment.from) continue
          newest = Math.max(newest, graphTimeMs(comment.created_time))
          items.push(commentItem(comment, post.id))
        }
      }
      yield { items, cursor: next ? null : { stream: 'feed', value: String(newest) } } satisfies PullPage
    }
  }

  /** Messages of one conversation at or after the watermark (newest first, so stop at the first older one). */
  async function messagesOf(conversation: GraphConversation, since: number, signal: AbortSignal): Promise<GraphMessage[]> {
    const all: GraphMessage[] = []
    let batch = conversation.messages
    while (batch) {
      const fresh = batch.data.filter((m) => graphTimeMs(m.created_time) >= since)
      all.push(...fresh)
      const next = batch.paging?.next
      if (!next || fresh.length < batch.data.length) break
      batch = await graphCall(client, { method: 'GET', url: next }, MessagePage, signal)
    }
    return all
  }

  async function* messenger(saved: string | undefined, signal: AbortSignal) {
    const pid = await page(signal)
    const watermark = saved ? Number(saved) : 0
    let newest = watermark
    let next: string | undefined
    for (let first = true; first || next; first = false) {
      const list = first
        ? await graphCall(client, { method: 'GET', path: `${pid}/conversations`, params: {
            platform: 'messenger', fields: `id,updated_time,participants,messages.limit(25){${MESSAGE_FIELDS}}`, limit: '25',
          } }, ConversationPage, signal)
        : await graphCall(client, { method: 'GET', url: next ?? '' }, ConversationPage, signal)
      const fresh = list.data.filter((c) => !c.updated_time || graphTimeMs(c.updated_time) >= watermark)
      // Conversations come most recently active first: one older than the watermark ends the read.
      next = fresh.length === list.data.length ? list.paging?.next : undefined
      const items: IngestItem[] = []
      for (const conversation of fresh) {
        for (const message of await messagesOf(conversation, watermark, signal)) {
          newest = Math.max(newest, graphTimeMs(message.created_time))
          items.push(messageItem(message, conversation, pid))
        }
      }
      yield { items, cursor: next ? null : { stream: 'messenger', value: String(newest) } } satisfies PullPage
    }
  }

  return {
    channel: 'facebook',
    async *pull(cursors, signal) {
      yield* feed(cursors.get('feed'), signal)
      yield* messenger(cursors.get('messenger'), signal)
    },
    send: (job, signal) => (job.visibility === 'private' ? sendMessage(job, signal) : replyToComment(job, signal)),
    findSent: (job, signal) => (job.visibility === 'private' ? findSentMessage(job, signal) : findSentComment(job, signal)),
  }

  async function replyToComment(job: OutboxJob, signal: AbortSignal): Promise<RemoteRef> {
    const target = job.inReplyToExternalId ?? job.conversationExternalId
    const sent = await graphCall(client, { method: 'POST', path: `${target}/comments`, params: { message: job.bodyText } }, Posted, signal)
    return { externalId: sent.id, sentAt: client.now() }
  }

  async function sendMessage(job: OutboxJob, signal: AbortSignal): Promise<RemoteRef> {
    assertInsideWindow(job, client.now())
    const pid = await page(signal)
    const sent = await graphCall(client, { method: 'POST', path: `${pid}/messages`, params: {
      recipient: JSON.stringify({ id: job.recipientExternalId }), messaging_type: 'RESPONSE', message: JSON.stringify({ text: job.bodyText }),
    } }, MessageSent, signal)
    return { externalId: sent.message_id, sentAt: client.now() }
  }

  /** Graph has no idempotency key for comments: our Page's reply under the same comment with the same text is the trace. */
  async function findSentComment(job: OutboxJob, signal: AbortSignal): Promise<RemoteRef | null> {
    const pid = await page(signal)
    const target = job.inReplyToExternalId ?? job.conversationExternalId
    let batch = await graphCall(client, { method: 'GET', path: `${target}/comments`, params: { fields: COMMENT_FIELDS, limit: '100' } }, CommentPage, signal)
    for (;;) {
      const found = batch.data.find((c) => c.from?.id === pid && c.message === job.bodyText)
      if (found) return { externalId: found.id, sentAt: graphTimeMs(found.created_time) }
      if (!batch.paging?.next) return null
      batch = await graphCall(client, { method: 'GET', url: batch.paging.next }, CommentPage, signal)
    }
  }

  /** Messages repeat ("Danke!"): only one from the Page sent after the reply was queued counts. */
  async function findSentMessage(job: OutboxJob, signal: AbortSignal): Promise<RemoteRef | null> {
    const pid = await page(signal)
    const batch = await graphCall(client, {
      method: 'GET', path: `${job.conversationExternalId}/messages`, params: { fields: MESSAGE_FIELDS, limit: '50' },
    }, MessagePage, signal)
    const notBefore = (job.queuedAt ?? 0) - 5 * 60_000
    const found = batch.data.find((m) => m.from.id === pid && m.message === job.bodyText && graphTimeMs(m.created_time) >= notBefore)
    return found ? { externalId: found.id, sentAt: graphTimeMs(found.created_time) } : null
  }
}

/** Refuses before the network when we already know the 24-hour window has closed. */
export function assertInsideWindow(job: Pick<OutboxJob, 'lastInboundAt'>, now: number): void {
  if (job.lastInboundAt === undefined || job.lastInboundAt === null) return
  const age = now - job.lastInboundAt
  if (age > MESSENGER_WINDOW) {
    const hours = Math.floor(age / 3_600_000)
    throw new ConnectorError('rejected', `Messenger allows a reply only within 24 hours of the customer’s last message; that was ${hours} hours ago.`)
  }
}

function commentItem(comment: GraphComment, postId: string): IngestItem {
  const from = comment.from ?? { id: 'unknown' }
  return {
    externalId: comment.id,
    // Each top-level comment opens its own thread with that customer; our replies join it.
    conversation: { externalId: comment.id, visibility: 'public' },
    direction: 'in',
    customer: { externalId: from.id, displayName: from.name ?? from.id },
    bodyText: comment.message ?? '',
    sentAt: graphTimeMs(comment.created_time),
    raw: JSON.stringify({ comment, postId }),
  }
}

function messageItem(message: GraphMessage, conversation: GraphConversation, pageId: string): IngestItem {
  const outgoing = message.from.id === pageId
  const customer = conversation.participants?.data.find((p) => p.id !== pageId) ?? message.from
  return {
    externalId: message.id,
    conversation: { externalId: conversation.id, visibility: 'private' },
    direction: outgoing ? 'out' : 'in',
    customer: { externalId: customer.id, displayName: customer.name ?? customer.id },
    bodyText: message.message ?? '',
    sentAt: graphTimeMs(message.created_time),
    raw: JSON.stringify({ message, conversationId: conversation.id }),
  }
}
