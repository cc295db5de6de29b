import type { Migration } from './types'

/**
 * Remote images in mail stay blocked (they tell the sender the mail was read) until the user
 * allows a sender; the consent is per workspace, since each is a different business.
 */
export const migration0100: Migration = {
  version: 100,
  name: 'image consent: senders whose remote images may load',
  up: `
    CREATE TABLE image_senders (
      workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      address TEXT NOT NULL COLLATE NOCASE,
      allowed_at INTEGER NOT NULL,
      PRIMARY KEY (workspace_id, address)
    ) STRICT, WITHOUT ROWID;
  `,
}
