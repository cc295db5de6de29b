import type { Migration } from './types'

/**
 * What the channel connectors need: per-account connection settings (never secrets: those live in
 * the secret store), listening queries, e-mail attachments stored once by content hash, a quarantine
 * for input that could not be read, and the senders whose remote images the user allowed.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'channels: account settings, listening, attachments, quarantine',
  up: `
    -- Mail threading looks children up by the message they answer, which may arrive before its parent.
    CREATE INDEX messages_in_reply_to ON messages(account_id, in_reply_to) WHERE in_reply_to IS NOT NULL;

    CREATE TABLE account_settings (
      account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      key TEXT NOT NULL,
      value TEXT NOT NULL,
      PRIMARY KEY (account_id, key)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE listen_queries (
      id INTEGER PRIMARY KEY,
      account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      query TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      UNIQUE (account_id, query)
    ) STRICT;

    CREATE TABLE attachments (
      id INTEGER PRIMARY KEY,
      message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
      filename TEXT,
      content_type TEXT NOT NULL,
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      content_id TEXT,
      inline INTEGER NOT NULL DEFAULT 0 CHECK (inline IN (0, 1))
    ) STRICT;
    CREATE INDEX attachments_message ON attachments(message_id);
    CREATE INDEX attachments_hash ON attachments(sha256);

    CREATE TABLE quarantine (
      id INTEGER PRIMARY KEY,
      workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      source TEXT NOT NULL,
      reason TEXT NOT NULL,
      raw BLOB NOT NULL,
      created_at INTEGER NOT NULL,
      UNIQUE (workspace_id, source)
    ) STRICT;

    CREATE TABLE remote_content_allowed (
      workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      sender TEXT NOT NULL COLLATE NOCASE,
      allowed_at INTEGER NOT NULL,
      PRIMARY KEY (workspace_id, sender)
    ) STRICT, WITHOUT ROWID;
  `,
}
