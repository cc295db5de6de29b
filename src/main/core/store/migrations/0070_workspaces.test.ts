import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../migrate'

describe('migration 0070', () => {
  it('adds the assigned-work positions beside existing workspaces and drops them with their workspace', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, 69)
    db.exec(`INSERT INTO workspaces (id, name, created_at) VALUES (1, 'Kept', 1), (2, 'Removed', 1)`)
    expect(migrate(db, 70)).toEqual({ from: expect.any(Number), to: 70 })
    db.exec('INSERT INTO assigned_watch (workspace_id, last_message_id, last_audit_id) VALUES (1, 10, 3), (2, 20, 4)')
    expect(() => db.exec(`INSERT INTO assigned_watch VALUES (3, 'many', 0)`)).toThrow(/cannot store TEXT/)
    db.prepare('DELETE FROM workspaces WHERE id = 2').run()
    expect(db.prepare('SELECT workspace_id FROM assigned_watch').pluck().all()).toEqual([1])
    expect(db.prepare('SELECT name FROM workspaces').pluck().all()).toEqual(['Kept'])
  })
})
