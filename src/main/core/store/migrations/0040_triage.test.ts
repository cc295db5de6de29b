import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../migrate'

describe('migration 0040', () => {
  it('indexes snoozed conversations by due time, and only those', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, 39)
    db.exec(`INSERT INTO workspaces (id, name, created_at) VALUES (1, 'W', 1);
             INSERT INTO accounts (id, workspace_id, channel, handle, display_name, created_at) VALUES (1, 1, 'x', '@w', 'W', 1);
             INSERT INTO contacts (id, workspace_id, display_name, created_at) VALUES (1, 1, 'Anna', 1);
             INSERT INTO conversations (workspace_id, account_id, channel, external_id, contact_id, visibility, status, snoozed_until, last_message_at)
             VALUES (1, 1, 'x', 'a', 1, 'public', 'snoozed', 500, 1), (1, 1, 'x', 'b', 1, 'public', 'open', NULL, 2),
                    (1, 1, 'x', 'c', 1, 'public', 'snoozed', 300, 3);`)
    expect(migrate(db, 40)).toEqual({ from: expect.any(Number), to: 40 })
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT min(snoozed_until) FROM conversations WHERE status = 'snoozed'`)
      .all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toContain('conversations_snoozed')
    expect(db.prepare(`SELECT min(snoozed_until) FROM conversations WHERE status = 'snoozed'`).pluck().get()).toBe(300)
    expect(db.prepare('SELECT count(*) FROM conversations').pluck().get()).toBe(3)
  })
})
