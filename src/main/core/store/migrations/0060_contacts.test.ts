import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../migrate'

const stale = (db: Database.Database) =>
  db.prepare('SELECT contact_id FROM contact_keys_stale ORDER BY contact_id').pluck().all()

describe('migration 0060', () => {
  it('marks existing contacts for key derivation and keeps marking them as identities and fields change', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, 59)
    db.exec(`INSERT INTO workspaces (id, name, created_at) VALUES (1, 'W', 1);
             INSERT INTO contacts (id, workspace_id, display_name, created_at) VALUES (1, 1, 'Anna Schmidt', 1), (2, 1, 'Ben', 1);
             INSERT INTO identities (workspace_id, contact_id, channel, external_id, handle, display_name)
             VALUES (1, 1, 'email', 'anna@example.de', NULL, 'Anna Schmidt');`)
    expect(migrate(db, 60)).toEqual({ from: expect.any(Number), to: 60 })
    expect(stale(db)).toEqual([1, 2])
    expect(db.prepare('SELECT reach_override FROM contacts WHERE id = 1').pluck().get()).toBeNull()

    db.exec('DELETE FROM contact_keys_stale')
    db.exec(`INSERT INTO identities (workspace_id, contact_id, channel, external_id, handle, display_name, followers)
             VALUES (1, 2, 'x', '42', 'ben_x', 'Ben', 10)`)
    expect(stale(db)).toEqual([2])
    db.exec('DELETE FROM contact_keys_stale')
    // Followers change on every mention; only what keys are made of marks a contact.
    db.exec(`UPDATE identities SET followers = 11 WHERE external_id = '42'`)
    expect(stale(db)).toEqual([])
    db.exec(`UPDATE identities SET contact_id = 1 WHERE external_id = '42'`)
    expect(stale(db)).toEqual([1, 2])
    db.exec('DELETE FROM contact_keys_stale')
    db.exec(`INSERT INTO contact_fields (workspace_id, contact_id, key, value) VALUES (1, 2, 'Telefon', '0211 123456')`)
    expect(stale(db)).toEqual([2])
  })

  it('keeps a sale complete and every other outcome without a value', () => {
    const db = new Database(':memory:')
    migrate(db)
    db.exec(`INSERT INTO workspaces (id, name, created_at) VALUES (1, 'W', 1);
             INSERT INTO contacts (id, workspace_id, display_name, created_at) VALUES (1, 1, 'Anna', 1), (2, 1, 'Ben', 1);`)
    const outcome = db.prepare(
      'INSERT OR REPLACE INTO contact_outcomes (contact_id, kind, value_minor, currency, set_at) VALUES (?, ?, ?, ?, 1)',
    )
    outcome.run(1, 'sale', 12_50, 'EUR')
    outcome.run(2, 'lead', null, null)
    expect(() => outcome.run(1, 'sale', 100, null)).toThrow(/CHECK/)
    expect(() => outcome.run(1, 'lost', 100, 'EUR')).toThrow(/CHECK/)
    expect(() => outcome.run(1, 'sale', 100, 'eur')).toThrow(/CHECK/)
    expect(() => outcome.run(1, 'won', null, null)).toThrow(/CHECK/)
    db.prepare(
      `INSERT INTO contact_fields (workspace_id, contact_id, key, value) VALUES (1, 1, 'Kundennummer', '4711')`,
    ).run()
    expect(() =>
      db
        .prepare(`INSERT INTO contact_fields (workspace_id, contact_id, key, value) VALUES (1, 1, 'KUNDENNUMMER', '1')`)
        .run(),
    ).toThrow(/UNIQUE/)
  })
})
