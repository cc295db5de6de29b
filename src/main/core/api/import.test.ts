import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EventMap } from '../../../shared/contract'
import { EventBus } from '../events'
import { openDatabase } from '../store/db'
import { createWorkspace } from '../store/repos/workspaces'
import type { CoreContext } from './context'
import { dispatch } from './dispatch'
import { handlers } from './handlers'

const mail = (id: number, from: string) =>
  [
    `From: ${from}`,
    'To: laden@sonnenschein.example',
    `Subject: Bestellung ${id}`,
    `Message-ID: <order-${id}@kunde.example>`,
    'Date: Tue, 3 Mar 2026 09:00:00 +0100',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Ich hätte gern ${id} Brötchen.`,
  ].join('\r\n')

describe('import:mail', () => {
  it('imports files into a workspace, reports progress, and adds nothing when run again', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-import-cmd-'))
    // A file, not ':memory:': the import runs on a worker thread with its own connection to it.
    const db = openDatabase(path.join(dataDir, 'earshot.db'))
    const workspaceId = createWorkspace(db, { name: 'Test shop' })
    const files = [1, 2, 3].map((i) => {
      const file = path.join(dataDir, `m${i}.eml`)
      fs.writeFileSync(file, mail(i, i === 3 ? 'Laden <laden@sonnenschein.example>' : `Kunde ${i} <k${i}@kunde.example>`))
      return file
    })
    fs.writeFileSync(path.join(dataDir, 'broken.eml'), Buffer.from([0, 1, 2, 3]))
    const events = new EventBus()
    const progress: EventMap['import:progress'][] = []
    events.on('import:progress', (p) => progress.push(p))
    const ctx: CoreContext = { db, events, info: { version: 't', host: 'web', dataDir }, actor: 'Anna', background: null }
    const arg = { workspaceId, paths: [...files, path.join(dataDir, 'broken.eml')], ownAddresses: ['Laden@Sonnenschein.example'] }

    const first = await dispatch(ctx, handlers, 'import:mail', arg)
    expect(first).toEqual({ ok: true, value: { total: 4, inserted: 3, quarantined: 1 } })
    expect(progress.at(-1)).toMatchObject({ workspaceId, done: 4, total: 4 })
    expect(db.prepare(`SELECT direction FROM messages ORDER BY external_id`).pluck().all()).toEqual(['in', 'in', 'out'])

    const again = await dispatch(ctx, handlers, 'import:mail', arg)
    expect(again).toMatchObject({ ok: true, value: { inserted: 0 } })
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(3)
    expect(await dispatch(ctx, handlers, 'import:mail', { ...arg, workspaceId: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    db.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })
})
