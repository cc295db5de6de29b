import type { Migration } from './types'

/**
 * Service levels: a response-time policy per workspace, and on each conversation its clock (when the
 * answer is due, when that is soon), its priority and which crossings were already announced.
 *
 * Clocks are stored so the inbox can sort and filter by them with an index, and are recomputed in
 * the core (business time needs the policy's calendar, which SQL cannot do). Triggers mark a
 * conversation whose clock may have moved, on every path that changes it (ingest on any connection,
 * status changes, snoozes, merges, follower counts); the core settles what is marked.
 */
export const migration0030: Migration = {
  version: 30,
  name: 'service levels: policies, clocks, priority, alerts',
  up: `
    -- A workspace without a row has the default policy.
    CREATE TABLE sla_policies (
      workspace_id INTEGER PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
      time_zone TEXT NOT NULL,
      first_reply_minutes INTEGER NOT NULL CHECK (first_reply_minutes > 0),
      next_reply_minutes INTEGER NOT NULL CHECK (next_reply_minutes > 0),
      due_soon_minutes INTEGER NOT NULL CHECK (due_soon_minutes >= 0),
      realtime_enabled INTEGER NOT NULL CHECK (realtime_enabled IN (0, 1)),
      realtime_start_minute INTEGER NOT NULL CHECK (realtime_start_minute BETWEEN 0 AND 1439),
      realtime_end_minute INTEGER NOT NULL CHECK (realtime_end_minute BETWEEN 1 AND 1440),
      realtime_reply_minutes INTEGER NOT NULL CHECK (realtime_reply_minutes > 0),
      reach_alert_followers INTEGER NOT NULL CHECK (reach_alert_followers > 0),
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE sla_business_hours (
      workspace_id INTEGER NOT NULL REFERENCES sla_policies(workspace_id) ON DELETE CASCADE,
      weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
      start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
      end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440 AND end_minute > start_minute),
      PRIMARY KEY (workspace_id, weekday)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE sla_holidays (
      workspace_id INTEGER NOT NULL REFERENCES sla_policies(workspace_id) ON DELETE CASCADE,
      day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      PRIMARY KEY (workspace_id, day)
    ) STRICT, WITHOUT ROWID;

    -- The newest message the reach alert has looked at, per workspace (none yet: it reads from the start).
    CREATE TABLE reach_watch (
      workspace_id INTEGER PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
      last_message_id INTEGER NOT NULL
    ) STRICT;

    -- Existing and new conversations start marked, so the core computes every clock once.
    ALTER TABLE conversations ADD COLUMN sla_dirty INTEGER NOT NULL DEFAULT 1 CHECK (sla_dirty IN (0, 1));
    ALTER TABLE conversations ADD COLUMN sla_due_at INTEGER;
    ALTER TABLE conversations ADD COLUMN sla_due_soon_at INTEGER;
    -- When the customer's wait effectively began, priority factors included (insight/priority.ts).
    ALTER TABLE conversations ADD COLUMN priority_at INTEGER;
    -- The due time each alert was raised for: a later crossing (a new question) is a new alert.
    ALTER TABLE conversations ADD COLUMN sla_soon_alerted_for INTEGER;
    ALTER TABLE conversations ADD COLUMN sla_overdue_alerted_for INTEGER;

    -- Only running clocks are indexed: sorting and filtering by due time or priority is a range scan.
    CREATE INDEX conversations_sla_due ON conversations(workspace_id, sla_due_at, id) WHERE sla_due_at IS NOT NULL;
    CREATE INDEX conversations_priority ON conversations(workspace_id, priority_at, id) WHERE priority_at IS NOT NULL;
    CREATE INDEX conversations_sla_dirty ON conversations(id) WHERE sla_dirty = 1;
    -- Clocks whose overdue alert is still to come: the alert ticker reads only these.
    CREATE INDEX conversations_sla_alerts ON conversations(sla_due_soon_at)
      WHERE sla_due_soon_at IS NOT NULL AND sla_overdue_alerted_for IS NOT sla_due_at;

    -- Any new message (message_count), answer or status change may move the clock.
    CREATE TRIGGER conversations_sla_dirty
    AFTER UPDATE OF status, message_count, last_outbound_at, first_reply_at, contact_id ON conversations
    WHEN new.sla_dirty = 0 AND (old.status IS NOT new.status OR old.message_count IS NOT new.message_count
      OR old.last_outbound_at IS NOT new.last_outbound_at OR old.first_reply_at IS NOT new.first_reply_at
      OR old.contact_id IS NOT new.contact_id)
    BEGIN
      UPDATE conversations SET sla_dirty = 1 WHERE id = new.id;
    END;
    -- Reach and VIP move priority.
    CREATE TRIGGER identities_sla_insert AFTER INSERT ON identities BEGIN
      UPDATE conversations SET sla_dirty = 1 WHERE contact_id = new.contact_id AND status = 'open' AND sla_dirty = 0;
    END;
    CREATE TRIGGER identities_sla_update AFTER UPDATE OF followers, contact_id ON identities
    WHEN old.followers IS NOT new.followers OR old.contact_id IS NOT new.contact_id
    BEGIN
      UPDATE conversations SET sla_dirty = 1
      WHERE contact_id IN (old.contact_id, new.contact_id) AND status = 'open' AND sla_dirty = 0;
    END;
    CREATE TRIGGER contacts_sla_vip AFTER UPDATE OF vip ON contacts WHEN old.vip IS NOT new.vip BEGIN
      UPDATE conversations SET sla_dirty = 1 WHERE contact_id = new.id AND status = 'open' AND sla_dirty = 0;
    END;
  `,
}
