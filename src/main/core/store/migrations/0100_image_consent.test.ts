import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../migrate'

describe('migration 0100', () => {
  it('keeps one consent per sender and workspace, whatever the case, and forgets it with the workspace', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, 90)
    db.exec(`INSERT INTO workspaces (id, name, created_at) VALUES (1, 'W', 1)`)
    expect(migrate(db, 100)).toEqual({ from: 90, to: 100 })
    db.prepare(`INSERT INTO image_senders VALUES (1, 'News@Shop.example', 1)`).run()
    expect(() => db.prepare(`INSERT INTO image_senders VALUES (1, 'news@shop.example', 2)`).run()).toThrow(/UNIQUE/)
    db.prepare('DELETE FROM workspaces WHERE id = 1').run()
    expect(db.prepare('SELECT count(*) FROM image_senders').pluck().get()).toBe(0)
  })
})
