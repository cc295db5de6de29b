import type { Migration } from './types'

/**
 * Workspaces: how far the "assigned to me" alert has read in each workspace, so a restart neither
 * repeats an alert nor misses work that arrived while the app was closed (`earshot sync`, an import).
 * Message ids are ranged per workspace (store/message-ids.ts), so one number per workspace is a
 * position in its messages; the audit position finds assignments made by someone else.
 */
export const migration0070: Migration = {
  version: 70,
  name: 'workspaces: what the assigned-work alert has seen',
  up: `
    CREATE TABLE assigned_watch (
      workspace_id INTEGER PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
      last_message_id INTEGER NOT NULL,
      last_audit_id INTEGER NOT NULL
    ) STRICT;
  `,
}
