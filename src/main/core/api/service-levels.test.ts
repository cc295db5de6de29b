import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SlaPolicy } from '../../../shared/commands/policy'
import type { CommandArg, CommandName, CommandResult } from '../../../shared/contract'
import type { ConversationRow } from '../../../shared/domain'
import type { Result } from '../../../shared/errors'
import { EventBus } from '../events'
import { defaultPolicy } from '../insight/sla-policy'
import type { IngestItem } from '../store/ingest'
import { item, testStore } from '../store/test-support'
import type { CoreContext } from './context'
import { dispatch } from './dispatch'
import { handlers } from './handlers'

const minute = 60_000
const NOW = Date.parse('2026-03-02T10:00:00Z')

/** Round the clock in UTC, so these tests read in plain minutes: first answer in 60, next in 30, soon 15 before. */
const policy: SlaPolicy = {
  ...defaultPolicy('UTC'),
  businessHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 })),
  firstReplyMinutes: 60,
  nextReplyMinutes: 30,
  dueSoonMinutes: 15,
}

function setup() {
  const store = testStore()
  const events = new EventBus()
  const ctx: CoreContext = {
    db: store.db,
    events,
    info: { version: 't', host: 'web', dataDir: '/tmp' },
    actor: 'Anna',
    background: null,
  }
  const call = <K extends CommandName>(name: K, arg: CommandArg<K>) =>
    dispatch(ctx, handlers, name, arg) as Promise<Result<CommandResult<K>>>
  const ok = async <K extends CommandName>(name: K, arg: CommandArg<K>): Promise<CommandResult<K>> => {
    const r = await call(name, arg)
    if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`)
    return r.value
  }
  return { ...store, call, ok }
}

type Setup = ReturnType<typeof setup>

/** A customer question `ago` minutes old on its own conversation; returns the conversation's external id. */
function ask(s: Setup, name: string, ago: number, overrides: Partial<IngestItem> = {}): string {
  const question = item({ customer: { externalId: name, displayName: name }, sentAt: NOW - ago * minute, ...overrides })
  s.ingest({ accountId: s.accounts.email, items: [question] })
  return question.conversation.externalId
}

const byContact = (rows: ConversationRow[]) => new Map(rows.map((r) => [r.contactName, r]))
const names = (rows: ConversationRow[]) => rows.map((r) => r.contactName)

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
})
afterEach(() => vi.useRealTimers())

/** Overdue (asked 90 min ago), due soon (50), fine (10), answered, and done. */
async function inbox() {
  const s = setup()
  await s.ok('policy:set', { workspaceId: s.workspaceId, policy })
  ask(s, 'Overdue Olga', 90)
  ask(s, 'Soon Sami', 50)
  ask(s, 'Fine Finn', 10)
  const answered = ask(s, 'Answered Anton', 200)
  s.ingest({
    accountId: s.accounts.email,
    items: [
      item({
        direction: 'out',
        conversation: { externalId: answered, visibility: 'private' },
        customer: { externalId: 'Answered Anton', displayName: 'Answered Anton' },
        sentAt: NOW - 100 * minute,
      }),
    ],
  })
  ask(s, 'Done Dora', 5)
  const dora = (await s.ok('inbox:list', { workspaceId: s.workspaceId })).items.find(
    (r) => r.contactName === 'Done Dora',
  )!
  await s.ok('conversation:setStatus', { conversationId: dora.id, status: 'done' })
  return s
}

describe('response-time policies', () => {
  it('has defaults until saved, and refuses an unknown time zone or backwards hours', async () => {
    const s = setup()
    expect(await s.ok('policy:get', { workspaceId: s.workspaceId })).toMatchObject({
      firstReplyMinutes: 180,
      reachAlertFollowers: 100_000,
    })
    expect(
      await s.call('policy:set', { workspaceId: s.workspaceId, policy: { ...policy, timeZone: 'Mars/Olympus' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    })
    const backwards = { ...policy, businessHours: [{ weekday: 1, startMinute: 600, endMinute: 540 }] }
    expect(await s.call('policy:set', { workspaceId: s.workspaceId, policy: backwards })).toMatchObject({ ok: false })
    const saved = await s.ok('policy:set', {
      workspaceId: s.workspaceId,
      policy: { ...policy, holidays: ['2026-12-25', '2026-12-25'] },
    })
    expect(saved.holidays).toEqual(['2026-12-25'])
    expect(await s.ok('policy:get', { workspaceId: s.workspaceId })).toEqual(saved)
    expect(s.db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'policy.set'`).pluck().get()).toBe(1)
  })
})

describe('clocks in the inbox', () => {
  it('says, per conversation, when the answer is due and how much business time is left', async () => {
    const s = await inbox()
    const rows = byContact((await s.ok('inbox:list', { workspaceId: s.workspaceId, filter: {} })).items)
    expect(rows.get('Overdue Olga')!.sla).toMatchObject({
      state: 'overdue',
      dueAt: NOW - 30 * minute,
      businessMsLeft: -30 * minute,
    })
    expect(rows.get('Soon Sami')!.sla).toMatchObject({ state: 'due-soon', businessMsLeft: 10 * minute, running: true })
    expect(rows.get('Fine Finn')!.sla).toMatchObject({ state: 'ok', businessMsLeft: 50 * minute })
    expect(rows.get('Answered Anton')!.sla.state).toBe('none')
    expect(rows.get('Done Dora')!.sla.state).toBe('none')
  })

  it('sorts by due time, running clocks first, and filters overdue and due soon', async () => {
    const s = await inbox()
    const list = (arg: Partial<CommandArg<'inbox:list'>>) =>
      s.ok('inbox:list', { workspaceId: s.workspaceId, ...arg }).then((p) => names(p.items))
    expect(await list({ sort: 'due', filter: {} })).toEqual([
      'Overdue Olga',
      'Soon Sami',
      'Fine Finn',
      'Done Dora',
      'Answered Anton',
    ])
    expect(await list({ filter: { sla: 'overdue' } })).toEqual(['Overdue Olga'])
    expect(await list({ sort: 'due', filter: { sla: 'due-soon' } })).toEqual(['Soon Sami'])
  })

  it('ranks a public post from someone with a large following first when sorted by priority', async () => {
    const s = await inbox()
    s.ingest({
      accountId: s.accounts.x,
      items: [
        item({
          conversation: { externalId: 'post', visibility: 'public' },
          customer: { externalId: 'lena', displayName: 'Lena Krüger', followers: 184_300 },
          sentAt: NOW - 20 * minute,
        }),
      ],
    })
    const page = await s.ok('inbox:list', { workspaceId: s.workspaceId, sort: 'priority', filter: { status: 'open' } })
    expect(names(page.items)).toEqual(['Lena Krüger', 'Overdue Olga', 'Soon Sami', 'Fine Finn', 'Answered Anton'])
  })

  it('pages through a sort by due time without gaps or repeats', async () => {
    const s = await inbox()
    for (let i = 0; i < 12; i++) ask(s, `Customer ${i}`, i % 4 === 0 ? 300 : (i * 7) % 55)
    const all = (
      await s.ok('inbox:list', { workspaceId: s.workspaceId, sort: 'due', filter: {}, limit: 500 })
    ).items.map((r) => r.id)
    const paged: number[] = []
    let after: string | undefined
    do {
      const page = await s.ok('inbox:list', {
        workspaceId: s.workspaceId,
        sort: 'due',
        filter: {},
        limit: 4,
        ...(after ? { after } : {}),
      })
      paged.push(...page.items.map((r) => r.id))
      after = page.next ?? undefined
    } while (after)
    expect(paged).toEqual(all)
    expect(new Set(paged).size).toBe(17)
  })

  it('follows the messages: an answer stops the clock, a new question starts the next-reply one', async () => {
    const s = await inbox()
    const olga = (await s.ok('inbox:list', { workspaceId: s.workspaceId })).items.find(
      (r) => r.contactName === 'Overdue Olga',
    )!
    const thread = {
      externalId: s.db.prepare('SELECT external_id FROM conversations WHERE id = ?').pluck().get(olga.id) as string,
      visibility: 'private' as const,
    }
    const customer = { externalId: 'Overdue Olga', displayName: 'Overdue Olga' }
    s.ingest({
      accountId: s.accounts.email,
      items: [item({ direction: 'out', conversation: thread, customer, sentAt: NOW - 2 * minute })],
    })
    expect((await s.ok('conversation:get', { conversationId: olga.id })).conversation.sla.state).toBe('none')
    s.ingest({ accountId: s.accounts.email, items: [item({ conversation: thread, customer, sentAt: NOW - minute })] })
    expect((await s.ok('conversation:get', { conversationId: olga.id })).conversation.sla).toMatchObject({
      state: 'ok',
      dueAt: NOW + 29 * minute,
    })
  })

  it('counts mail imported from last week as overdue at once', async () => {
    const s = await inbox()
    ask(s, 'Imported Ida', 7 * 24 * 60)
    const page = await s.ok('inbox:list', { workspaceId: s.workspaceId, filter: { sla: 'overdue' }, sort: 'due' })
    expect(names(page.items)).toEqual(['Imported Ida', 'Overdue Olga'])
  })

  it('recomputes every clock when the policy changes', async () => {
    const s = await inbox()
    await s.ok('policy:set', { workspaceId: s.workspaceId, policy: { ...policy, firstReplyMinutes: 120 } })
    const page = await s.ok('inbox:list', { workspaceId: s.workspaceId, filter: { sla: 'overdue' } })
    expect(page.items).toEqual([])
    expect(
      byContact((await s.ok('inbox:list', { workspaceId: s.workspaceId })).items).get('Overdue Olga')!.sla.dueAt,
    ).toBe(NOW + 30 * minute)
  })

  it('stops the clock while a conversation is done and restarts it when reopened', async () => {
    const s = await inbox()
    const finn = byContact((await s.ok('inbox:list', { workspaceId: s.workspaceId })).items).get('Fine Finn')!
    expect((await s.ok('conversation:setStatus', { conversationId: finn.id, status: 'done' })).sla.state).toBe('none')
    expect((await s.ok('conversation:setStatus', { conversationId: finn.id, status: 'open' })).sla).toMatchObject({
      state: 'ok',
      dueAt: finn.sla.dueAt,
    })
  })
})
