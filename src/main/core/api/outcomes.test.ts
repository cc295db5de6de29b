import { describe, expect, it } from 'vitest'
import type { CommandArg, CommandName, CommandResult, EventMap } from '../../../shared/contract'
import type { Result } from '../../../shared/errors'
import { EventBus } from '../events'
import { WEEK, reportFixture } from '../insight/reports/test-fixture'
import type { CoreContext } from './context'
import { dispatch } from './dispatch'
import { handlers } from './handlers'

function setup() {
  const fixture = reportFixture()
  const events = new EventBus()
  const changes: EventMap['db:changed'][] = []
  events.on('db:changed', (e) => changes.push(e))
  const ctx: CoreContext = {
    db: fixture.db,
    events,
    info: { version: 't', host: 'web', dataDir: '/tmp' },
    actor: 'Jonas',
    background: null,
  }
  const call = <K extends CommandName>(name: K, arg: CommandArg<K>) =>
    dispatch(ctx, handlers, name, arg) as Promise<Result<CommandResult<K>>>
  const ok = async <K extends CommandName>(name: K, arg: CommandArg<K>): Promise<CommandResult<K>> => {
    const r = await call(name, arg)
    if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`)
    return r.value
  }
  const audit = () =>
    fixture.db
      .prepare(
        `SELECT actor, action, target_id AS targetId, detail FROM audit_log WHERE action = 'conversation.outcome' ORDER BY id`,
      )
      .all()
  return { ...fixture, call, ok, changes, audit }
}

describe('outcome commands', () => {
  it('derives the outcome from the messages until someone sets it', async () => {
    const s = setup()
    expect(await s.ok('outcome:get', { conversationId: s.conversation('A') })).toEqual({
      conversationId: s.conversation('A'),
      outcome: { kind: 'answered' },
      derived: true,
      setAt: null,
      setBy: null,
      productFeedback: false,
    })
    expect((await s.ok('outcome:get', { conversationId: s.conversation('H') })).outcome).toEqual({ kind: 'unanswered' })
  })

  it('sets an outcome with its audit entry and announcement, and goes back to the derived one', async () => {
    const s = setup()
    const conversationId = s.conversation('H')
    const set = await s.ok('outcome:set', { conversationId, outcome: { kind: 'redirected', to: 'email' } })
    expect(set).toMatchObject({ outcome: { kind: 'redirected', to: 'email' }, derived: false, setBy: 'Jonas' })
    expect(s.changes.at(-1)).toEqual({ tables: ['conversations'], workspaceId: s.workspaceId, ids: [conversationId] })
    const back = await s.ok('outcome:set', { conversationId, outcome: null })
    expect(back).toMatchObject({ outcome: { kind: 'unanswered' }, derived: true, setAt: null })
    expect(s.audit()).toEqual([
      { actor: 'Jonas', action: 'conversation.outcome', targetId: conversationId, detail: 'redirected:email' },
      { actor: 'Jonas', action: 'conversation.outcome', targetId: conversationId, detail: 'derived' },
    ])
  })

  it('shows product feedback from either tag name', async () => {
    const s = setup()
    expect((await s.ok('outcome:get', { conversationId: s.conversation('F') })).productFeedback).toBe(true)
    await s.ok('conversation:tag', { conversationId: s.conversation('A'), tag: 'product feedback', on: true })
    expect((await s.ok('outcome:get', { conversationId: s.conversation('A') })).productFeedback).toBe(true)
  })

  it('refuses a redirect without a target and an unknown conversation', async () => {
    const s = setup()
    const bad = await s.call('outcome:set', {
      conversationId: s.conversation('A'),
      outcome: { kind: 'redirected' } as never,
    })
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID' } })
    expect(await s.call('outcome:get', { conversationId: 999_999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await s.call('outcome:set', { conversationId: 999_999, outcome: null })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(s.audit()).toEqual([])
  })
})

describe('report:get', () => {
  it('counts an outcome set through the command in the report', async () => {
    const s = setup()
    await s.ok('outcome:set', { conversationId: s.conversation('H'), outcome: { kind: 'redirected', to: 'other' } })
    const report = await s.ok('report:get', { workspaceId: s.workspaceId, ...WEEK })
    expect(report.outcomes.find((o) => o.channel === 'x')).toMatchObject({ redirectedOther: 1, unanswered: 0 })
  })

  it('folds new messages into the rollup before it reads', async () => {
    const s = setup()
    await s.ok('report:get', { workspaceId: s.workspaceId, ...WEEK })
    const newest = s.db.prepare('SELECT max(id) FROM messages').pluck().get()
    expect(s.db.prepare('SELECT through_message_id FROM report_rollup').pluck().get()).toBe(newest)
  })

  it('refuses a range that ends before it starts, and an unknown workspace', async () => {
    const s = setup()
    expect(
      await s.call('report:get', { workspaceId: s.workspaceId, from: '2026-03-09', to: '2026-03-02' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    })
    expect(await s.call('report:get', { workspaceId: s.workspaceId, from: '2026-02-30' })).toMatchObject({ ok: false })
    expect(await s.call('report:get', { workspaceId: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
