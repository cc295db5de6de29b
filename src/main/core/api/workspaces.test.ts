import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CommandArg, CommandName, CommandResult, EventMap } from '../../../shared/contract'
import type { Result } from '../../../shared/errors'
import { EventBus } from '../events'
import { openDatabase } from '../store/db'
import { createIngestor } from '../store/ingest'
import { createAccount } from '../store/repos/accounts'
import { listSyncAccountIds } from '../sync/accounts'
import { item } from '../store/test-support'
import type { CoreContext } from './context'
import { dispatch } from './dispatch'
import { handlers } from './handlers'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  dirs.push(dir)
  return dir
}

/** A file store, not ':memory:': the export runs on a worker thread with its own connection to it. */
function setup() {
  const dataDir = tempDir('earshot-workspaces-')
  const db = openDatabase(path.join(dataDir, 'earshot.db'))
  const events = new EventBus()
  const ctx: CoreContext = { db, events, info: { version: 't', host: 'web', dataDir }, actor: 'Anna', background: null }
  const seen: EventMap['db:changed'][] = []
  events.on('db:changed', (e) => seen.push(e))
  const call = <K extends CommandName>(name: K, arg: CommandArg<K>) =>
    dispatch(ctx, handlers, name, arg) as Promise<Result<CommandResult<K>>>
  const ok = async <K extends CommandName>(name: K, arg: CommandArg<K>): Promise<CommandResult<K>> => {
    const r = await call(name, arg)
    if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`)
    return r.value
  }
  const withMail = (workspaceId: number, text: string) => {
    const accountId = createAccount(db, {
      workspaceId,
      channel: 'email',
      handle: `shop-${workspaceId}`,
      displayName: 'Shop',
    })
    createIngestor(db)({ accountId, items: [item({ bodyText: text })] })
    return accountId
  }
  return { db, ctx, seen, call, ok, withMail }
}

const audit = (db: ReturnType<typeof setup>['db']) =>
  db
    .prepare("SELECT action, actor, target_id AS targetId FROM audit_log WHERE target_type = 'workspace' ORDER BY id")
    .all()

describe('workspaces', () => {
  it('creates, renames, archives and restores a workspace, audited and announced', async () => {
    const { db, ok, seen } = setup()
    const created = await ok('workspaces:create', { name: '  Yoga Mitte  ' })
    expect(created).toMatchObject({ name: 'Yoga Mitte', isDemo: false, archivedAt: null, conversationCount: 0 })
    const renamed = await ok('workspaces:rename', { workspaceId: created.id, name: 'Yoga am Park' })
    expect(renamed.name).toBe('Yoga am Park')

    const archived = await ok('workspaces:archive', { workspaceId: created.id, archived: true })
    expect(archived.archivedAt).toEqual(expect.any(Number))
    expect(await ok('workspaces:list', {})).toEqual([])
    expect((await ok('workspaces:list', { includeArchived: true })).map((w) => w.name)).toEqual(['Yoga am Park'])
    expect((await ok('workspaces:archive', { workspaceId: created.id, archived: true })).archivedAt).toBe(
      archived.archivedAt,
    )

    await ok('workspaces:archive', { workspaceId: created.id, archived: false })
    expect((await ok('workspaces:list', {})).map((w) => w.archivedAt)).toEqual([null])
    expect(audit(db)).toEqual(
      ['workspace.create', 'workspace.rename', 'workspace.archive', 'workspace.archive', 'workspace.restore'].map(
        (action) => ({
          action,
          actor: 'Anna',
          targetId: created.id,
        }),
      ),
    )
    expect(seen.every((e) => e.tables.includes('workspaces') && e.workspaceId === created.id)).toBe(true)
    expect(seen).toHaveLength(5)
  })

  it('refuses a name another workspace has, in any case, and an empty one', async () => {
    const { ok, call } = setup()
    const bakery = await ok('workspaces:create', { name: 'Bäckerei' })
    const yoga = await ok('workspaces:create', { name: 'Yoga' })
    await ok('workspaces:archive', { workspaceId: bakery.id, archived: true })
    expect(await call('workspaces:create', { name: 'BÄCKEREI' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('BÄCKEREI') },
    })
    expect(await call('workspaces:rename', { workspaceId: yoga.id, name: 'bäckerei' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(await call('workspaces:create', { name: '   ' })).toMatchObject({ ok: false, error: { code: 'INVALID' } })
    expect(await ok('workspaces:rename', { workspaceId: yoga.id, name: 'yoga' })).toMatchObject({ name: 'yoga' })
    expect(await call('workspaces:rename', { workspaceId: 999, name: 'Neu' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await call('workspaces:archive', { workspaceId: 999, archived: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('keeps each workspace to itself: lists, inbox and search see only their own', async () => {
    const { ok, withMail } = setup()
    const bakery = await ok('workspaces:create', { name: 'Bäckerei' })
    const yoga = await ok('workspaces:create', { name: 'Yoga' })
    withMail(bakery.id, 'Dinkelbrot bitte')
    withMail(yoga.id, 'Kurs am Montag')
    const inbox = await ok('inbox:list', { workspaceId: yoga.id })
    expect(inbox.items.map((r) => r.snippet)).toEqual(['Kurs am Montag'])
    const found = await ok('search:query', { workspaceId: yoga.id, query: 'Dinkelbrot' })
    expect(found.messages).toEqual([])
    expect((await ok('workspaces:list', {})).map((w) => [w.name, w.conversationCount])).toEqual([
      ['Bäckerei', 1],
      ['Yoga', 1],
    ])
  })

  it('stops syncing the accounts of an archived workspace and resumes when it is restored', async () => {
    const { db, ok, withMail } = setup()
    const yoga = await ok('workspaces:create', { name: 'Yoga' })
    const accountId = withMail(yoga.id, 'Kurs am Montag')
    expect(listSyncAccountIds(db)).toEqual([accountId])
    await ok('workspaces:archive', { workspaceId: yoga.id, archived: true })
    expect(listSyncAccountIds(db)).toEqual([])
    await ok('workspaces:archive', { workspaceId: yoga.id, archived: false })
    expect(listSyncAccountIds(db)).toEqual([accountId])
  })
})

describe('workspaces:export', () => {
  it('writes one workspace, archived or not, into a new folder, with the files `earshot export` writes', async () => {
    const { db, ok, withMail } = setup()
    const bakery = await ok('workspaces:create', { name: 'Bäckerei' })
    const yoga = await ok('workspaces:create', { name: 'Yoga' })
    withMail(bakery.id, 'Dinkelbrot bitte')
    withMail(yoga.id, 'Kurs am Montag')
    await ok('workspaces:archive', { workspaceId: yoga.id, archived: true })
    const folder = path.join(tempDir('earshot-export-'), 'Yoga export')

    const written = await ok('workspaces:export', { workspaceId: yoga.id, folder })
    expect(written.folder).toBe(folder)
    expect(written.files.map((f) => [f.table, f.rows])).toEqual([
      ['workspaces', 1],
      ['contacts', 1],
      ['identities', 1],
      ['conversations', 1],
      ['messages', 1],
      ['notes', 0],
    ])
    const messages = JSON.parse(fs.readFileSync(path.join(folder, 'messages.json'), 'utf8')) as { body_text: string }[]
    expect(messages.map((m) => m.body_text)).toEqual(['Kurs am Montag'])
    const workspaces = JSON.parse(fs.readFileSync(path.join(folder, 'workspaces.json'), 'utf8')) as {
      name: string
      archived_at: number
    }[]
    expect(workspaces).toMatchObject([{ name: 'Yoga', archived_at: expect.any(Number) }])
    expect(db.prepare("SELECT detail FROM audit_log WHERE action = 'workspace.export'").pluck().all()).toEqual([folder])

    const csv = path.join(tempDir('earshot-export-'), 'csv')
    await ok('workspaces:export', { workspaceId: bakery.id, folder: csv, format: 'csv' })
    expect(fs.readFileSync(path.join(csv, 'messages.csv'), 'utf8')).toContain('Dinkelbrot bitte')
  })

  it('never overwrites: a folder with files in it, a file, or a relative path is refused', async () => {
    const { ok, call } = setup()
    const yoga = await ok('workspaces:create', { name: 'Yoga' })
    const used = tempDir('earshot-export-')
    fs.writeFileSync(path.join(used, 'messages.json'), 'mine')
    expect(await call('workspaces:export', { workspaceId: yoga.id, folder: used })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(fs.readFileSync(path.join(used, 'messages.json'), 'utf8')).toBe('mine')
    expect(
      await call('workspaces:export', { workspaceId: yoga.id, folder: path.join(used, 'messages.json') }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(await call('workspaces:export', { workspaceId: yoga.id, folder: 'exports/yoga' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    })
    expect(await call('workspaces:export', { workspaceId: 999, folder: path.join(used, 'new') })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    const empty = tempDir('earshot-export-')
    expect(await call('workspaces:export', { workspaceId: yoga.id, folder: empty })).toMatchObject({ ok: true })
  })
})

describe('notification settings', () => {
  it('has every kind on until turned off, keeps the choice, and audits it', async () => {
    const { db, ok, seen } = setup()
    expect(await ok('notifications:get', {})).toEqual({
      'due-soon': true,
      overdue: true,
      reach: true,
      groundswell: true,
      assigned: true,
    })
    expect(await ok('notifications:set', { kind: 'reach', on: false })).toMatchObject({ reach: false, overdue: true })
    expect(await ok('notifications:get', {})).toMatchObject({ reach: false })
    expect(await ok('notifications:set', { kind: 'reach', on: true })).toMatchObject({ reach: true })
    expect(
      db.prepare("SELECT action || ' ' || detail FROM audit_log WHERE target_type = 'settings'").pluck().all(),
    ).toEqual(['notifications.off reach', 'notifications.on reach'])
    expect(seen.map((e) => e.tables)).toEqual([['settings'], ['settings']])
  })
})
