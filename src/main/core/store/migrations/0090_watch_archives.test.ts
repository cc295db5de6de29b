import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../migrate'

describe('migration 0090', () => {
  it('adds the web watch tables beside existing data; a mention outlives its feed', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, 89)
    db.exec(`INSERT INTO workspaces (id, name, created_at) VALUES (1, 'W', 1);
             INSERT INTO accounts (id, workspace_id, channel, handle, display_name, created_at) VALUES (1, 1, 'web', 'web-watch', 'Web watch', 1);
             INSERT INTO contacts (id, workspace_id, display_name, created_at) VALUES (1, 1, 'Foodblog', 1);
             INSERT INTO conversations (id, workspace_id, account_id, channel, external_id, contact_id, visibility, last_message_at)
               VALUES (1, 1, 1, 'web', 'urn:e1', 1, 'public', 1);
             INSERT INTO messages (id, workspace_id, account_id, conversation_id, contact_id, external_id, direction, author_name, body_text, sent_at)
               VALUES (1, 1, 1, 1, 1, 'urn:e1', 'in', 'Foodblog', 'Sonnenschein', 1);
             INSERT INTO messages_fts (rowid, subject, body_text, author_name) VALUES (1, NULL, 'Sonnenschein', 'Foodblog');`)
    // 'from' is whichever migration precedes this one: others may be added below 90.
    expect(migrate(db, 90)).toMatchObject({ to: 90 })
    db.prepare(
      `INSERT INTO watched_feeds (id, workspace_id, url, created_at) VALUES (1, 1, 'https://blog.example/feed', 1)`,
    ).run()
    db.prepare(`INSERT INTO watched_feed_keywords VALUES (1, 'Sonnenschein')`).run()
    expect(() => db.prepare(`INSERT INTO watched_feed_keywords VALUES (1, 'sonnenschein')`).run()).toThrow(/UNIQUE/)
    db.prepare(`INSERT INTO web_entries VALUES (1, 1, 'https://blog.example/e1')`).run()
    expect(db.prepare('SELECT state, poll_seconds FROM watched_feeds').get()).toEqual({
      state: 'new',
      poll_seconds: 900,
    })

    db.prepare('DELETE FROM watched_feeds WHERE id = 1').run()
    expect(db.prepare('SELECT count(*) FROM watched_feed_keywords').pluck().get()).toBe(0)
    expect(db.prepare('SELECT feed_id, url FROM web_entries').get()).toEqual({
      feed_id: null,
      url: 'https://blog.example/e1',
    })
    db.prepare('DELETE FROM messages WHERE id = 1').run()
    expect(db.prepare('SELECT count(*) FROM web_entries').pluck().get()).toBe(0)
  })
})
