import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../migrate'

function at70() {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  migrate(db, 70)
  db.exec(`INSERT INTO workspaces (id, name, created_at) VALUES (1, 'W', 1);
           INSERT INTO accounts (id, workspace_id, channel, handle, display_name, created_at) VALUES (1, 1, 'x', '@w', 'W', 1);
           INSERT INTO listen_queries (id, account_id, query, created_at) VALUES (7, 1, 'Sonnenschein', 1);
           INSERT INTO contacts (id, workspace_id, display_name, created_at) VALUES (1, 1, 'Anna', 1);
           INSERT INTO conversations (id, workspace_id, account_id, channel, external_id, contact_id, visibility, last_message_at)
             VALUES (1, 1, 1, 'x', 'c1', 1, 'public', 2000);
           INSERT INTO messages (id, workspace_id, account_id, conversation_id, contact_id, external_id, direction, author_name, body_text, sent_at)
             VALUES (1, 1, 1, 1, 1, 'm1', 'in', 'Anna', 'Furchtbar!', 1000),
                    (2, 1, 1, 1, 1, 'm2', 'out', 'W', 'Das tut uns leid.', 2000);`)
  return db
}

const unread = (db: Database.Database) =>
  db
    .prepare(
      `SELECT id FROM messages INDEXED BY messages_sentiment_unread WHERE direction = 'in' AND sentiment IS NULL`,
    )
    .pluck()
    .all()

describe('migration 0080', () => {
  it('leaves existing messages unread and lists only the incoming ones for the backfill', () => {
    const db = at70()
    expect(migrate(db, 80)).toEqual({ from: 70, to: 80 })
    expect(db.prepare('SELECT sentiment, sentiment_label, listen_query_id FROM messages WHERE id = 1').get()).toEqual({
      sentiment: null,
      sentiment_label: null,
      listen_query_id: null,
    })
    expect(db.prepare('SELECT sentiment, sentiment_label FROM conversations').get()).toEqual({
      sentiment: null,
      sentiment_label: null,
    })
    expect(unread(db)).toEqual([1])
    db.prepare(`UPDATE messages SET sentiment = -0.6, sentiment_label = 'negative' WHERE id = 1`).run()
    expect(unread(db)).toEqual([])
  })

  it('refuses a score outside [-1, 1] and an unknown label', () => {
    const db = at70()
    migrate(db, 80)
    expect(() => db.prepare('UPDATE messages SET sentiment = 1.5 WHERE id = 1').run()).toThrow(/CHECK/)
    expect(() => db.prepare(`UPDATE messages SET sentiment_label = 'angry' WHERE id = 1`).run()).toThrow(/CHECK/)
  })

  it('unlinks messages from a deleted listening query and drops its groundswell baseline', () => {
    const db = at70()
    migrate(db, 80)
    db.prepare('UPDATE messages SET listen_query_id = 7 WHERE id = 1').run()
    db.exec(`INSERT INTO groundswell_scopes (id, workspace_id, listen_query_id, learned_through_hour) VALUES (1, 1, NULL, 10), (2, 1, 7, 10);
             INSERT INTO groundswell_baselines VALUES (2, 0, 0.5, 0.25, 3);`)
    db.prepare('DELETE FROM listen_queries WHERE id = 7').run()
    expect(db.prepare('SELECT listen_query_id FROM messages WHERE id = 1').pluck().get()).toBeNull()
    expect(db.prepare('SELECT id FROM groundswell_scopes').pluck().all()).toEqual([1])
    expect(db.prepare('SELECT count(*) FROM groundswell_baselines').pluck().get()).toBe(0)
  })

  it('keeps one workspace-wide scope per workspace', () => {
    const db = at70()
    migrate(db, 80)
    const insert = db.prepare(
      'INSERT INTO groundswell_scopes (workspace_id, listen_query_id, learned_through_hour) VALUES (1, NULL, 0)',
    )
    insert.run()
    expect(() => insert.run()).toThrow(/UNIQUE/)
  })
})
