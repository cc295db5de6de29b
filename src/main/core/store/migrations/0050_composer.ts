import type { Migration } from './types'

/**
 * The composer: undo-send and retry backoff as a time before which the outbox may not send a reply
 * (kept in the row, so neither an undo window nor a backoff is lost or skipped by a restart); the
 * quote an email reply carries below its text, kept apart so "Undo" returns only what was typed;
 * canned replies per workspace and language; and one draft per conversation, made by the user and
 * so never touched by a resync.
 */
export const migration0050: Migration = {
  version: 50,
  name: 'composer: undo-send, quotes, canned replies, drafts',
  up: `
    ALTER TABLE outbox ADD COLUMN not_before INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE outbox ADD COLUMN quote_text TEXT;

    CREATE TABLE canned_replies (
      id INTEGER PRIMARY KEY,
      workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      language TEXT NOT NULL CHECK (language IN ('de', 'en')),
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      UNIQUE (workspace_id, language, title)
    ) STRICT;

    CREATE TABLE drafts (
      conversation_id INTEGER PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
      workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      body_text TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
  `,
}
