import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { startWalCheckpointer } from './checkpointer'
import { openDatabase } from './db'

describe('WAL checkpointer', () => {
  it('keeps the WAL from growing while the writer never checkpoints itself', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-ckpt-')), 'earshot.db')
    const db = openDatabase(file)
    const checkpointer = startWalCheckpointer(db, 50)
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0)
    db.exec('CREATE TABLE t (x BLOB) STRICT')
    const insert = db.prepare('INSERT INTO t VALUES (randomblob(4000))')
    for (let i = 0; i < 50; i++) db.transaction(() => Array.from({ length: 100 }, () => insert.run()))()
    const checkpointed = () => (db.pragma('wal_checkpoint(PASSIVE)') as { checkpointed: number; log: number }[])[0]!
    // The worker has been copying frames into the database file behind the writer's back.
    await expect.poll(() => fs.statSync(file).size, { timeout: 10_000 }).toBeGreaterThan(10 * 1024 * 1024)
    await checkpointer.stop()
    expect(checkpointed().log).toBe(checkpointed().checkpointed)
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(5000)
    db.close()
  })
})
