import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../migrate'

describe('migration 0020', () => {
  it('adds the channel tables beside existing data and cascades with the account', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, 10)
    db.exec(`INSERT INTO workspaces (id, name, created_at) VALUES (1, 'W', 1);
             INSERT INTO accounts (id, workspace_id, channel, handle, display_name, created_at) VALUES (1, 1, 'x', '@w', 'W', 1);`)
    expect(migrate(db, 20)).toEqual({ from: 10, to: 20 })
    db.prepare(`INSERT INTO account_settings VALUES (1, 'baseUrl', 'http://127.0.0.1:1')`).run()
    db.prepare(`INSERT INTO listen_queries (account_id, query, created_at) VALUES (1, '"Sonnenschein" -is:retweet', 1)`).run()
    expect(db.prepare('SELECT handle FROM accounts').pluck().get()).toBe('@w')
    db.prepare('DELETE FROM accounts WHERE id = 1').run()
    expect(db.prepare('SELECT count(*) FROM account_settings').pluck().get()).toBe(0)
    expect(db.prepare('SELECT count(*) FROM listen_queries').pluck().get()).toBe(0)
  })
})
