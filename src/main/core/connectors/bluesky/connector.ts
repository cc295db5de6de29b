import type { z } from 'zod'
import type { IngestItem } from '../../store/ingest'
import { ConnectorError, type Connector, type OutboxJob, type PullPage, type RemoteRef } from '../types'
import { XrpcRefusal, createBlueskyClient, type SessionStore } from './client'
import {
  CreatedRecord,
  NotificationList,
  PostList,
  PostRecord,
  Profiles,
  SearchResult,
  StoredRecord,
  type ProfileBasic,
} from './schemas'
import { replyRecordKey } from './tid'

export interface BlueskyConnectorConfig {
  baseUrl: string
  session: SessionStore
  /** The account's DID, from the session it was connected with. */
  did: string
  listenQueries?: readonly { id: number; query: string }[]
  pageSize?: number
  now?: () => number
}

/** The longest post Bluesky stores, in graphemes (app.bsky.feed.post `text`, maxGraphemes). */
export const BLUESKY_MAX_GRAPHEMES = 300

const POST = 'app.bsky.feed.post'
/** getProfiles takes at most 25 actors a call (app.bsky.actor.getProfiles `actors`, maxLength). */
const PROFILES_PER_CALL = 25
/** A new listening query looks back a week, as X's recent search does. */
const FIRST_SEARCH_DAYS = 7

/**
 * Where a newest-first stream stands. `floor`: the newest indexedAt of a finished pass (or the
 * limit of a first one); the next pass reads down to it (inclusive, so an item indexed in the same
 * millisecond is not lost; ingest is an upsert). `resume`: a pass cut short continues from its
 * XRPC cursor, keeping its newest.
 */
interface NewestFirstCursor {
  floor?: string
  resume?: { cursor: string; newest?: string }
}

interface Hit {
  uri: string
  cid: string
  author: ProfileBasic
  record: z.infer<typeof PostRecord>
  indexedAt: string
}

/**
 * Bluesky over XRPC with an app-password session: mentions and replies from listNotifications,
 * listening from searchPosts, authors' follower counts from getProfiles (notifications carry none),
 * replies written as app.bsky.feed.post records with their thread's root and parent.
 */
export function createBlueskyConnector(config: BlueskyConnectorConfig): Connector {
  const now = config.now ?? Date.now
  const client = createBlueskyClient({ baseUrl: config.baseUrl, session: config.session, now })
  const pageSize = String(Math.min(100, config.pageSize ?? 100))
  const followers = new Map<string, number | null>()

  /** Fills the follower cache for these authors, 25 a call. */
  async function loadFollowers(dids: string[], signal: AbortSignal): Promise<void> {
    const missing = [...new Set(dids)].filter((did) => !followers.has(did))
    for (let i = 0; i < missing.length; i += PROFILES_PER_CALL) {
      const batch = missing.slice(i, i + PROFILES_PER_CALL)
      const { profiles } = await client.call(
        { method: 'GET', nsid: 'app.bsky.actor.getProfiles', query: { actors: batch } },
        Profiles,
        signal,
      )
      for (const did of batch) followers.set(did, null)
      for (const p of profiles) followers.set(p.did, p.followersCount ?? null)
    }
  }

  /**
   * Pages a newest-first stream down to its floor; each page carries the position that covers it.
   * `firstFloor` bounds a stream's first pass (none: all of its history).
   */
  async function* newestFirst(
    stream: string,
    saved: string | undefined,
    firstFloor: string | undefined,
    fetchPage: (
      cursor: string | undefined,
      floor: string | undefined,
    ) => Promise<{ hits: Hit[]; cursor: string | undefined; returned: number }>,
    signal: AbortSignal,
  ): AsyncGenerator<PullPage> {
    const start = parseCursor(saved)
    const floorIso = start.floor ?? firstFloor
    const floor = floorIso === undefined ? Number.NEGATIVE_INFINITY : Date.parse(floorIso)
    let cursor = start.resume?.cursor
    let newest = start.resume?.newest ?? start.floor
    for (;;) {
      const page = await fetchPage(cursor, floorIso)
      const fresh = page.hits.filter((h) => Date.parse(h.indexedAt) >= floor && h.author.did !== config.did)
      for (const h of page.hits)
        if (newest === undefined || Date.parse(h.indexedAt) > Date.parse(newest)) newest = h.indexedAt
      const reachedFloor = page.hits.some((h) => Date.parse(h.indexedAt) < floor)
      const done = !page.cursor || reachedFloor || page.returned === 0
      await loadFollowers(
        fresh.map((h) => h.author.did),
        signal,
      )
      const position: NewestFirstCursor = done
        ? { ...(newest ? { floor: newest } : {}) }
        : {
            ...(floorIso ? { floor: floorIso } : {}),
            resume: { cursor: page.cursor ?? '', ...(newest ? { newest } : {}) },
          }
      yield {
        items: fresh.map((h) => postItem(h, followers.get(h.author.did) ?? null)),
        cursor: { stream, value: JSON.stringify(position) },
      }
      if (done) return
      cursor = page.cursor
    }
  }

  const notifications = (saved: string | undefined, signal: AbortSignal) =>
    newestFirst(
      'notifications',
      saved,
      undefined,
      async (cursor) => {
        const page = await client.call(
          {
            method: 'GET',
            nsid: 'app.bsky.notification.listNotifications',
            query: { limit: pageSize, cursor, reasons: ['mention', 'reply'] },
          },
          NotificationList,
          signal,
        )
        const hits: Hit[] = []
        for (const n of page.notifications) {
          const record = PostRecord.safeParse(n.record)
          // Reasons are filtered at the server; anything else that slips through is not a post to answer.
          if ((n.reason === 'mention' || n.reason === 'reply') && record.success)
            hits.push({ ...n, record: record.data })
        }
        return { hits, cursor: page.cursor, returned: page.notifications.length }
      },
      signal,
    )

  const search = (listen: { id: number; query: string }, saved: string | undefined, signal: AbortSignal) =>
    newestFirst(
      `search:${listen.id}`,
      saved,
      // A new listening query looks back a week; its floor stays fixed while the first pass pages.
      new Date(now() - FIRST_SEARCH_DAYS * 86_400_000).toISOString(),
      async (cursor, floor) => {
        const page = await client.call(
          {
            method: 'GET',
            nsid: 'app.bsky.feed.searchPosts',
            // `since` is the floor, the same on every page, so the server's cursor stays valid.
            query: { q: listen.query, sort: 'latest', limit: pageSize, cursor, since: floor },
          },
          SearchResult,
          signal,
        )
        return { hits: page.posts, cursor: page.cursor, returned: page.posts.length }
      },
      signal,
    )

  /** Our own reply, found by the record key every attempt to send it uses; null when there is none. */
  async function ownReply(rkey: string, signal: AbortSignal): Promise<RemoteRef | null> {
    try {
      const found = await client.call(
        {
          method: 'GET',
          nsid: 'com.atproto.repo.getRecord',
          query: { repo: config.did, collection: POST, rkey },
        },
        StoredRecord,
        signal,
      )
      return { externalId: found.uri, sentAt: timeOf(found.value.createdAt, now()) }
    } catch (error) {
      if (error instanceof XrpcRefusal && error.xrpcError === 'RecordNotFound') return null
      throw error
    }
  }

  return {
    channel: 'bluesky',
    async *pull(cursors, signal) {
      yield* notifications(cursors.get('notifications'), signal)
      for (const listen of config.listenQueries ?? []) yield* search(listen, cursors.get(`search:${listen.id}`), signal)
    },

    async send(job: OutboxJob, signal: AbortSignal): Promise<RemoteRef> {
      if (!job.inReplyToExternalId) throw new ConnectorError('rejected', 'A Bluesky reply needs the post it answers.')
      const { posts } = await client.call(
        { method: 'GET', nsid: 'app.bsky.feed.getPosts', query: { uris: [job.inReplyToExternalId] } },
        PostList,
        signal,
      )
      const answered = posts[0]
      if (!answered) throw new ConnectorError('rejected', 'The post this reply answers is no longer on Bluesky.')
      const parent = { uri: answered.uri, cid: answered.cid }
      // The thread's root is the parent's own root, unless the parent starts the thread.
      const reply = { root: answered.record.reply?.root ?? parent, parent }
      const rkey = replyRecordKey(job)
      const record = { $type: POST, text: job.bodyText, createdAt: new Date(now()).toISOString(), reply }
      try {
        const created = await client.call(
          {
            method: 'POST',
            nsid: 'com.atproto.repo.createRecord',
            body: { repo: config.did, collection: POST, rkey, record },
          },
          CreatedRecord,
          signal,
        )
        return { externalId: created.uri, sentAt: now() }
      } catch (error) {
        // The key is taken when an earlier attempt arrived but its answer was lost. PDSes answer
        // that with a 500 (atproto #3718) or, newer ones, with an explicit error (atproto #4728).
        if (error instanceof ConnectorError && (error.kind === 'rejected' || error.kind === 'transient')) {
          const earlier = await ownReply(rkey, signal).catch(() => null)
          if (earlier) return earlier
        }
        throw error
      }
    },

    findSent: (job, signal) => ownReply(replyRecordKey(job), signal),
  }
}

function parseCursor(value: string | undefined): NewestFirstCursor {
  if (!value) return {}
  try {
    const parsed = JSON.parse(value) as NewestFirstCursor
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

function postItem(hit: Hit, followerCount: number | null): IngestItem {
  return {
    externalId: hit.uri,
    // The root's URI names the thread, so every reply in it lands in one conversation.
    conversation: { externalId: hit.record.reply?.root.uri ?? hit.uri, visibility: 'public' },
    direction: 'in',
    customer: {
      externalId: hit.author.did,
      handle: `@${hit.author.handle}`,
      displayName: hit.author.displayName || hit.author.handle,
      followers: followerCount,
    },
    bodyText: hit.record.text,
    inReplyTo: hit.record.reply?.parent.uri ?? null,
    sentAt: timeOf(hit.record.createdAt, timeOf(hit.indexedAt, 0)),
    raw: JSON.stringify(hit),
  }
}
