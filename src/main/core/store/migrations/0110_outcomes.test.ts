import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../migrate'

const HOUR = 3_600_000

function at100() {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  migrate(db, 100)
  db.exec(`INSERT INTO workspaces (id, name, created_at) VALUES (1, 'W', 1);
           INSERT INTO accounts (id, workspace_id, channel, handle, display_name, created_at) VALUES (1, 1, 'x', '@w', 'W', 1);
           INSERT INTO contacts (id, workspace_id, display_name, created_at) VALUES (1, 1, 'Anna', 1);
           INSERT INTO conversations (id, workspace_id, account_id, channel, external_id, contact_id, visibility, message_count,
                                      first_customer_message_at, first_reply_at, last_message_at, sla_dirty)
             VALUES (1, 1, 1, 'x', 'c1', 1, 'public', 2, ${HOUR}, ${2 * HOUR}, ${2 * HOUR}, 0),
                    (2, 1, 1, 'x', 'c2', 1, 'public', 1, ${HOUR}, NULL, ${HOUR}, 0);
           INSERT INTO messages (id, workspace_id, account_id, conversation_id, contact_id, external_id, direction, author_name,
                                 body_text, sent_at, sentiment, sentiment_label)
             VALUES (10, 1, 1, 1, 1, 'm1', 'in', 'Anna', 'Schlecht', ${HOUR + 60_000}, -0.5, 'negative'),
                    (11, 1, 1, 1, 1, 'm2', 'out', 'W', 'Sorry', ${2 * HOUR}, NULL, NULL);
           INSERT INTO messages_fts (rowid, subject, body_text, author_name) SELECT id, subject, body_text, author_name FROM messages;`)
  return db
}

const rollup = (db: Database.Database) =>
  db.prepare('SELECT hour, incoming, outgoing, negative, neutral, positive, sentiment_micros FROM report_hours').all()

describe('migration 0110', () => {
  it('marks answered conversations so their clocks settle again and store the first-reply wait', () => {
    const db = at100()
    expect(migrate(db, 110)).toEqual({ from: 100, to: 110 })
    expect(db.prepare('SELECT id, sla_dirty, first_reply_business_ms FROM conversations ORDER BY id').all()).toEqual([
      { id: 1, sla_dirty: 1, first_reply_business_ms: null },
      { id: 2, sla_dirty: 0, first_reply_business_ms: null },
    ])
  })

  it('keeps outcomes set by hand apart, and requires a target exactly for a redirect', () => {
    const db = at100()
    migrate(db, 110)
    const set = db.prepare(
      `INSERT INTO conversation_outcomes (conversation_id, workspace_id, outcome, redirected_to, set_at, set_by) VALUES (?, 1, ?, ?, 1, 'Anna')`,
    )
    set.run(1, 'redirected', 'hotline')
    expect(() => set.run(2, 'redirected', null)).toThrow(/CHECK/)
    expect(() => set.run(2, 'answered', 'email')).toThrow(/CHECK/)
    expect(() => set.run(2, 'redirected', 'fax')).toThrow(/CHECK/)
    db.exec('DELETE FROM messages; DELETE FROM conversations')
    expect(db.prepare('SELECT count(*) FROM conversation_outcomes').pluck().get()).toBe(0)
  })

  it('moves a folded message to its new mood, and leaves messages not folded yet to the fold', () => {
    const db = at100()
    migrate(db, 110)
    db.exec(`INSERT INTO report_rollup VALUES (1, 10);
             INSERT INTO report_hours VALUES (1, 1, 1, 1, 0, 1, 0, 0, -500000);`)
    db.prepare(`UPDATE messages SET sentiment = 0.25, sentiment_label = 'positive' WHERE id = 10`).run()
    expect(rollup(db)).toEqual([
      { hour: 1, incoming: 1, outgoing: 0, negative: 0, neutral: 0, positive: 1, sentiment_micros: 250_000 },
    ])
    // Message 11 lies above the fold: its row is the fold's to write.
    db.prepare(`UPDATE messages SET sentiment = 0.9, sentiment_label = 'positive' WHERE id = 11`).run()
    expect(rollup(db)).toHaveLength(1)
  })

  it('drops the rollup with its workspace', () => {
    const db = at100()
    migrate(db, 110)
    db.exec(
      `INSERT INTO report_rollup VALUES (1, 11); INSERT INTO report_hours VALUES (1, 1, 1, 1, 1, 1, 0, 0, -500000);`,
    )
    db.exec('DELETE FROM messages; DELETE FROM conversations; DELETE FROM contacts; DELETE FROM workspaces')
    expect(
      db.prepare('SELECT (SELECT count(*) FROM report_hours) + (SELECT count(*) FROM report_rollup)').pluck().get(),
    ).toBe(0)
  })
})
