import type { Migration } from './types'

/**
 * The first schema. Provider data (accounts' messages, identities, conversations) can be re-fetched;
 * user-made data (notes, tags, assignments, merges, audit log) lives in its own rows so a resync never
 * drops it. Every synced row has a natural key (account_id, external_id) so ingest is an upsert.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'core schema',
  up: `
    CREATE TABLE workspaces (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
      created_at INTEGER NOT NULL,
      archived_at INTEGER
    ) STRICT;

    CREATE TABLE accounts (
      id INTEGER PRIMARY KEY,
      workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      channel TEXT NOT NULL,
      handle TEXT NOT NULL,
      display_name TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'paused', 'reconnect', 'error')),
      state_reason TEXT,
      last_synced_at INTEGER,
      created_at INTEGER NOT NULL,
      UNIQUE (workspace_id, channel, handle)
    ) STRICT;

    -- Opaque per-stream provider position (IMAP folder state, since_id, paging cursor), written in the
    -- same transaction as the items it covers.
    CREATE TABLE sync_cursors (
      account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      stream TEXT NOT NULL,
      cursor TEXT NOT NULL,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (account_id, stream)
    ) STRICT, WITHOUT ROWID;

    -- A merged contact keeps its row and points at the survivor, so a merge can be undone exactly.
    CREATE TABLE contacts (
      id INTEGER PRIMARY KEY,
      workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      display_name TEXT NOT NULL,
      merged_into_id INTEGER REFERENCES contacts(id),
      vip INTEGER NOT NULL DEFAULT 0 CHECK (vip IN (0, 1)),
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX contacts_workspace ON contacts(workspace_id, id);
    CREATE INDEX contacts_merged_into ON contacts(merged_into_id) WHERE merged_into_id IS NOT NULL;

    CREATE TABLE identities (
      id INTEGER PRIMARY KEY,
      workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      contact_id INTEGER NOT NULL REFERENCES contacts(id),
      channel TEXT NOT NULL,
      external_id TEXT NOT NULL,
      handle TEXT,
      display_name TEXT,
      followers INTEGER,
      UNIQUE (workspace_id, channel, external_id)
    ) STRICT;
    CREATE INDEX identities_contact ON identities(contact_id);

    CREATE TABLE conversations (
      id INTEGER PRIMARY KEY,
      workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      channel TEXT NOT NULL,
      external_id TEXT NOT NULL,
      contact_id INTEGER NOT NULL REFERENCES contacts(id),
      visibility TEXT NOT NULL CHECK (visibility IN ('public', 'private')),
      subject TEXT,
      snippet TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'snoozed', 'done')),
      snoozed_until INTEGER,
      assignee TEXT,
      priority INTEGER NOT NULL DEFAULT 0,
      message_count INTEGER NOT NULL DEFAULT 0,
      first_customer_message_at INTEGER,
      first_reply_at INTEGER,
      last_message_at INTEGER NOT NULL,
      last_inbound_at INTEGER,
      last_outbound_at INTEGER,
      UNIQUE (account_id, external_id)
    ) STRICT;
    -- The inbox pages by (last_message_at, id), most often filtered by status. A channel filter
    -- walks one of these and skips the other channels: there are few, and each index costs every
    -- ingest a b-tree update (bench/store).
    CREATE INDEX conversations_inbox ON conversations(workspace_id, last_message_at DESC, id DESC);
    CREATE INDEX conversations_inbox_status ON conversations(workspace_id, status, last_message_at DESC, id DESC);
    CREATE INDEX conversations_contact ON conversations(contact_id);

    -- A message's id carries its workspace in the high bits (store/message-ids.ts): each workspace
    -- owns one contiguous rowid range, so the full-text index can seek straight into it. Searching
    -- one workspace for a word common in another then costs what the matches here cost.
    CREATE TABLE messages (
      id INTEGER PRIMARY KEY,
      workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      contact_id INTEGER NOT NULL REFERENCES contacts(id),
      external_id TEXT NOT NULL,
      direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
      author_identity_id INTEGER REFERENCES identities(id),
      author_name TEXT NOT NULL,
      subject TEXT,
      body_text TEXT NOT NULL,
      body_html TEXT,
      in_reply_to TEXT,
      sent_at INTEGER NOT NULL,
      raw BLOB,
      UNIQUE (account_id, external_id)
    ) STRICT;
    CREATE INDEX messages_contact_time ON messages(contact_id, sent_at DESC, id DESC);
    CREATE INDEX messages_conversation_time ON messages(conversation_id, sent_at, id);

    -- Rows enter this index only through store/ingest.ts, in the transaction that inserts them.
    CREATE VIRTUAL TABLE messages_fts USING fts5(
      subject, body_text, author_name,
      content='messages', content_rowid='id',
      tokenize='unicode61 remove_diacritics 2'
    );
    -- No insert trigger: ingest indexes each batch's new rows with one INSERT … SELECT in the same
    -- transaction, three times faster than a trigger per row (measured: bench/store). Edits and
    -- deletes keep their triggers; they only ever touch rows that are already indexed.
    CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
      INSERT INTO messages_fts(messages_fts, rowid, subject, body_text, author_name)
      VALUES ('delete', old.id, old.subject, old.body_text, old.author_name);
    END;
    CREATE TRIGGER messages_fts_update AFTER UPDATE OF subject, body_text, author_name ON messages BEGIN
      INSERT INTO messages_fts(messages_fts, rowid, subject, body_text, author_name)
      VALUES ('delete', old.id, old.subject, old.body_text, old.author_name);
      INSERT INTO messages_fts(rowid, subject, body_text, author_name)
      VALUES (new.id, new.subject, new.body_text, new.author_name);
    END;

    -- Contacts are found by their name and by every handle or address of their identities. Two
    -- indexes with insert-only triggers: appending to one row's handles would rewrite it each time.
    CREATE VIRTUAL TABLE contacts_fts USING fts5(
      display_name,
      tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
      INSERT INTO contacts_fts(rowid, display_name) VALUES (new.id, new.display_name);
    END;
    CREATE TRIGGER contacts_fts_rename AFTER UPDATE OF display_name ON contacts BEGIN
      UPDATE contacts_fts SET display_name = new.display_name WHERE rowid = new.id;
    END;
    CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
      DELETE FROM contacts_fts WHERE rowid = old.id;
    END;
    CREATE VIRTUAL TABLE identities_fts USING fts5(
      external_id, handle, display_name,
      tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER identities_fts_insert AFTER INSERT ON identities BEGIN
      INSERT INTO identities_fts(rowid, external_id, handle, display_name)
      VALUES (new.id, new.external_id, new.handle, new.display_name);
    END;
    CREATE TRIGGER identities_fts_update AFTER UPDATE OF handle, display_name ON identities
    WHEN old.handle IS NOT new.handle OR old.display_name IS NOT new.display_name BEGIN
      UPDATE identities_fts SET handle = new.handle, display_name = new.display_name WHERE rowid = new.id;
    END;
    CREATE TRIGGER identities_fts_delete AFTER DELETE ON identities BEGIN
      DELETE FROM identities_fts WHERE rowid = old.id;
    END;

    CREATE TABLE notes (
      id INTEGER PRIMARY KEY,
      workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      body TEXT NOT NULL,
      author TEXT NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX notes_conversation ON notes(conversation_id, created_at);

    CREATE TABLE tags (
      id INTEGER PRIMARY KEY,
      workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      name TEXT NOT NULL COLLATE NOCASE,
      UNIQUE (workspace_id, name)
    ) STRICT;

    CREATE TABLE conversation_tags (
      conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      PRIMARY KEY (conversation_id, tag_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX conversation_tags_tag ON conversation_tags(tag_id, conversation_id);

    -- Replies are rows, not promises: queued -> sending -> sent | failed. The idempotency key lets a
    -- restart after a crash in 'sending' look the reply up instead of sending it again.
    CREATE TABLE outbox (
      id INTEGER PRIMARY KEY,
      workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      in_reply_to_message_id INTEGER REFERENCES messages(id),
      body_text TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
      idempotency_key TEXT NOT NULL UNIQUE,
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      remote_id TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX outbox_pending ON outbox(state, id) WHERE state IN ('queued', 'sending');

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      workspace_id INTEGER REFERENCES workspaces(id) ON DELETE CASCADE,
      at INTEGER NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      target_type TEXT NOT NULL,
      target_id INTEGER,
      detail TEXT
    ) STRICT;
    CREATE INDEX audit_log_workspace ON audit_log(workspace_id, at);

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
  `,
}
