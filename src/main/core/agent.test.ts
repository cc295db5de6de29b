import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openCore, type Core } from './index'
import { createAccount } from './store/repos/accounts'
import { createIngestor } from './store/ingest'
import { createWorkspace } from './store/repos/workspaces'
import { item } from './store/test-support'

let core: Core | undefined
afterEach(async () => {
  await core?.close()
  core = undefined
})

describe('the agent at this app', () => {
  it('is the name set in the composer settings, for notes, the audit log and "Mine", from the next action on', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-agent-'))
    core = openCore({ dataDir: dir, host: 'web', version: 't', demo: 'never' })
    const workspaceId = createWorkspace(core.db, { name: 'Laden' })
    const accountId = createAccount(core.db, { workspaceId, channel: 'email', handle: 'laden@example.de', displayName: 'Laden' })
    createIngestor(core.db)({ accountId, items: [item()] })
    const conversationId = core.db.prepare('SELECT id FROM conversations').pluck().get() as number

    expect(await core.invoke('app:info', {})).toMatchObject({ ok: true, value: { agent: 'me' } })
    await core.invoke('composer:setSettings', { agentName: 'Anna Becker', undoSeconds: 5 })
    expect(await core.invoke('app:info', {})).toMatchObject({ ok: true, value: { agent: 'Anna Becker' } })
    expect(await core.invoke('note:add', { conversationId, body: 'Rückruf morgen' })).toMatchObject({ ok: true, value: { author: 'Anna Becker' } })
    const actors = core.db.prepare("SELECT actor FROM audit_log WHERE action = 'note.add'").pluck().all()
    expect(actors).toEqual(['Anna Becker'])
  })
})
