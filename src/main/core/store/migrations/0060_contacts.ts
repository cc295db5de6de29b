import type { Migration } from './types'

/**
 * The customer view and identity resolution. Everything here is user-made (notes, tags, fields, outcomes,
 * merges, dismissals) and never dropped by a resync, except contact_keys: a derived index, rebuilt from
 * identities, fields and mail signatures whenever they change (core/contacts/keys.ts).
 *
 * A merge keeps the absorbed contact's row (contacts.merged_into_id, 0010) and its identities, messages and
 * conversations where they are: the timeline is the union of the family. What a merge does change on the
 * survivor (filled gaps, added tags and fields, moved notes) is written down here so undoing it is exact.
 */
export const migration0060: Migration = {
  version: 60,
  name: 'contacts: profile, merges, identity keys',
  up: `
    -- Reach someone has beyond the synced channels (a newspaper column, a large Instagram), set by hand.
    ALTER TABLE contacts ADD COLUMN reach_override INTEGER CHECK (reach_override >= 0);

    CREATE TABLE contact_notes (
      id INTEGER PRIMARY KEY,
      workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      body TEXT NOT NULL,
      author TEXT NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX contact_notes_contact ON contact_notes(contact_id, created_at);

    CREATE TABLE contact_tags (
      contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      PRIMARY KEY (contact_id, tag_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX contact_tags_tag ON contact_tags(tag_id, contact_id);

    -- Keys are the workspace's own vocabulary ("Kundennummer", "Phone"); one value per key and contact.
    CREATE TABLE contact_fields (
      workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      key TEXT NOT NULL COLLATE NOCASE,
      value TEXT NOT NULL,
      PRIMARY KEY (contact_id, key)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX contact_fields_key ON contact_fields(workspace_id, key);

    -- Values in minor units (cents), so sums in reports are exact.
    CREATE TABLE contact_outcomes (
      contact_id INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('lead', 'sale', 'saved', 'lost')),
      value_minor INTEGER CHECK (value_minor >= 0),
      currency TEXT CHECK (length(currency) = 3 AND currency GLOB '[A-Z][A-Z][A-Z]'),
      set_at INTEGER NOT NULL,
      CHECK ((kind = 'sale') = (value_minor IS NOT NULL AND currency IS NOT NULL)),
      CHECK (kind = 'sale' OR (value_minor IS NULL AND currency IS NULL))
    ) STRICT;

    CREATE TABLE contact_merges (
      id INTEGER PRIMARY KEY,
      workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      survivor_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      absorbed_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      -- NULL: merged by hand, with no evidence found.
      confidence REAL CHECK (confidence BETWEEN 0 AND 1),
      merged_at INTEGER NOT NULL,
      merged_by TEXT NOT NULL,
      undone_at INTEGER,
      undone_by TEXT,
      -- Gaps of the survivor this merge filled from the absorbed contact; undo empties them again
      -- unless someone has changed them since.
      filled_vip INTEGER NOT NULL CHECK (filled_vip IN (0, 1)),
      filled_reach INTEGER NOT NULL CHECK (filled_reach IN (0, 1)),
      filled_outcome INTEGER NOT NULL CHECK (filled_outcome IN (0, 1)),
      CHECK (survivor_id <> absorbed_id)
    ) STRICT;
    CREATE INDEX contact_merges_survivor ON contact_merges(survivor_id, merged_at) WHERE undone_at IS NULL;
    CREATE INDEX contact_merges_absorbed ON contact_merges(absorbed_id);

    CREATE TABLE contact_merge_reasons (
      merge_id INTEGER NOT NULL REFERENCES contact_merges(id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      value TEXT NOT NULL,
      PRIMARY KEY (merge_id, kind, value)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE contact_merge_tags (
      merge_id INTEGER NOT NULL REFERENCES contact_merges(id) ON DELETE CASCADE,
      tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      PRIMARY KEY (merge_id, tag_id)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE contact_merge_fields (
      merge_id INTEGER NOT NULL REFERENCES contact_merges(id) ON DELETE CASCADE,
      key TEXT NOT NULL COLLATE NOCASE,
      value TEXT NOT NULL,
      PRIMARY KEY (merge_id, key)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE contact_merge_notes (
      merge_id INTEGER NOT NULL REFERENCES contact_merges(id) ON DELETE CASCADE,
      note_id INTEGER NOT NULL REFERENCES contact_notes(id) ON DELETE CASCADE,
      PRIMARY KEY (merge_id, note_id)
    ) STRICT, WITHOUT ROWID;

    -- "Not the same person": the pair is not suggested again.
    CREATE TABLE contact_pair_dismissals (
      workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      low_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      high_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      dismissed_at INTEGER NOT NULL,
      dismissed_by TEXT NOT NULL,
      PRIMARY KEY (low_id, high_id),
      CHECK (low_id < high_id)
    ) STRICT, WITHOUT ROWID;

    -- What identifies a person, normalised (an address, a phone number, a handle, a name with a user
    -- name), one row per key and contact. Contacts that share a key are merge candidates: finding them
    -- is a walk along this index, never a comparison of every contact with every other.
    CREATE TABLE contact_keys (
      workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('email', 'phone', 'handle', 'name-handle')),
      value TEXT NOT NULL,
      contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      source TEXT NOT NULL CHECK (source IN ('identity', 'field', 'signature')),
      PRIMARY KEY (workspace_id, kind, value, contact_id, source)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX contact_keys_contact ON contact_keys(contact_id, source);

    -- Contacts whose identity or field keys must be derived again. Plain SQL triggers fill it (ingest,
    -- imports and edits alike); the keys themselves are computed in the core, which can normalise names.
    -- Each insert checks first instead of relying on OR IGNORE, which an outer UPSERT or OR clause overrides.
    CREATE TABLE contact_keys_stale (contact_id INTEGER PRIMARY KEY) STRICT;
    INSERT INTO contact_keys_stale (contact_id) SELECT id FROM contacts;
${mark('identity_added', 'AFTER INSERT ON identities', '', ['new.contact_id'])}
${mark(
  'identity_changed',
  'AFTER UPDATE OF handle, display_name, contact_id ON identities',
  'WHEN old.handle IS NOT new.handle OR old.display_name IS NOT new.display_name OR old.contact_id <> new.contact_id',
  ['old.contact_id', 'new.contact_id'],
)}
${mark('identity_removed', 'AFTER DELETE ON identities', '', ['old.contact_id'])}
${mark('renamed', 'AFTER UPDATE OF display_name ON contacts', 'WHEN old.display_name IS NOT new.display_name', ['new.id'])}
${mark('field_added', 'AFTER INSERT ON contact_fields', '', ['new.contact_id'])}
${mark('field_changed', 'AFTER UPDATE ON contact_fields', '', ['old.contact_id', 'new.contact_id'])}
${mark('field_removed', 'AFTER DELETE ON contact_fields', '', ['old.contact_id'])}

    -- Mail signatures are read once per message: the highest message id read, per workspace.
    CREATE TABLE contact_signature_scans (
      workspace_id INTEGER PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
      last_message_id INTEGER NOT NULL
    ) STRICT;
  `,
}

/** A trigger that marks contacts' keys for derivation when `event` happens. */
function mark(name: string, event: string, when: string, contactIds: string[]): string {
  const inserts = contactIds.map(
    (id) => `INSERT INTO contact_keys_stale (contact_id) SELECT ${id}
      WHERE NOT EXISTS (SELECT 1 FROM contact_keys_stale WHERE contact_id = ${id});`,
  )
  return `    CREATE TRIGGER contact_keys_${name} ${event} ${when} BEGIN
      ${inserts.join('\n      ')}
    END;`
}
