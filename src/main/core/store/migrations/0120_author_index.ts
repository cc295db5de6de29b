import type { Migration } from './types'

/**
 * messages.author_identity_id references identities, and SQLite checks that reference for every
 * identity deleted (removing a workspace, splitting or merging contacts) by looking for messages that
 * still name it. Without an index each check scanned every message: removing the demo bakery took
 * seconds. Partial, because outgoing messages (half of them) name no identity.
 */
export const migration0120: Migration = {
  version: 120,
  name: 'index messages by author identity',
  up: `CREATE INDEX messages_author_identity ON messages (author_identity_id) WHERE author_identity_id IS NOT NULL;`,
}
