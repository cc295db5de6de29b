import { describe, expect, it } from 'vitest'
import type { CommandArg, CommandName, CommandResult, EventMap } from '../../../shared/contract'
import type { Result } from '../../../shared/errors'
import { EventBus } from '../events'
import { item, testStore } from '../store/test-support'
import type { CoreContext } from './context'
import { dispatch } from './dispatch'
import { handlers } from './handlers'

function setup() {
  const store = testStore()
  const events = new EventBus()
  const ctx: CoreContext = { db: store.db, events, info: { version: 't', host: 'web', dataDir: '/tmp' }, actor: 'Anna' }
  const seen: EventMap['db:changed'][] = []
  events.on('db:changed', (e) => seen.push(e))
  const call = <K extends CommandName>(name: K, arg: CommandArg<K>) => dispatch(ctx, handlers, name, arg) as Result<CommandResult<K>>
  const ok = <K extends CommandName>(name: K, arg: CommandArg<K>): CommandResult<K> => {
    const r = call(name, arg)
    if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`)
    return r.value
  }
  return { ...store, ctx, seen, call, ok }
}

const minute = 60_000

describe('contract validation', () => {
  it('refuses unknown commands and malformed arguments with INVALID, before any handler runs', () => {
    const { call } = setup()
    expect(dispatch(setup().ctx, handlers, 'db:drop', {})).toMatchObject({ ok: false, error: { code: 'INVALID' } })
    expect(call('inbox:list', { workspaceId: -1 } as never)).toMatchObject({ ok: false, error: { code: 'INVALID' } })
    expect(call('inbox:list', { workspaceId: 1, limit: 100_000 })).toMatchObject({ ok: false, error: { code: 'INVALID' } })
    expect(call('note:add', { conversationId: 1, body: '   ' })).toMatchObject({ ok: false, error: { code: 'INVALID' } })
    expect(call('inbox:list', { workspaceId: 1, extra: true } as never)).toMatchObject({ ok: false, error: { code: 'INVALID' } })
    expect(call('conversation:setStatus', { conversationId: 1, status: 'snoozed' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: expect.stringContaining('snoozedUntil') },
    })
  })

  it('answers NOT_FOUND for missing rows and INVALID for a forged cursor', () => {
    const { call, workspaceId } = setup()
    expect(call('conversation:get', { conversationId: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(call('contact:get', { contactId: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(call('inbox:list', { workspaceId, after: 'bm9wZQ' })).toMatchObject({ ok: false, error: { code: 'INVALID' } })
  })
})

describe('inbox', () => {
  it('pages by keyset without gaps or repeats, newest activity first', () => {
    const { ok, ingest, accounts, workspaceId } = setup()
    ingest({ accountId: accounts.x, items: Array.from({ length: 25 }, (_, i) => item({ sentAt: 1_000 + (i % 7) * minute })) })
    const seen: number[] = []
    let after: string | undefined
    do {
      const page = ok('inbox:list', { workspaceId, limit: 10, ...(after ? { after } : {}) })
      seen.push(...page.items.map((r) => r.id))
      const times = page.items.map((r) => r.lastMessageAt)
      expect(times).toEqual([...times].sort((a, b) => b - a))
      after = page.next ?? undefined
    } while (after)
    expect(seen).toHaveLength(25)
    expect(new Set(seen).size).toBe(25)
  })

  it('filters by channel, status, assignee, tag and text', () => {
    const { ok, ingest, accounts, workspaceId } = setup()
    ingest({ accountId: accounts.x, items: [item({ bodyText: 'Waschmaschine kaputt' })] })
    ingest({ accountId: accounts.email, items: [item({ bodyText: 'Frage zur Lieferung' }), item({ bodyText: 'Danke!' })] })
    const all = ok('inbox:list', { workspaceId }).items
    const mail = all.filter((r) => r.channel === 'email')
    ok('conversation:assign', { conversationId: mail[0]!.id, assignee: 'Jonas' })
    ok('conversation:tag', { conversationId: mail[0]!.id, tag: 'Lieferung', on: true })
    ok('conversation:setStatus', { conversationId: mail[1]!.id, status: 'done' })
    const ids = (filter: CommandArg<'inbox:list'>['filter']) => ok('inbox:list', { workspaceId, filter }).items.map((r) => r.id)
    expect(ids({ channel: 'x' })).toHaveLength(1)
    expect(ids({ status: 'done' })).toEqual([mail[1]!.id])
    expect(ids({ assignee: 'jonas' })).toEqual([mail[0]!.id])
    expect(ids({ assignee: '' })).toHaveLength(2)
    expect(ids({ tag: 'lieferung' })).toEqual([mail[0]!.id])
    expect(ids({ text: 'waschmaschine' })).toHaveLength(1)
    expect(ids({ text: 'Anna' })).toHaveLength(3)
    expect(ok('tags:list', { workspaceId })).toEqual(['Lieferung'])
  })

  it('shows how long a customer has waited for an answer', () => {
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
    const [row] = ok('inbox:list', { workspaceId }).items
    expect(row).toMatchObject({ awaitingReplySince: 3 * minute, firstReplyAt: 2 * minute, messageCount: 4 })
    ok('conversation:setStatus', { conversationId: row!.id, status: 'done' })
    expect(ok('inbox:list', { workspaceId }).items[0]!.awaitingReplySince).toBeNull()
  })
})

describe('conversation actions', () => {
  it('adds notes, records the audit trail and announces the change', () => {
    const { ok, ingest, accounts, seen, db, workspaceId } = setup()
    ingest({ accountId: accounts.email, items: [item()] })
    const [row] = ok('inbox:list', { workspaceId }).items
    const note = ok('note:add', { conversationId: row!.id, body: 'Kundin ruft morgen an' })
    expect(note).toMatchObject({ author: 'Anna', body: 'Kundin ruft morgen an' })
    expect(ok('conversation:get', { conversationId: row!.id }).notes).toEqual([note])
    expect(seen.at(-1)).toEqual({ tables: ['notes'], workspaceId, ids: [row!.id] })
    ok('conversation:setStatus', { conversationId: row!.id, status: 'snoozed', snoozedUntil: Date.now() + minute })
    const audit = db.prepare('SELECT action, actor FROM audit_log ORDER BY id').all()
    expect(audit).toEqual([
      { action: 'note.add', actor: 'Anna' },
      { action: 'conversation.status', actor: 'Anna' },
    ])
  })

  it('returns the thread oldest first with both directions', () => {
    const { ok, ingest, accounts, workspaceId } = setup()
    const conversation = { externalId: 'thread', visibility: 'private' as const }
    ingest({
      accountId: accounts.email,
      items: [item({ conversation, sentAt: 3, direction: 'out', bodyText: 'b' }), item({ conversation, sentAt: 1, bodyText: 'a' })],
    })
    const [row] = ok('inbox:list', { workspaceId }).items
    const detail = ok('conversation:get', { conversationId: row!.id })
    expect(detail.messages.map((m) => [m.direction, m.bodyText])).toEqual([
      ['in', 'a'],
      ['out', 'b'],
    ])
  })
})

describe('contacts and timeline', () => {
  it('shows one timeline across channels, newest first, in keyset pages', () => {
    const { ok, ingest, accounts, db, workspaceId } = setup()
    const anna = { externalId: 'anna@example.de', displayName: 'Anna Schmidt' }
    ingest({ accountId: accounts.email, items: Array.from({ length: 7 }, (_, i) => item({ customer: anna, sentAt: i * 2 })) })
    const contactId = db.prepare('SELECT contact_id FROM identities').pluck().get() as number
    db.prepare(`INSERT INTO identities (workspace_id, contact_id, channel, external_id, handle, display_name, followers)
                VALUES (?, ?, 'x', '777', 'anna_s', 'Anna Schmidt', 5300)`).run(workspaceId, contactId)
    ingest({ accountId: accounts.x, items: Array.from({ length: 6 }, (_, i) => item({ customer: { externalId: '777', displayName: 'Anna Schmidt', followers: 5300 }, sentAt: i * 2 + 1 })) })
    const contact = ok('contact:get', { contactId })
    expect(contact).toMatchObject({ reach: 5300, messageCount: 13 })
    expect(contact.identities.map((i) => i.channel)).toEqual(['email', 'x'])
    const times: number[] = []
    const channels = new Set<string>()
    let before: string | undefined
    do {
      const page = ok('timeline:list', { contactId, limit: 5, ...(before ? { before } : {}) })
      page.items.forEach((t) => (times.push(t.sentAt), channels.add(t.channel)))
      before = page.next ?? undefined
    } while (before)
    expect(times).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0])
    expect([...channels].sort()).toEqual(['email', 'x'])
  })
})

describe('search', () => {
  it('finds messages newest first or by relevance, scoped to a workspace, and contacts by handle', () => {
    const { ok, ingest, accounts, workspaceId } = setup()
    ingest({
      accountId: accounts.x,
      items: [
        item({ bodyText: 'Dinkelbrötchen ohne Sesam bitte', sentAt: 1 }),
        item({ bodyText: 'Dinkelbrötchen Dinkelbrötchen Dinkelbrötchen!', sentAt: 2 }),
        item({ bodyText: 'Brezeln', sentAt: 3, customer: { externalId: '9', handle: 'kettenblatt', displayName: 'Kai' } }),
      ],
    })
    const newest = ok('search:query', { workspaceId, query: 'dinkelbrotchen' })
    expect(newest.messages.map((m) => m.snippet)).toEqual([
      expect.stringContaining('Dinkelbrötchen Dinkelbrötchen'),
      expect.stringContaining('ohne Sesam'),
    ])
    const ranked = ok('search:query', { workspaceId, query: 'Dinkel', order: 'relevance' })
    expect(ranked.messages[0]!.snippet).toContain('Dinkelbrötchen Dinkelbrötchen')
    expect(ok('search:query', { workspaceId: workspaceId + 1, query: 'Dinkelbrötchen' }).messages).toEqual([])
    expect(ok('search:query', { query: 'kettenblatt' }).contacts.map((c) => c.displayName)).toEqual(['Kai'])
  })

  it('treats FTS syntax in the input as plain words', () => {
    const { ok, ingest, accounts } = setup()
    ingest({ accountId: accounts.x, items: [item({ bodyText: 'NEAR the "door" OR window' })] })
    for (const q of ['"', 'NEAR(', 'door OR', '*', 'x AND NOT y', "'; DROP TABLE messages; --", 'col:door']) {
      expect(() => ok('search:query', { query: q })).not.toThrow()
    }
    expect(ok('search:query', { query: 'door OR' }).messages).toHaveLength(1)
  })
})
