import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openDatabase } from './db'
import { latestVersion, migrate } from './migrate'
import { MIGRATIONS } from './migrations'

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-migrate-')), 'earshot.db')

describe('migrations', () => {
  it('are numbered in steps that leave room and strictly increase', () => {
    const versions = MIGRATIONS.map((m) => m.version)
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
    expect(new Set(versions).size).toBe(versions.length)
    for (const v of versions) expect(v % 10).toBe(0)
  })

  it('0010 creates STRICT tables, the FTS indexes and records the version', () => {
    const db = new Database(':memory:')
    expect(migrate(db, 10)).toEqual({ from: 0, to: 10 })
    expect(db.pragma('user_version', { simple: true })).toBe(10)
    const tables = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%fts%'`).all() as { name: string; sql: string }[]
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['workspaces', 'accounts', 'contacts', 'identities', 'conversations', 'messages', 'notes', 'tags', 'outbox', 'sync_cursors', 'audit_log']),
    )
    for (const t of tables) expect(t.sql, t.name).toMatch(/STRICT/)
    const virtual = db.prepare(`SELECT name FROM sqlite_schema WHERE sql LIKE 'CREATE VIRTUAL TABLE%'`).all()
    expect(virtual).toEqual(expect.arrayContaining([{ name: 'messages_fts' }, { name: 'contacts_fts' }]))
  })

  it('0010 rejects rows that break its constraints', () => {
    const db = openDatabase(':memory:')
    db.prepare(`INSERT INTO workspaces (name, created_at) VALUES ('W', 1)`).run()
    expect(() => db.prepare(`INSERT INTO workspaces (name, created_at) VALUES ('W', 'yesterday')`).run()).toThrow(/cannot store TEXT/)
    expect(() => db.prepare(`INSERT INTO accounts (workspace_id, channel, handle, display_name, created_at) VALUES (99, 'x', 'h', 'n', 1)`).run()).toThrow(/FOREIGN KEY/)
  })

  it('is a no-op when already current, and keeps the data', () => {
    const file = tempFile()
    const first = openDatabase(file)
    first.prepare(`INSERT INTO workspaces (name, created_at) VALUES ('Kept', 1)`).run()
    first.close()
    const again = openDatabase(file)
    expect(migrate(again)).toEqual({ from: latestVersion(), to: latestVersion() })
    expect(again.prepare('SELECT name FROM workspaces').pluck().get()).toBe('Kept')
    again.close()
  })

  it('refuses a database written by a newer Earshot with a clear message, and leaves it untouched', () => {
    const file = tempFile()
    const raw = new Database(file)
    raw.pragma(`user_version = ${latestVersion() + 10}`)
    raw.close()
    expect(() => openDatabase(file)).toThrow(/newer version of Earshot/)
    const check = new Database(file)
    expect(check.pragma('user_version', { simple: true })).toBe(latestVersion() + 10)
    check.close()
  })

  it('rolls back every step of a failing migration', () => {
    const db = new Database(':memory:')
    const broken = [...MIGRATIONS, { version: 9990, name: 'broken', up: 'CREATE TABLE half (x INTEGER) STRICT; SELECT * FROM missing_table;' }]
    expect(() => migrate(db, 9990, broken)).toThrow()
    expect(db.pragma('user_version', { simple: true })).toBe(0)
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema`).pluck().get()).toBe(0)
  })

  it('opens read-only only when the schema is current', () => {
    const file = tempFile()
    const raw = new Database(file)
    raw.pragma('user_version = 0')
    raw.exec('CREATE TABLE t (x INTEGER)')
    raw.close()
    expect(() => openDatabase(file, { readonly: true })).toThrow(/needs an upgrade/)
    openDatabase(file).close()
    const reader = openDatabase(file, { readonly: true })
    expect(() => reader.prepare(`INSERT INTO workspaces (name, created_at) VALUES ('x', 1)`).run()).toThrow(/readonly/)
    reader.close()
  })

  it('uses WAL and enforces foreign keys', () => {
    const db = openDatabase(tempFile())
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    db.close()
  })
})
