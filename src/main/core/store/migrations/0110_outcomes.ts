import type { Migration } from './types'

/** An incoming message's share of its rollup row: 1 in the column of its mood, its score in millionths. */
const moodCount = (row: 'old' | 'new', label: string) =>
  `(${row}.direction = 'in' AND ${row}.sentiment_label IS '${label}')`
const micros = (row: 'old' | 'new') =>
  `CASE WHEN ${row}.direction = 'in' THEN coalesce(CAST(round(${row}.sentiment * 1000000) AS INTEGER), 0) ELSE 0 END`

/**
 * Outcomes and reports (issue #6). What became of a conversation (answered in its channel, sent to the
 * hotline or to email, left unanswered) is derived from its messages unless someone says otherwise; what
 * they said is user-made and lives in its own table, so a resync never drops it.
 *
 * Reports read, per conversation, the first-reply wait in business time and the target that applied,
 * both fixed when the conversation's clock settles (insight/clocks.ts) under the policy of that moment:
 * new business hours must not rewrite last year's figures. Existing answered conversations are marked
 * so the clock settles them once more and fills both in.
 *
 * Message counts per UTC hour and account (in, out, and incoming by mood) are rolled up
 * (insight/reports/rollup.ts), so a report over years reads thousands of rows, not a million messages.
 * The rollup folds messages in by id (ingest gives each workspace ascending ids), so ingest pays nothing;
 * a mood that changes later (the sentiment backfill, an edited message) is moved by a trigger. Messages
 * leave only with their account or workspace, and the rollup's rows cascade with them.
 */
export const migration0110: Migration = {
  version: 110,
  name: 'outcomes: conversation outcomes, first-reply business time, report rollup',
  up: `
    CREATE TABLE conversation_outcomes (
      conversation_id INTEGER PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
      workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      outcome TEXT NOT NULL CHECK (outcome IN ('answered', 'redirected', 'unanswered')),
      redirected_to TEXT CHECK (redirected_to IN ('hotline', 'email', 'other')),
      set_at INTEGER NOT NULL,
      set_by TEXT NOT NULL,
      CHECK ((outcome = 'redirected') = (redirected_to IS NOT NULL))
    ) STRICT;
    CREATE INDEX conversation_outcomes_workspace ON conversation_outcomes(workspace_id);

    ALTER TABLE conversations ADD COLUMN first_reply_business_ms INTEGER CHECK (first_reply_business_ms >= 0);
    ALTER TABLE conversations ADD COLUMN first_reply_target_ms INTEGER CHECK (first_reply_target_ms > 0);
    UPDATE conversations SET sla_dirty = 1 WHERE first_reply_at IS NOT NULL AND sla_dirty = 0;
    -- Conversation figures read the conversations a customer began in the range, one channel at a
    -- time: each is a range scan of this index alone, never of the table.
    CREATE INDEX conversations_report ON conversations(
      workspace_id, channel, first_customer_message_at, first_reply_at, first_reply_business_ms, first_reply_target_ms);

    -- The complainers figure counts negative incoming messages per contact and ranks them by reach: the
    -- first index holds only those messages (as 0080's messages_negative, with the contact), the second
    -- answers "most followers of this contact" without reading identities.
    CREATE INDEX messages_complaints ON messages(workspace_id, sent_at, contact_id)
      WHERE direction = 'in' AND sentiment_label = 'negative';
    CREATE INDEX identities_reach ON identities(contact_id, followers);

    CREATE TABLE report_hours (
      workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      -- sent_at / 3,600,000: whole hours since the epoch, UTC.
      hour INTEGER NOT NULL,
      account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      incoming INTEGER NOT NULL CHECK (incoming >= 0),
      outgoing INTEGER NOT NULL CHECK (outgoing >= 0),
      -- Incoming messages by mood (those not read for mood yet are in none of the three) …
      negative INTEGER NOT NULL CHECK (negative >= 0),
      neutral INTEGER NOT NULL CHECK (neutral >= 0),
      positive INTEGER NOT NULL CHECK (positive >= 0),
      -- … and the sum of their scores in millionths: integers add up exactly, whatever the order of folding.
      sentiment_micros INTEGER NOT NULL,
      PRIMARY KEY (workspace_id, hour, account_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX report_hours_account ON report_hours(account_id);

    -- The highest message id of the workspace folded into report_hours; readers add what lies above it.
    CREATE TABLE report_rollup (
      workspace_id INTEGER PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
      through_message_id INTEGER NOT NULL
    ) STRICT;

    -- A message's hour and account never change, so its row stays; only the mood columns move.
    CREATE TRIGGER report_hours_mood AFTER UPDATE OF sentiment, sentiment_label ON messages
    WHEN (old.sentiment IS NOT new.sentiment OR old.sentiment_label IS NOT new.sentiment_label)
      AND old.id <= (SELECT through_message_id FROM report_rollup WHERE workspace_id = old.workspace_id)
    BEGIN
      UPDATE report_hours SET
        negative = negative + ${moodCount('new', 'negative')} - ${moodCount('old', 'negative')},
        neutral = neutral + ${moodCount('new', 'neutral')} - ${moodCount('old', 'neutral')},
        positive = positive + ${moodCount('new', 'positive')} - ${moodCount('old', 'positive')},
        sentiment_micros = sentiment_micros + ${micros('new')} - ${micros('old')}
      WHERE workspace_id = new.workspace_id AND hour = new.sent_at / 3600000 AND account_id = new.account_id;
    END;
  `,
}
