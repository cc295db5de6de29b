import type { Migration } from './types'

/**
 * Web watch: the RSS/Atom feeds a workspace follows, with the validators of the last good fetch
 * (ETag, Last-Modified) for conditional GET, their keywords, and where each entry that became a
 * mention lives on the web. Archive imports need no tables of their own: they write accounts,
 * messages, contacts and the quarantine like the mail import.
 */
export const migration0090: Migration = {
  version: 90,
  name: 'web watch: feeds, keywords, entry links',
  up: `
    CREATE TABLE watched_feeds (
      id INTEGER PRIMARY KEY,
      workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      url TEXT NOT NULL,
      title TEXT,
      state TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'ok', 'error', 'paused')),
      last_error TEXT,
      etag TEXT,
      last_modified TEXT,
      poll_seconds INTEGER NOT NULL DEFAULT 900 CHECK (poll_seconds > 0),
      last_checked_at INTEGER,
      created_at INTEGER NOT NULL,
      UNIQUE (workspace_id, url)
    ) STRICT;

    CREATE TABLE watched_feed_keywords (
      feed_id INTEGER NOT NULL REFERENCES watched_feeds(id) ON DELETE CASCADE,
      keyword TEXT NOT NULL COLLATE NOCASE,
      PRIMARY KEY (feed_id, keyword)
    ) STRICT, WITHOUT ROWID;

    -- A mention found on the web keeps its address: it is answered there, not from the app. The
    -- mention outlives the feed that found it.
    CREATE TABLE web_entries (
      message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
      feed_id INTEGER REFERENCES watched_feeds(id) ON DELETE SET NULL,
      url TEXT NOT NULL
    ) STRICT;
    CREATE INDEX web_entries_feed ON web_entries(feed_id);
  `,
}
