import type { Migration } from './types'

/**
 * Sentiment and groundswell (issue #6). Every incoming message carries the mood read from it on the
 * device at ingest (insight/sentiment): a score in [-1, 1] and its label; our own messages carry
 * none. A conversation carries its customer's latest mood. Messages stored before this migration are
 * read after it in short batches (insight/sentiment/backfill.ts) rather than here: SQL cannot run the
 * scorer, and reading 25,000 messages inside the upgrade would hold the first window back.
 *
 * The groundswell watch (insight/groundswell.ts) keeps, per workspace and per listening query, a
 * baseline of negative mentions per hour of the week, so a restart does not forget what is normal.
 */
export const migration0080: Migration = {
  version: 80,
  name: 'sentiment: message and conversation mood, groundswell baselines',
  up: `
    ALTER TABLE messages ADD COLUMN sentiment REAL CHECK (sentiment BETWEEN -1 AND 1);
    ALTER TABLE messages ADD COLUMN sentiment_label TEXT CHECK (sentiment_label IN ('negative', 'neutral', 'positive'));
    -- The X listening query a post was found by, for watching each query's mood on its own.
    ALTER TABLE messages ADD COLUMN listen_query_id INTEGER REFERENCES listen_queries(id) ON DELETE SET NULL;
    ALTER TABLE conversations ADD COLUMN sentiment REAL CHECK (sentiment BETWEEN -1 AND 1);
    ALTER TABLE conversations ADD COLUMN sentiment_label TEXT CHECK (sentiment_label IN ('negative', 'neutral', 'positive'));

    -- Incoming messages not read yet: the backfill's work list, empty once it is done (ingest reads
    -- every new message, so new rows never enter it).
    CREATE INDEX messages_sentiment_unread ON messages(id) WHERE direction = 'in' AND sentiment IS NULL;
    -- The groundswell watch counts recent negative mentions; only those rows are indexed.
    CREATE INDEX messages_negative ON messages(workspace_id, sent_at) WHERE direction = 'in' AND sentiment_label = 'negative';
    -- Deleting a listening query clears its messages' link through this index, not a table scan.
    CREATE INDEX messages_listen_query ON messages(listen_query_id) WHERE listen_query_id IS NOT NULL;

    -- One watched series: a workspace's negative mentions (listen_query_id NULL) or one query's.
    CREATE TABLE groundswell_scopes (
      id INTEGER PRIMARY KEY,
      workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      listen_query_id INTEGER REFERENCES listen_queries(id) ON DELETE CASCADE,
      -- The last whole hour (ms since the epoch / 3,600,000) folded into the baseline.
      learned_through_hour INTEGER NOT NULL,
      in_episode INTEGER NOT NULL DEFAULT 0 CHECK (in_episode IN (0, 1)),
      last_alert_at INTEGER
    ) STRICT;
    CREATE UNIQUE INDEX groundswell_scopes_key ON groundswell_scopes(workspace_id, coalesce(listen_query_id, 0));

    -- Exponentially weighted mean and variance of negative mentions in each hour of the week.
    CREATE TABLE groundswell_baselines (
      scope_id INTEGER NOT NULL REFERENCES groundswell_scopes(id) ON DELETE CASCADE,
      hour_of_week INTEGER NOT NULL CHECK (hour_of_week BETWEEN 0 AND 167),
      mean REAL NOT NULL,
      variance REAL NOT NULL,
      -- How much evidence the slot holds (decayed hours seen): a young slot leans on the scope's overall mean.
      weight REAL NOT NULL,
      PRIMARY KEY (scope_id, hour_of_week)
    ) STRICT, WITHOUT ROWID;
  `,
}
