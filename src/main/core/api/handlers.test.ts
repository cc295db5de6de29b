import { describe, expect, it } from 'vitest'
import type { CommandArg, CommandName, CommandResult, EventMap } from '../../../shared/contract'
import type { Result } from '../../../shared/errors'
import { EventBus } from '../events'
import { createAccount } from '../store/repos/accounts'
import { createWorkspace } from '../store/repos/workspaces'
import { item, testStore } from '../store/test-support'
import type { CoreContext } from './context'
import { dispatch } from './dispatch'
import { handlers } from './handlers'

function setup() {
  const store = testStore()
  const events = new EventBus()
  const ctx: CoreContext = { db: store.db, events, info: { version: 't', host: 'web', dataDir: '/tmp' }, actor: 'Anna', background: null }
  const seen: EventMap['db:changed'][] = []
  events.on('db:changed', (e) => seen.push(e))
  const call = <K extends CommandName>(name: K, arg: CommandArg<K>) =>
    dispatch(ctx, handlers, name, arg) as Promise<Result<CommandResult<K>>>
  const ok = async <K extends CommandName>(name: K, arg: CommandArg<K>): Promise<CommandResult<K>> => {
    const r = await call(name, arg)
    if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`)
    return r.value
  }
  return { ...store, ctx, seen, call, ok }
}

const minute = 60_000

describe('contract validation', () => {
  it('refuses unknown commands and malformed arguments with INVALID, before any handler runs', async () => {
    const { call } = setup()
    expect(await dispatch(setup().ctx, handlers, 'db:drop', {})).toMatchObject({ ok: false, error: { code: 'INVALID' } })
    expect(await call('inbox:list', { workspaceId: -1 } as never)).toMatchObject({ ok: false, error: { code: 'INVALID' } })
    expect(await call('inbox:list', { workspaceId: 1, limit: 100_000 })).toMatchObject({ ok: false, error: { code: 'INVALID' } })
    expect(await call('note:add', { conversationId: 1, body: '   ' })).toMatchObject({ ok: false, error: { code: 'INVALID' } })
    expect(await call('inbox:list', { workspaceId: 1, extra: true } as never)).toMatchObject({ ok: false, error: { code: 'INVALID' } })
    expect(await call('conversation:setStatus', { conversationId: 1, status: 'snoozed' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: expect.stringContaining('snoozedUntil') },
    })
  })

  it('answers NOT_FOUND for missing rows and INVALID for a forged cursor', async () => {
    const { call, workspaceId } = setup()
    expect(await call('conversation:get', { conversationId: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await call('contact:get', { contactId: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await call('inbox:list', { workspaceId, after: 'bm9wZQ' })).toMatchObject({ ok: false, error: { code: 'INVALID' } })
  })
})

describe('inbox', () => {
  it('pages by keyset without gaps or repeats, newest activity first', async () => {
    const { ok, ingest, accounts, workspaceId } = setup()
    ingest({ accountId: accounts.x, items: Array.from({ length: 25 }, (_, i) => item({ sentAt: 1_000 + (i % 7) * minute })) })
    const seen: number[] = []
    let after: string | undefined
    do {
      const page = await ok('inbox:list', { workspaceId, limit: 10, ...(after ? { after } : {}) })
      seen.push(...page.items.map((r) => r.id))
      const times = page.items.map((r) => r.lastMessageAt)
      expect(times).toEqual([...times].sort((a, b) => b - a))
      after = page.next ?? undefined
    } while (after)
    expect(seen).toHaveLength(25)
    expect(new Set(seen).size).toBe(25)
  })

  it('filters by channel, status, assignee, tag and text', async () => {
    const { ok, ingest, accounts, workspaceId } = setup()
    ingest({ accountId: accounts.x, items: [item({ bodyText: 'Waschmaschine kaputt' })] })
    ingest({ accountId: accounts.email, items: [item({ bodyText: 'Frage zur Lieferung' }), item({ bodyText: 'Danke!' })] })
    const all = (await ok('inbox:list', { workspaceId })).items
    const mail = all.filter((r) => r.channel === 'email')
    await ok('conversation:assign', { conversationId: mail[0]!.id, assignee: 'Jonas' })
    await ok('conversation:tag', { conversationId: mail[0]!.id, tag: 'Lieferung', on: true })
    await ok('conversation:setStatus', { conversationId: mail[1]!.id, status: 'done' })
    const ids = async (filter: CommandArg<'inbox:list'>['filter']) => (await ok('inbox:list', { workspaceId, filter })).items.map((r) => r.id)
    expect(await ids({ channel: 'x' })).toHaveLength(1)
    expect(await ids({ status: 'done' })).toEqual([mail[1]!.id])
    expect(await ids({ assignee: 'jonas' })).toEqual([mail[0]!.id])
    expect(await ids({ assignee: '' })).toHaveLength(2)
    expect(await ids({ tag: 'lieferung' })).toEqual([mail[0]!.id])
    expect(await ids({ text: 'waschmaschine' })).toHaveLength(1)
    expect(await ids({ text: 'Anna' })).toHaveLength(3)
    expect(await ok('tags:list', { workspaceId })).toEqual(['Lieferung'])
  })

  it('shows how long a customer has waited for an answer', async () => {
    const { ok, ingest, accounts, workspaceId } = setup()
    const conversation = { externalId: 'w', visibility: 'public' as const }
    ingest({
      accountId: accounts.x,
      items: [
        item({ conversation, sentAt: 1 * minute }),
        item({ conversation, direction: 'out', sentAt: 2 * minute }),
        item({ conversation, sentAt: 3 * minute }),
        item({ conversation, sentAt: 4 * minute }),
      ],
    })
    const [row] = (await ok('inbox:list', { workspaceId })).items
    expect(row).toMatchObject({ awaitingReplySince: 3 * minute, firstReplyAt: 2 * minute, messageCount: 4 })
    await ok('conversation:setStatus', { conversationId: row!.id, status: 'done' })
    expect((await ok('inbox:list', { workspaceId })).items[0]!.awaitingReplySince).toBeNull()
  })
})

describe('conversation actions', () => {
  it('adds notes, records the audit trail and announces the change', async () => {
    const { ok, ingest, accounts, seen, db, workspaceId } = setup()
    ingest({ accountId: accounts.email, items: [item()] })
    const [row] = (await ok('inbox:list', { workspaceId })).items
    const note = await ok('note:add', { conversationId: row!.id, body: 'Kundin ruft morgen an' })
    expect(note).toMatchObject({ author: 'Anna', body: 'Kundin ruft morgen an' })
    expect((await ok('conversation:get', { conversationId: row!.id })).notes).toEqual([note])
    expect(seen.at(-1)).toEqual({ tables: ['notes'], workspaceId, ids: [row!.id] })
    await ok('conversation:setStatus', { conversationId: row!.id, status: 'snoozed', snoozedUntil: Date.now() + minute })
    const audit = db.prepare('SELECT action, actor FROM audit_log ORDER BY id').all()
    expect(audit).toEqual([
      { action: 'note.add', actor: 'Anna' },
      { action: 'conversation.status', actor: 'Anna' },
    ])
  })

  it('returns the thread oldest first with both directions', async () => {
    const { ok, ingest, accounts, workspaceId } = setup()
    const conversation = { externalId: 'thread', visibility: 'private' as const }
    ingest({
      accountId: accounts.email,
      items: [item({ conversation, sentAt: 3, direction: 'out', bodyText: 'b' }), item({ conversation, sentAt: 1, bodyText: 'a' })],
    })
    const [row] = (await ok('inbox:list', { workspaceId })).items
    const detail = await ok('conversation:get', { conversationId: row!.id })
    expect(detail.messages.map((m) => [m.direction, m.bodyText])).toEqual([
      ['in', 'a'],
      ['out', 'b'],
    ])
  })
})

describe('contacts and timeline', () => {
  it('shows one timeline across channels, newest first, in keyset pages', async () => {
    const { ok, ingest, accounts, db, workspaceId } = setup()
    const anna = { externalId: 'anna@example.de', displayName: 'Anna Schmidt' }
    ingest({ accountId: accounts.email, items: Array.from({ length: 7 }, (_, i) => item({ customer: anna, sentAt: i * 2 })) })
    const contactId = db.prepare('SELECT contact_id FROM identities').pluck().get() as number
    db.prepare(`INSERT INTO identities (workspace_id, contact_id, channel, external_id, handle, display_name, followers)
                VALUES (?, ?, 'x', '777', 'anna_s', 'Anna Schmidt', 5300)`).run(workspaceId, contactId)
    ingest({ accountId: accounts.x, items: Array.from({ length: 6 }, (_, i) => item({ customer: { externalId: '777', displayName: 'Anna Schmidt', followers: 5300 }, sentAt: i * 2 + 1 })) })
    const contact = await ok('contact:get', { contactId })
    expect(contact).toMatchObject({ reach: 5300, messageCount: 13 })
    expect((await ok('search:query', { workspaceId, query: 'anna_s' })).contacts.map((c) => c.contactId)).toEqual([contactId])
    expect(contact.identities.map((i) => i.channel)).toEqual(['email', 'x'])
    const times: number[] = []
    const channels = new Set<string>()
    let before: string | undefined
    do {
      const page = await ok('timeline:list', { contactId, limit: 5, ...(before ? { before } : {}) })
      page.items.forEach((t) => (times.push(t.sentAt), channels.add(t.channel)))
      before = page.next ?? undefined
    } while (before)
    expect(times).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0])
    expect([...channels].sort()).toEqual(['email', 'x'])
  })
})

describe('merged contacts', () => {
  it('show the merged contact\'s history on the survivor\'s timeline, interleaved by time', async () => {
    const { ok, ingest, accounts, db } = setup()
    ingest({ accountId: accounts.email, items: [item({ sentAt: 10 }), item({ sentAt: 30 })] })
    ingest({ accountId: accounts.x, items: [item({ customer: { externalId: '5', displayName: 'Anna S.' }, sentAt: 20 })] })
    const [survivor, merged] = db.prepare('SELECT id FROM contacts ORDER BY id').pluck().all() as number[]
    db.prepare('UPDATE contacts SET merged_into_id = ? WHERE id = ?').run(survivor, merged)
    const page = await ok('timeline:list', { contactId: survivor!, limit: 2 })
    expect(page.items.map((t) => [t.sentAt, t.channel])).toEqual([
      [30, 'email'],
      [20, 'x'],
    ])
    const rest = await ok('timeline:list', { contactId: survivor!, limit: 2, before: page.next! })
    expect(rest.items.map((t) => t.sentAt)).toEqual([10])
  })
})

describe('search', () => {
  it('finds messages newest first or by relevance, scoped to a workspace, and contacts by handle', async () => {
    const { ok, ingest, accounts, workspaceId } = setup()
    ingest({
      accountId: accounts.x,
      items: [
        item({ bodyText: 'Dinkelbrötchen ohne Sesam bitte', sentAt: 1 }),
        item({ bodyText: 'Dinkelbrötchen Dinkelbrötchen Dinkelbrötchen!', sentAt: 2 }),
        item({ bodyText: 'Brezeln', sentAt: 3, customer: { externalId: '9', handle: 'kettenblatt', displayName: 'Kai' } }),
      ],
    })
    const newest = await ok('search:query', { workspaceId, query: 'dinkelbrotchen' })
    expect(newest.messages.map((m) => m.snippet)).toEqual([
      expect.stringContaining('Dinkelbrötchen Dinkelbrötchen'),
      expect.stringContaining('ohne Sesam'),
    ])
    const ranked = await ok('search:query', { workspaceId, query: 'Dinkel', order: 'relevance' })
    expect(ranked.messages[0]!.snippet).toContain('Dinkelbrötchen Dinkelbrötchen')
    expect((await ok('search:query', { workspaceId: workspaceId + 1, query: 'Dinkelbrötchen' })).messages).toEqual([])
    expect((await ok('search:query', { query: 'kettenblatt' })).contacts.map((c) => c.displayName)).toEqual(['Kai'])
  })

  it('keeps a search inside its workspace, even for words common elsewhere, and never matches the scope itself', async () => {
    const { ok, ingest, accounts, db, workspaceId } = setup()
    const other = createWorkspace(db, { name: 'Yoga' })
    const yogaAccount = createAccount(db, { workspaceId: other, channel: 'x', handle: 'yoga', displayName: 'Yoga' })
    ingest({ accountId: yogaAccount, items: Array.from({ length: 30 }, () => item({ bodyText: 'yoga class' })) })
    ingest({ accountId: accounts.x, items: [item({ bodyText: 'Brot und yoga' })] })
    expect((await ok('search:query', { workspaceId, query: 'yoga' })).messages).toHaveLength(1)
    expect((await ok('search:query', { workspaceId: other, query: 'yoga', order: 'relevance' })).messages).toHaveLength(30)
    expect((await ok('search:query', { query: 'yoga' })).messages).toHaveLength(31)
    expect((await ok('search:query', { workspaceId, query: `w${workspaceId}` })).messages).toHaveLength(0)
    expect((await ok('inbox:list', { workspaceId, filter: { text: 'yoga' } })).items).toHaveLength(1)
  })

  it('treats FTS syntax in the input as plain words', async () => {
    const { ok, ingest, accounts } = setup()
    ingest({ accountId: accounts.x, items: [item({ bodyText: 'NEAR the "door" OR window' })] })
    for (const q of ['"', 'NEAR(', 'door OR', '*', 'x AND NOT y', "'; DROP TABLE messages; --", 'col:door']) {
      await expect(ok('search:query', { query: q })).resolves.toBeDefined()
    }
    expect((await ok('search:query', { query: 'door OR' })).messages).toHaveLength(1)
  })
})
