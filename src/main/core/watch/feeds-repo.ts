import type { FeedState, WatchedFeed } from '../../../shared/commands/watch'
import { EarshotError, notFound } from '../../../shared/errors'
import type { Db } from '../store/db'

interface FeedRow {
  id: number
  workspace_id: number
  url: string
  title: string | null
  state: FeedState
  last_error: string | null
  last_checked_at: number | null
  created_at: number
  keywords: string | null
  entry_count: number
}

/** Unit separator: cannot occur in a keyword a person typed. */
const SEPARATOR = '\u001f'

const SELECT_FEED = `
  SELECT f.id, f.workspace_id, f.url, f.title, f.state, f.last_error, f.last_checked_at, f.created_at,
         (SELECT group_concat(k.keyword, char(31)) FROM watched_feed_keywords k WHERE k.feed_id = f.id) AS keywords,
         (SELECT count(*) FROM web_entries e WHERE e.feed_id = f.id) AS entry_count
  FROM watched_feeds f`

const toFeed = (r: FeedRow): WatchedFeed => ({
  id: r.id,
  workspaceId: r.workspace_id,
  url: r.url,
  title: r.title,
  keywords: r.keywords ? r.keywords.split(SEPARATOR).sort((a, b) => a.localeCompare(b)) : [],
  state: r.state,
  lastError: r.last_error,
  lastCheckedAt: r.last_checked_at,
  entryCount: r.entry_count,
  createdAt: r.created_at,
})

export function listFeeds(db: Db, workspaceId: number): WatchedFeed[] {
  return (db.prepare(`${SELECT_FEED} WHERE f.workspace_id = ? ORDER BY f.id`).all(workspaceId) as FeedRow[]).map(toFeed)
}

export function getFeed(db: Db, feedId: number): WatchedFeed {
  const row = db.prepare(`${SELECT_FEED} WHERE f.id = ?`).get(feedId) as FeedRow | undefined
  if (!row) throw notFound(`Feed ${feedId}`)
  return toFeed(row)
}

export interface NewFeed {
  workspaceId: number
  url: string
  keywords: readonly string[]
  pollSeconds?: number
  now?: number
}

/** A new feed and its keywords (duplicates in any case collapse); the same address twice is a conflict. */
export function addFeed(db: Db, feed: NewFeed): number {
  const taken = db
    .prepare('SELECT id FROM watched_feeds WHERE workspace_id = ? AND url = ?')
    .get(feed.workspaceId, feed.url) as { id: number } | undefined
  if (taken) throw new EarshotError('CONFLICT', `This workspace already watches ${feed.url} (feed ${taken.id}).`)
  const id = Number(
    db
      .prepare('INSERT INTO watched_feeds (workspace_id, url, poll_seconds, created_at) VALUES (?, ?, ?, ?)')
      .run(feed.workspaceId, feed.url, feed.pollSeconds ?? DEFAULT_POLL_SECONDS, feed.now ?? Date.now())
      .lastInsertRowid,
  )
  const keyword = db.prepare(
    'INSERT INTO watched_feed_keywords (feed_id, keyword) VALUES (?, ?) ON CONFLICT DO NOTHING',
  )
  for (const k of feed.keywords) keyword.run(id, k)
  return id
}

/** A quarter of an hour: feeds change slowly, and conditional GET makes each check cheap for the site. */
export const DEFAULT_POLL_SECONDS = 900

export function removeFeed(db: Db, feedId: number): void {
  if (db.prepare('DELETE FROM watched_feeds WHERE id = ?').run(feedId).changes === 0) throw notFound(`Feed ${feedId}`)
}

export function workspaceOfFeed(db: Db, feedId: number): number {
  const row = db.prepare('SELECT workspace_id FROM watched_feeds WHERE id = ?').get(feedId) as
    { workspace_id: number } | undefined
  if (!row) throw notFound(`Feed ${feedId}`)
  return row.workspace_id
}

/** What a check needs to know about a feed. */
export interface FeedToCheck {
  id: number
  workspaceId: number
  url: string
  etag: string | null
  lastModified: string | null
  pollSeconds: number
  keywords: string[]
}

export function feedToCheck(db: Db, feedId: number): FeedToCheck | null {
  const row = db
    .prepare(`SELECT id, workspace_id, url, etag, last_modified, poll_seconds, state FROM watched_feeds WHERE id = ?`)
    .get(feedId) as
    | {
        id: number
        workspace_id: number
        url: string
        etag: string | null
        last_modified: string | null
        poll_seconds: number
        state: FeedState
      }
    | undefined
  if (!row || row.state === 'paused') return null
  const keywords = db
    .prepare('SELECT keyword FROM watched_feed_keywords WHERE feed_id = ? ORDER BY keyword')
    .pluck()
    .all(feedId) as string[]
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    url: row.url,
    etag: row.etag,
    lastModified: row.last_modified,
    pollSeconds: row.poll_seconds,
    keywords,
  }
}

/** Every feed that is polled (all but the paused), optionally of one workspace. */
export function polledFeedIds(db: Db, workspaceId?: number): number[] {
  return db
    .prepare(
      "SELECT id FROM watched_feeds WHERE state <> 'paused' AND (@workspaceId IS NULL OR workspace_id = @workspaceId) ORDER BY id",
    )
    .pluck()
    .all({ workspaceId: workspaceId ?? null }) as number[]
}

/** Where the newest message of a web conversation lives on the web. */
export function entryLink(db: Db, conversationId: number): string | null {
  const url = db
    .prepare(
      `SELECT e.url FROM web_entries e JOIN messages m ON m.id = e.message_id
       WHERE m.conversation_id = ? ORDER BY m.sent_at DESC, m.id DESC LIMIT 1`,
    )
    .pluck()
    .get(conversationId) as string | undefined
  return url ?? null
}
