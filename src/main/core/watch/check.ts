import type { Db } from '../store/db'
import { createIngestor } from '../store/ingest'
import { entryToMention, matchesKeywords, webAccount, type WebMention } from './entries'
import { FeedFetchError, fetchFeed } from './feed-fetch'
import { FeedParseError, decodeFeedBytes, parseFeed, type ParsedFeed } from './feed-parse'
import type { FeedToCheck } from './feeds-repo'

export type FeedCheckResult =
  | { feedId: number; workspaceId: number; outcome: 'updated'; inserted: number; conversationIds: number[] }
  | { feedId: number; workspaceId: number; outcome: 'not-modified' }
  | { feedId: number; workspaceId: number; outcome: 'error'; message: string; retryAt: number | null }

export interface CheckDeps {
  db: Db
  signal: AbortSignal
  now?: () => number
}

/**
 * Checks one feed: a conditional GET, then every new matching entry becomes a mention, all in one
 * transaction with the feed's new validators. A failure (network, HTTP, XML) is recorded on the feed
 * only: its validators stay, so the next check fetches the whole feed again, and other feeds go on.
 */
export async function checkFeed(deps: CheckDeps, feed: FeedToCheck): Promise<FeedCheckResult> {
  const now = deps.now ?? Date.now
  const base = { feedId: feed.id, workspaceId: feed.workspaceId }
  try {
    const response = await fetchFeed(feed.url, {
      etag: feed.etag,
      lastModified: feed.lastModified,
      signal: deps.signal,
      now,
    })
    const movedTo = response.movedTo && claimNewAddress(deps.db, feed, response.movedTo)
    if (response.status === 'not-modified') {
      markChecked(deps.db, feed.id, { url: movedTo ?? feed.url, checkedAt: now() })
      return { ...base, outcome: 'not-modified' }
    }
    const parsed = parseFeed(decodeFeedBytes(response.body, response.contentType), response.finalUrl)
    const mentions = parsed.entries
      .filter((e) => matchesKeywords(e, feed.keywords))
      .map((e) => entryToMention(e, parsed, response.finalUrl, now()))
    const stored = storeMentions(deps.db, feed, mentions, {
      url: movedTo ?? feed.url,
      checkedAt: now(),
      title: parsed.title,
      etag: response.etag,
      lastModified: response.lastModified,
    })
    return { ...base, outcome: 'updated', ...stored }
  } catch (error) {
    if (deps.signal.aborted) throw error
    const message = describe(error)
    recordError(deps.db, feed.id, message, now())
    return { ...base, outcome: 'error', message, retryAt: error instanceof FeedFetchError ? error.retryAt : null }
  }
}

class MovedOntoWatchedFeed extends Error {}

/** The feed's new address after a permanent redirect, unless the workspace already watches that one. */
function claimNewAddress(db: Db, feed: FeedToCheck, movedTo: string): string {
  const other = db
    .prepare('SELECT id FROM watched_feeds WHERE workspace_id = ? AND url = ? AND id <> ?')
    .get(feed.workspaceId, movedTo, feed.id)
  if (other) throw new MovedOntoWatchedFeed(`The feed moved to ${movedTo}, which this workspace already watches.`)
  return movedTo
}

function describe(error: unknown): string {
  if (error instanceof FeedFetchError || error instanceof FeedParseError || error instanceof MovedOntoWatchedFeed)
    return error.message
  return `The feed could not be read (${error instanceof Error ? error.message : String(error)}).`
}

/** A feed paused while its check ran stays paused. */
const KEEP_PAUSED = "CASE state WHEN 'paused' THEN 'paused' ELSE 'ok' END"

interface CheckedState {
  url: string
  checkedAt: number
}

function markChecked(db: Db, feedId: number, state: CheckedState): void {
  db.prepare(
    `UPDATE watched_feeds SET url = ?, state = ${KEEP_PAUSED}, last_error = NULL, last_checked_at = ? WHERE id = ?`,
  ).run(state.url, state.checkedAt, feedId)
}

function recordError(db: Db, feedId: number, message: string, at: number): void {
  db.prepare(
    "UPDATE watched_feeds SET state = 'error', last_error = ?, last_checked_at = ? WHERE id = ? AND state <> 'paused'",
  ).run(message, at, feedId)
}

/** The mentions, where each lives on the web, and the feed's new state: one transaction. */
function storeMentions(
  db: Db,
  feed: FeedToCheck,
  mentions: readonly WebMention[],
  state: CheckedState & { title: ParsedFeed['title']; etag: string | null; lastModified: string | null },
): { inserted: number; conversationIds: number[] } {
  const ingest = createIngestor(db)
  const link = db.prepare(
    `INSERT INTO web_entries (message_id, feed_id, url)
     SELECT id, @feedId, @url FROM messages WHERE account_id = @accountId AND external_id = @externalId
     ON CONFLICT (message_id) DO UPDATE SET url = excluded.url`,
  )
  return db.transaction(() => {
    const accountId = webAccount(db, feed.workspaceId)
    const outcome =
      mentions.length > 0
        ? ingest({ accountId, items: mentions.map((m) => m.item) })
        : { inserted: 0, conversationIds: [] }
    for (const m of mentions)
      if (m.url) link.run({ feedId: feed.id, url: m.url, accountId, externalId: m.item.externalId })
    db.prepare(
      `UPDATE watched_feeds SET url = @url, title = coalesce(@title, title), etag = @etag, last_modified = @lastModified,
         state = ${KEEP_PAUSED}, last_error = NULL, last_checked_at = @checkedAt WHERE id = @id`,
    ).run({ ...state, id: feed.id })
    return { inserted: outcome.inserted, conversationIds: outcome.conversationIds }
  })()
}
