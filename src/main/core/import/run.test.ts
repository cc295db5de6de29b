import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createParsePool } from '../mail/parse-pool'
import { openDatabase } from '../store/db'
import { createWorkspace } from '../store/repos/workspaces'
import { runImport } from './run'
import { countMessages, findSources } from './sources'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

function maildirOf(count: number): { dir: string; maildir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-run-'))
  dirs.push(dir)
  const maildir = path.join(dir, 'Maildir')
  for (const sub of ['cur', 'new', 'tmp']) fs.mkdirSync(path.join(maildir, sub), { recursive: true })
  for (let i = 0; i < count; i++) {
    // Every other mail answers the one before it: the results must come back in order to join them.
    const reply = i % 2 === 1 ? [`In-Reply-To: <r${i - 1}@example.de>`] : []
    const mail = [
      `From: Anna <anna@example.de>`,
      'To: support@shop.de',
      `Subject: Frage ${i}`,
      `Message-ID: <r${i}@example.de>`,
      'Date: Tue, 14 Nov 2023 10:00:00 +0100',
      ...reply,
      '',
      `Nachricht ${i}`,
      '',
    ]
    fs.writeFileSync(path.join(maildir, 'cur', `${1000 + i}.host:2,S`), mail.join('\n'))
  }
  return { dir, maildir }
}

describe('runImport', () => {
  it('leaves every message to a ready parse worker, and stores them in order', async () => {
    const { dir, maildir } = maildirOf(300)
    const db = openDatabase(':memory:')
    const workspaceId = createWorkspace(db, { name: 'Test shop' })
    const pool = createParsePool(1)
    try {
      await vi.waitFor(() => expect(pool.ready()).toBe(true), { timeout: 10_000 })
      const found = findSources([maildir])
      const start = { found, total: await countMessages(found), pool }
      const result = await runImport(db, { workspaceId, paths: [maildir], dataDir: dir }, start)
      expect(result).toMatchObject({ total: 300, inserted: 300, parsedByWorkers: 300 })
      expect(db.prepare('SELECT count(*) FROM conversations').pluck().get()).toBe(150)
    } finally {
      await pool.close()
      db.close()
    }
  })

  it('parses on its own thread when it has no worker', async () => {
    const { dir, maildir } = maildirOf(20)
    const db = openDatabase(':memory:')
    const workspaceId = createWorkspace(db, { name: 'Test shop' })
    const found = findSources([maildir])
    const start = { found, total: await countMessages(found), pool: createParsePool(0) }
    const result = await runImport(db, { workspaceId, paths: [maildir], dataDir: dir }, start)
    expect(result).toMatchObject({ total: 20, inserted: 20, parsedByWorkers: 0 })
    expect(db.prepare('SELECT count(*) FROM conversations').pluck().get()).toBe(10)
    db.close()
  })
})
