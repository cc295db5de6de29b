import { withMention } from '../../../../shared/openNetworkLength'
import type { IngestItem } from '../../store/ingest'
import { ConnectorError, type Connector, type OutboxJob, type PullPage, type RemoteRef } from '../types'
import { MastodonRefusal, createMastodonClient } from './client'
import { readInstanceLimits, type InstanceLimits } from './oauth'
import { Context, NotificationList, Status, StatusList, type MastodonAccount } from './schemas'
import { statusText } from './text'

export interface MastodonConnectorConfig {
  /** The instance, e.g. `https://mastodon.social`. */
  baseUrl: string
  token: string
  /** The account's own id on its instance (verify_credentials). */
  accountId: string
  /** The conversation of a status already stored, so a reply to it needs no look-up. */
  threadOf?: (statusId: string) => string | null
  /** When the instance's limits were last read; they are read again once a day. */
  limitsCheckedAt?: number | null
  onInstanceLimits?: (limits: InstanceLimits) => void
  pageSize?: number
  now?: () => number
}

/**
 * Where the mentions stream stands. Caught up: `min_id`, the newest mention stored; the next pass
 * reads forward from it. During the first pass, which pages back through history: the newest id
 * it saw and the `max_id` where it continues.
 */
type MentionsCursor = { min_id: string } | { newest?: string; max_id?: string }

/** Mastodon keeps an Idempotency-Key for an hour; a margin covers the clocks disagreeing. */
const IDEMPOTENCY_WINDOW_MS = 50 * 60_000
const LIMITS_TTL_MS = 86_400_000

/**
 * One Mastodon account on any instance: mentions from /api/v1/notifications (Link paging, min_id
 * to catch up), replies posted with the outbox item's key as Idempotency-Key, so an attempt
 * repeated after a crash returns the first status instead of posting a second one.
 */
export function createMastodonConnector(config: MastodonConnectorConfig): Connector {
  const now = config.now ?? Date.now
  const client = createMastodonClient({ baseUrl: config.baseUrl, token: config.token, now })
  const limit = String(Math.min(80, config.pageSize ?? 80))
  const instanceHost = new URL(config.baseUrl).host
  /** Thread roots found during this pass, by status id. */
  const roots = new Map<string, string>()

  async function rootOf(status: Status, signal: AbortSignal): Promise<string> {
    const parentId = status.in_reply_to_id
    if (!parentId) return status.id
    const known = roots.get(parentId) ?? config.threadOf?.(parentId)
    if (known) return known
    // A reply to something we never stored: the thread's first status is its root.
    const { data } = await client.call(
      { method: 'GET', path: `/api/v1/statuses/${encodeURIComponent(status.id)}/context` },
      Context,
      signal,
    )
    return data.ancestors[0]?.id ?? parentId
  }

  /** Newest first, as Mastodon pages; stored oldest first so a reply finds the thread its parent opened. */
  async function items(statuses: Status[], signal: AbortSignal): Promise<IngestItem[]> {
    const out: IngestItem[] = []
    for (const status of [...statuses].reverse()) {
      if (status.account.id === config.accountId) continue
      const root = await rootOf(status, signal)
      roots.set(status.id, root)
      out.push(statusItem(status, root, instanceHost))
    }
    return out
  }

  const mentionPage = async (
    page: { path: string; query?: Record<string, string | readonly string[]> },
    signal: AbortSignal,
  ) => {
    const answer = await client.call({ method: 'GET', ...page }, NotificationList, signal)
    const statuses = answer.data.flatMap((n) => (n.type === 'mention' && n.status ? [n.status] : []))
    return { notifications: answer.data, statuses, links: answer.links }
  }

  /** Caught up: forward from the newest stored mention, following `prev` links until nothing is newer. */
  async function* forward(minId: string, signal: AbortSignal): AsyncGenerator<PullPage> {
    let request: { path: string; query?: Record<string, string | readonly string[]> } = {
      path: '/api/v1/notifications',
      query: { types: ['mention'], limit, min_id: minId },
    }
    for (;;) {
      const page = await mentionPage(request, signal)
      const newest = page.notifications[0]?.id
      if (!newest) return
      yield {
        items: await items(page.statuses, signal),
        cursor: { stream: 'mentions', value: JSON.stringify({ min_id: newest }) },
      }
      if (page.notifications.length < Number(limit) || !page.links.prev) return
      request = { path: page.links.prev.toString() }
    }
  }

  /** First pass: from the newest mention back through history, following `next` links. */
  async function* backfill(saved: { newest?: string; max_id?: string }, signal: AbortSignal): AsyncGenerator<PullPage> {
    let request: { path: string; query?: Record<string, string | readonly string[]> } = {
      path: '/api/v1/notifications',
      query: { types: ['mention'], limit, ...(saved.max_id ? { max_id: saved.max_id } : {}) },
    }
    let newest = saved.newest
    for (;;) {
      const page = await mentionPage(request, signal)
      newest ??= page.notifications[0]?.id
      const next = page.notifications.length > 0 ? page.links.next : undefined
      const maxId = next?.searchParams.get('max_id')
      const position: MentionsCursor =
        next && maxId ? { ...(newest ? { newest } : {}), max_id: maxId } : newest ? { min_id: newest } : {}
      yield {
        items: await items(page.statuses, signal),
        cursor: { stream: 'mentions', value: JSON.stringify(position) },
      }
      if (!next || !maxId) return
      request = { path: next.toString() }
    }
  }

  async function refreshLimits(signal: AbortSignal): Promise<void> {
    if (!config.onInstanceLimits) return
    if (config.limitsCheckedAt && now() - config.limitsCheckedAt < LIMITS_TTL_MS) return
    config.onInstanceLimits(await readInstanceLimits(client, signal))
  }

  async function parentOf(job: OutboxJob, signal: AbortSignal): Promise<Status> {
    if (!job.inReplyToExternalId) throw new ConnectorError('rejected', 'A Mastodon reply needs the status it answers.')
    try {
      return (
        await client.call(
          { method: 'GET', path: `/api/v1/statuses/${encodeURIComponent(job.inReplyToExternalId)}` },
          Status,
          signal,
        )
      ).data
    } catch (error) {
      if (error instanceof MastodonRefusal && error.status === 404)
        throw new ConnectorError('rejected', 'The status this reply answers is no longer on Mastodon.')
      throw error
    }
  }

  return {
    channel: 'mastodon',
    async *pull(cursors, signal) {
      await refreshLimits(signal)
      const saved = parseCursor(cursors.get('mentions'))
      yield* 'min_id' in saved ? forward(saved.min_id, signal) : backfill(saved, signal)
    },

    async send(job, signal): Promise<RemoteRef> {
      const parent = await parentOf(job, signal)
      const { data } = await client.call(
        {
          method: 'POST',
          path: '/api/v1/statuses',
          // Mastodon notifies only the people a status mentions, and a direct reply without the
          // mention reaches nobody: the customer's @handle leads the reply unless it is already in it.
          body: {
            status: withMention(job.bodyText, parent.account.acct),
            in_reply_to_id: parent.id,
            // As private as the status it answers: a reply never widens who can read the thread.
            visibility: parent.visibility,
          },
          headers: { 'idempotency-key': job.idempotencyKey },
        },
        Status,
        signal,
      )
      return { externalId: data.id, sentAt: timeOf(data.created_at, now()) }
    },

    async findSent(job, signal) {
      // Within the hour the instance keeps the key, sending again returns the first status.
      if (now() - (job.queuedAt ?? 0) < IDEMPOTENCY_WINDOW_MS) return null
      const { data } = await client.call(
        {
          method: 'GET',
          path: `/api/v1/accounts/${encodeURIComponent(config.accountId)}/statuses`,
          query: { limit: '40', exclude_reblogs: 'true' },
        },
        StatusList,
        signal,
      )
      const body = job.bodyText.trim()
      const found = data.find(
        (s) => s.in_reply_to_id === job.inReplyToExternalId && statusText(s.content).includes(body),
      )
      return found ? { externalId: found.id, sentAt: timeOf(found.created_at, now()) } : null
    },
  }
}

function parseCursor(value: string | undefined): MentionsCursor {
  if (!value) return {}
  try {
    const parsed = JSON.parse(value) as MentionsCursor
    return typeof parsed === 'object' && parsed !== null ? parsed : {}
  } catch {
    // Not ours: start over; ingest is an upsert so nothing doubles.
    return {}
  }
}

const timeOf = (iso: string, fallback: number) => {
  const ms = Date.parse(iso)
  return Number.isFinite(ms) ? ms : fallback
}

/** `@user@host` for everyone: local accounts' `acct` leaves their (our instance's) host out. */
const fullHandle = (account: MastodonAccount, instanceHost: string) =>
  `@${account.acct.includes('@') ? account.acct : `${account.acct}@${instanceHost}`}`

function statusItem(status: Status, root: string, instanceHost: string): IngestItem {
  const text = statusText(status.content)
  return {
    externalId: status.id,
    conversation: {
      externalId: root,
      visibility: status.visibility === 'private' || status.visibility === 'direct' ? 'private' : 'public',
    },
    direction: 'in',
    customer: {
      externalId: status.account.id,
      handle: fullHandle(status.account, instanceHost),
      displayName: status.account.display_name || status.account.username,
      followers: status.account.followers_count ?? null,
    },
    // A content warning is what readers see first; the text follows it.
    bodyText: status.spoiler_text ? `${status.spoiler_text}\n\n${text}` : text,
    inReplyTo: status.in_reply_to_id ?? null,
    sentAt: timeOf(status.created_at, 0),
    raw: JSON.stringify(status),
  }
}
