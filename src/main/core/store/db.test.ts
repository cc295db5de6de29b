import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from './db'
import { createWorkspace, listWorkspaces } from './repos/workspaces'

const open: Db[] = []
const dirs: string[] = []
afterEach(() => {
  open.splice(0).forEach((db) => db.close())
  dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }))
})

describe('openDatabase', () => {
  it('takes the write lock as a transaction begins: another connection cannot write between its read and its write', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-db-'))
    dirs.push(dir)
    const file = path.join(dir, 'earshot.db')
    const host = openDatabase(file)
    const thread = openDatabase(file)
    open.push(host, thread)
    thread.pragma('busy_timeout = 0')

    host.transaction(() => {
      const count = listWorkspaces(host).length
      // Deferred, this write would go through, and the host's write below would then fail with SQLITE_BUSY.
      expect(() => createWorkspace(thread, { name: 'Filiale' })).toThrow(/locked/)
      createWorkspace(host, { name: `Laden ${count + 1}` })
    })()

    createWorkspace(thread, { name: 'Filiale' })
    expect(listWorkspaces(host).map((w) => w.name)).toEqual(['Laden 1', 'Filiale'])
  })
})
