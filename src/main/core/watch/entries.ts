import type { Db } from '../store/db'
import type { IngestIdentity, IngestItem } from '../store/ingest'
import { createAccount } from '../store/repos/accounts'
import type { FeedEntry, ParsedFeed } from './feed-parse'

export const WEB_ACCOUNT_HANDLE = 'web-watch'

/**
 * The workspace's "Web watch" account, which holds every mention found in its feeds. Paused: the
 * sync engine has nothing to pull for it; the feed watcher fills it.
 */
export function webAccount(db: Db, workspaceId: number): number {
  const row = db
    .prepare("SELECT id FROM accounts WHERE workspace_id = ? AND channel = 'web' AND handle = ?")
    .get(workspaceId, WEB_ACCOUNT_HANDLE) as { id: number } | undefined
  return (
    row?.id ??
    createAccount(db, {
      workspaceId,
      channel: 'web',
      handle: WEB_ACCOUNT_HANDLE,
      displayName: 'Web watch',
      state: 'paused',
      stateReason: 'Mentions from the watched feeds.',
    })
  )
}

/** Case, accents and compatibility forms do not matter: "Bäckerei" finds "BACKEREI" and "bäckerei". */
const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()

/** An entry counts when it contains one of the keywords (in its title or text); without keywords, every entry counts. */
export function matchesKeywords(entry: FeedEntry, keywords: readonly string[]): boolean {
  if (keywords.length === 0) return true
  const haystack = fold(`${entry.title ?? ''}\n${entry.text}`)
  return keywords.some((k) => haystack.includes(fold(k)))
}

/** The host of the site the entry belongs to: its own link, else the feed's site, else the feed. */
function siteHost(entry: FeedEntry, feed: ParsedFeed, feedUrl: string): string {
  for (const candidate of [entry.link, feed.link, feedUrl]) {
    if (!candidate) continue
    try {
      return new URL(candidate).host
    } catch {
      // Not a URL: try the next.
    }
  }
  return feedUrl
}

/**
 * Who said it: the author, known by their page or address where the feed gives one (the same person
 * across feeds), else by name on this site; with no author, the site itself.
 */
function authorIdentity(entry: FeedEntry, feed: ParsedFeed, feedUrl: string): IngestIdentity {
  const host = siteHost(entry, feed, feedUrl)
  const author = entry.author
  if (!author) return { externalId: host, handle: host, displayName: feed.title ?? host }
  const externalId = author.uri ?? (author.email ? `mailto:${author.email}` : `${host}#${author.name.toLowerCase()}`)
  return { externalId, handle: host, displayName: author.name }
}

export interface WebMention {
  item: IngestItem
  /** Where the entry lives (the site's home page when the entry has no link of its own). */
  url: string | null
}

/** A matching entry as an inbound public mention: one conversation per entry, keyed by its id. */
export function entryToMention(entry: FeedEntry, feed: ParsedFeed, feedUrl: string, firstSeenAt: number): WebMention {
  const body = entry.text || entry.title || ''
  return {
    item: {
      externalId: entry.id,
      conversation: { externalId: entry.id, visibility: 'public', subject: entry.title },
      direction: 'in',
      customer: authorIdentity(entry, feed, feedUrl),
      subject: entry.title,
      bodyText: body,
      sentAt: entry.publishedAt ?? firstSeenAt,
      raw: JSON.stringify({ feed: feedUrl, entry }),
    },
    url: entry.link ?? feed.link,
  }
}
