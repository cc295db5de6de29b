import { describe, expect, it } from 'vitest'
import { createAccount } from '../store/repos/accounts'
import { createWorkspace } from '../store/repos/workspaces'
import { item } from '../store/test-support'
import { contractHarness } from './test-support'

function setup(conversations = 3) {
  const store = contractHarness('Jonas')
  const { ctx, seen, call, ok } = store
  store.ingest({ accountId: store.accounts.email, items: Array.from({ length: conversations }, () => item()) })
  const ids = store.db.prepare('SELECT id FROM conversations ORDER BY id').pluck().all() as number[]
  const rows = async () => (await ok('inbox:list', { workspaceId: store.workspaceId, filter: {} })).items
  const audit = () => store.db.prepare('SELECT actor, action, target_id, detail FROM audit_log ORDER BY id').all()
  return { ...store, ctx, seen, call, ok, ids, rows, audit }
}

describe('conversations:bulk', () => {
  it('sets the status of a whole selection in one change, audited per conversation', async () => {
    const { ok, ids, rows, seen, audit, workspaceId } = setup()
    const picked = [ids[0]!, ids[2]!]
    expect(
      await ok('conversations:bulk', { conversationIds: picked, action: { kind: 'status', status: 'done' } }),
    ).toEqual({
      changed: 2,
    })
    expect((await rows()).map((r) => [r.id, r.status]).sort()).toEqual(
      [
        [ids[0], 'done'],
        [ids[1], 'open'],
        [ids[2], 'done'],
      ].sort(),
    )
    expect(seen).toEqual([{ tables: ['conversations'], workspaceId, ids: picked }])
    expect(audit()).toEqual(
      picked.map((id) => ({ actor: 'Jonas', action: 'conversation.status', target_id: id, detail: 'done' })),
    )
  })

  it('snoozes until a time, assigns and unassigns, tags and untags', async () => {
    const { ok, ids, rows, seen, workspaceId } = setup()
    const until = Date.now() + 3_600_000
    await ok('conversations:bulk', { conversationIds: ids, action: { kind: 'snooze', until } })
    expect((await rows()).every((r) => r.status === 'snoozed' && r.snoozedUntil === until)).toBe(true)

    await ok('conversations:bulk', { conversationIds: ids, action: { kind: 'assign', assignee: 'Mia' } })
    await ok('conversations:bulk', { conversationIds: [ids[1]!], action: { kind: 'assign', assignee: null } })
    expect((await rows()).map((r) => r.assignee).sort()).toEqual(['Mia', 'Mia', null])

    await ok('conversations:bulk', { conversationIds: ids, action: { kind: 'tag', tag: 'Torte', on: true } })
    // Tags match without regard to case, as on one conversation.
    await ok('conversations:bulk', { conversationIds: [ids[0]!], action: { kind: 'tag', tag: 'torte', on: false } })
    expect((await rows()).map((r) => r.tags.join()).sort()).toEqual(['', 'Torte', 'Torte'])
    expect(await ok('tags:list', { workspaceId })).toEqual(['Torte'])
    expect(seen.at(-1)).toEqual({ tables: ['conversations', 'tags'], workspaceId, ids: [ids[0]] })
  })

  it('changes nothing when one id is missing or the selection spans workspaces', async () => {
    const { ok, call, ids, db, ingest, rows, audit, seen } = setup()
    const other = createWorkspace(db, { name: 'Yoga' })
    ingest({
      accountId: createAccount(db, { workspaceId: other, channel: 'x', handle: 'yoga', displayName: 'Yoga' }),
      items: [item()],
    })
    const foreign = db.prepare('SELECT id FROM conversations WHERE workspace_id = ?').pluck().get(other) as number
    await ok('conversations:bulk', { conversationIds: ids, action: { kind: 'assign', assignee: 'Mia' } })
    seen.length = 0
    // What a bulk action could change; other fields (service-level clocks) move with time.
    const state = async () => ({
      rows: (await rows()).map((r) => ({ id: r.id, status: r.status, assignee: r.assignee, tags: r.tags })),
      audit: audit(),
    })
    const before = await state()

    const done = { kind: 'status', status: 'done' } as const
    expect(await call('conversations:bulk', { conversationIds: [...ids, 9999], action: done })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await call('conversations:bulk', { conversationIds: [ids[0]!, foreign], action: done })).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    })
    expect(await state()).toEqual(before)
    expect(seen).toEqual([])
  })

  it('refuses an empty selection, one over the limit and "snoozed" without a time', async () => {
    const { call, ids } = setup(1)
    expect(
      await call('conversations:bulk', { conversationIds: [], action: { kind: 'status', status: 'done' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    })
    const snoozedWithoutTime = { conversationIds: ids, action: { kind: 'status', status: 'snoozed' } } as never
    expect(await call('conversations:bulk', snoozedWithoutTime)).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    })
    const tooMany = Array.from({ length: 10_001 }, (_, i) => i + 1)
    expect(
      await call('conversations:bulk', { conversationIds: tooMany, action: { kind: 'status', status: 'done' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    })
  })
})

describe('contacts:lookup', () => {
  it('finds contacts by name, email address and handle as the user types, within the workspace', async () => {
    const { ok, ingest, accounts, db, workspaceId } = setup(0)
    ingest({
      accountId: accounts.email,
      items: [item({ customer: { externalId: 'ingrid.hoffmann@web.example', displayName: 'Ingrid Hoffmann' } })],
    })
    ingest({
      accountId: accounts.x,
      items: [item({ customer: { externalId: '42', handle: 'kettenblatt_kai', displayName: 'Kai' } })],
    })
    const other = createWorkspace(db, { name: 'Yoga' })
    const yoga = createAccount(db, { workspaceId: other, channel: 'email', handle: 'y', displayName: 'Yoga' })
    ingest({
      accountId: yoga,
      items: [item({ customer: { externalId: 'ingrid@yoga.example', displayName: 'Ingrid Yoga' } })],
    })
    const names = async (query: string) =>
      (await ok('contacts:lookup', { workspaceId, query })).map((c) => c.displayName)

    expect(await names('Ingr')).toEqual(['Ingrid Hoffmann'])
    expect(await names('hoffmann ingrid')).toEqual(['Ingrid Hoffmann'])
    expect(await names('ingrid.hoffmann@web')).toEqual(['Ingrid Hoffmann'])
    expect(await names('@kettenbl')).toEqual(['Kai'])
    expect(await names('"; DROP')).toEqual([])
    const [kai] = await ok('contacts:lookup', { workspaceId, query: 'kettenblatt_kai' })
    expect(kai).toMatchObject({ displayName: 'Kai', handles: ['@kettenblatt_kai'] })
  })

  it('finds a phone number however it is written, from a custom field or a mail signature, as the surviving contact', async () => {
    const { ok, ingest, accounts, db, workspaceId } = setup(0)
    const signed = 'Bis Samstag!\n\n-- \nKlaus Weber\nTel. +49 (0)211 7654 321'
    ingest({
      accountId: accounts.email,
      items: [item({ customer: { externalId: 'klaus@weber.example', displayName: 'Klaus Weber' }, bodyText: signed })],
    })
    ingest({
      accountId: accounts.x,
      items: [item({ customer: { externalId: '7', handle: 'sabine_k', displayName: 'Sabine Koch' } })],
    })
    const [klaus, sabine] = db.prepare('SELECT id FROM contacts ORDER BY id').pluck().all() as number[]
    db.prepare(
      `INSERT INTO contact_fields (workspace_id, contact_id, key, value) VALUES (?, ?, 'Telefon', '0172 5550 1234')`,
    ).run(workspaceId, sabine)
    const names = async (query: string) =>
      (await ok('contacts:lookup', { workspaceId, query })).map((c) => c.displayName)

    expect(await names('0211 7654321')).toEqual(['Klaus Weber'])
    expect(await names('+49 172 55501234')).toEqual(['Sabine Koch'])
    expect(await names('0172-5550-9999')).toEqual([])
    db.prepare('UPDATE contacts SET merged_into_id = ? WHERE id = ?').run(klaus, sabine)
    expect(await names('+49 172 55501234')).toEqual(['Klaus Weber'])
  })
})

describe('app:info', () => {
  it('names the agent at the keyboard, whose work "Mine" shows', async () => {
    const { ok } = setup(0)
    expect(await ok('app:info', {})).toEqual({ version: 't', host: 'web', dataDir: '/tmp', agent: 'Jonas' })
  })
})
