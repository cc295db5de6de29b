import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../migrate'

function at20() {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  migrate(db, 20)
  db.exec(`INSERT INTO workspaces (id, name, created_at) VALUES (1, 'W', 1);
           INSERT INTO accounts (id, workspace_id, channel, handle, display_name, created_at) VALUES (1, 1, 'x', '@w', 'W', 1);
           INSERT INTO contacts (id, workspace_id, display_name, created_at) VALUES (1, 1, 'Anna', 1);
           INSERT INTO identities (id, workspace_id, contact_id, channel, external_id, followers) VALUES (1, 1, 1, 'x', 'u1', 10);
           INSERT INTO conversations (id, workspace_id, account_id, channel, external_id, contact_id, visibility, message_count, last_message_at)
             VALUES (1, 1, 1, 'x', 'c1', 1, 'public', 1, 1000);`)
  return db
}

const dirty = (db: Database.Database): number =>
  db.prepare('SELECT sla_dirty FROM conversations WHERE id = 1').pluck().get() as number
const settle = (db: Database.Database) => db.prepare('UPDATE conversations SET sla_dirty = 0').run()

describe('migration 0030', () => {
  it('marks existing conversations for a first clock and adds the policy tables', () => {
    const db = at20()
    expect(migrate(db, 30)).toEqual({ from: 20, to: 30 })
    expect(db.prepare('SELECT sla_dirty, sla_due_at, priority_at FROM conversations').get()).toEqual({
      sla_dirty: 1,
      sla_due_at: null,
      priority_at: null,
    })
    db.prepare(`INSERT INTO sla_policies VALUES (1, 'Europe/Berlin', 180, 180, 30, 0, 420, 1380, 60, 100000, 1)`).run()
    db.prepare('INSERT INTO sla_business_hours VALUES (1, 1, 540, 1020)').run()
    db.prepare(`INSERT INTO sla_holidays VALUES (1, '2026-12-25')`).run()
    expect(() => db.prepare('INSERT INTO sla_business_hours VALUES (1, 2, 600, 540)').run()).toThrow(/CHECK/)
    expect(() => db.prepare(`INSERT INTO sla_holidays VALUES (1, 'Christmas')`).run()).toThrow(/CHECK/)
  })

  it('marks a conversation again when a message, an answer, its status or its customer reach changes', () => {
    const db = at20()
    migrate(db, 30)
    settle(db)
    db.prepare('UPDATE conversations SET snippet = ? WHERE id = 1').run('only the snippet')
    expect(dirty(db)).toBe(0)
    db.prepare('UPDATE conversations SET message_count = 2 WHERE id = 1').run()
    expect(dirty(db)).toBe(1)
    settle(db)
    db.prepare(`UPDATE conversations SET status = 'done' WHERE id = 1`).run()
    expect(dirty(db)).toBe(1)
    db.prepare(`UPDATE conversations SET status = 'open', sla_dirty = 0 WHERE id = 1`).run()
    db.prepare('UPDATE identities SET followers = 250000 WHERE id = 1').run()
    expect(dirty(db)).toBe(1)
    settle(db)
    db.prepare('UPDATE contacts SET vip = 1 WHERE id = 1').run()
    expect(dirty(db)).toBe(1)
  })

  it('drops a workspace policy with the workspace', () => {
    const db = at20()
    migrate(db, 30)
    db.prepare(`INSERT INTO sla_policies VALUES (1, 'Europe/Berlin', 180, 180, 30, 0, 420, 1380, 60, 100000, 1)`).run()
    db.prepare('INSERT INTO sla_business_hours VALUES (1, 1, 540, 1020)').run()
    db.exec('DELETE FROM conversations; DELETE FROM identities; DELETE FROM contacts; DELETE FROM workspaces;')
    expect(db.prepare('SELECT count(*) FROM sla_business_hours').pluck().get()).toBe(0)
  })
})
