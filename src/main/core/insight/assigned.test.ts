import { describe, expect, it } from 'vitest'
import type { Alert } from '../../../shared/domain'
import { handlers } from '../api/handlers'
import type { CoreContext } from '../api/context'
import { dispatch } from '../api/dispatch'
import { EventBus } from '../events'
import { item, testStore } from '../store/test-support'
import { ASSIGNED_BY_OTHERS_SQL, FRESH_MS, NEW_MESSAGES_ON_MINE_SQL, watchAssignedWork } from './assigned'

const NOW = 1_800_000_000_000
const AGENT = 'me'

function setup() {
  const store = testStore()
  const events = new EventBus()
  const contextOf = (actor: string): CoreContext => ({
    db: store.db,
    events,
    info: { version: 't', host: 'web', dataDir: '/tmp' },
    actor,
    background: null,
  })
  const assign = async (actor: string, conversationId: number, assignee: string | null) => {
    const result = await dispatch(contextOf(actor), handlers, 'conversation:assign', { conversationId, assignee })
    if (!result.ok) throw new Error(result.error.message)
  }
  /** A new conversation from a customer, as sync would bring it; returns its id. */
  const conversation = (externalId: string, customer = 'Anna Schmidt') => {
    store.ingest({
      accountId: store.accounts.x,
      items: [
        item({
          conversation: { externalId, visibility: 'public' },
          customer: { externalId: customer, displayName: customer },
          sentAt: NOW - 60_000,
        }),
      ],
    })
    return store.db.prepare('SELECT id FROM conversations WHERE external_id = ?').pluck().get(externalId) as number
  }
  const message = (externalId: string, overrides: Partial<Parameters<typeof item>[0]> = {}) =>
    store.ingest({
      accountId: store.accounts.x,
      items: [item({ conversation: { externalId, visibility: 'public' }, sentAt: NOW - 1_000, ...overrides })],
    })
  const watch = () => watchAssignedWork({ db: store.db, events, agent: () => AGENT, now: () => NOW })
  return { ...store, events, assign, conversation, message, watch }
}

describe('the assigned-work alert', () => {
  it('tells me when someone else assigns me a conversation, not when I take it myself', async () => {
    const s = setup()
    const mine = s.conversation('c-1')
    const taken = s.conversation('c-2', 'Ben Weber')
    const watch = s.watch()
    expect(watch.check()).toEqual([])

    await s.assign('Anna', mine, AGENT)
    await s.assign(AGENT, taken, AGENT)
    expect(watch.check()).toEqual<Alert[]>([
      {
        kind: 'assigned',
        workspaceId: s.workspaceId,
        conversationIds: [mine],
        detail: { reason: 'assigned', by: 'Anna', count: 1, contact: 'Anna Schmidt' },
        raisedAt: NOW,
      },
    ])
    expect(watch.check()).toEqual([])
    watch.stop()
  })

  it('leaves out an assignment that was taken back before it was read', async () => {
    const s = setup()
    const id = s.conversation('c-1')
    const watch = s.watch()
    watch.check()
    await s.assign('Anna', id, AGENT)
    await s.assign('Anna', id, 'Jonas')
    expect(watch.check()).toEqual([])
    watch.stop()
  })

  it('tells me of a new incoming message on my conversation, once, and not of replies or of others’ work', async () => {
    const s = setup()
    const mine = s.conversation('c-1')
    const jonas = s.conversation('c-2', 'Ben Weber')
    await s.assign(AGENT, mine, AGENT)
    await s.assign(AGENT, jonas, 'Jonas')
    const watch = s.watch()
    watch.check()

    s.message('c-1', { direction: 'out' })
    s.message('c-2')
    expect(watch.check()).toEqual([])
    s.message('c-1')
    s.message('c-1')
    const [alert, ...rest] = watch.check()
    expect(rest).toEqual([])
    expect(alert).toMatchObject({
      kind: 'assigned',
      conversationIds: [mine],
      detail: { reason: 'message', count: 1, contact: 'Anna Schmidt' },
    })
    expect(watch.check()).toEqual([])
    watch.stop()
  })

  it('treats old mail arriving now (an import) as history, not new work', async () => {
    const s = setup()
    const mine = s.conversation('c-1')
    await s.assign(AGENT, mine, AGENT)
    const watch = s.watch()
    watch.check()
    s.message('c-1', { sentAt: NOW - FRESH_MS - 1 })
    expect(watch.check()).toEqual([])
    watch.stop()
  })

  it('remembers what it read across a restart, and reports what arrived while it was stopped', async () => {
    const s = setup()
    const mine = s.conversation('c-1')
    await s.assign(AGENT, mine, AGENT)
    const first = s.watch()
    first.check()
    s.message('c-1')
    expect(first.check()).toHaveLength(1)
    first.stop()

    const restarted = s.watch()
    expect(restarted.check()).toEqual([])
    restarted.stop()
    s.message('c-1')
    const again = s.watch()
    expect(again.check()).toMatchObject([{ conversationIds: [mine] }])
    again.stop()
  })

  it('calls nobody to an archived workspace, also not after it is restored', async () => {
    const s = setup()
    const mine = s.conversation('c-1')
    await s.assign(AGENT, mine, AGENT)
    const watch = s.watch()
    watch.check()
    s.db.prepare('UPDATE workspaces SET archived_at = 1 WHERE id = ?').run(s.workspaceId)
    s.message('c-1')
    expect(watch.check()).toEqual([])
    s.db.prepare('UPDATE workspaces SET archived_at = NULL WHERE id = ?').run(s.workspaceId)
    expect(watch.check()).toEqual([])
    watch.stop()
  })

  it('reads on its own when the core reports new messages, and raises the alert as an event', async () => {
    const s = setup()
    const mine = s.conversation('c-1')
    await s.assign(AGENT, mine, AGENT)
    const watch = watchAssignedWork({ db: s.db, events: s.events, agent: () => AGENT, now: () => NOW, coalesceMs: 0 })
    watch.check()
    const raised = new Promise<Alert>((resolve) => s.events.on('alert:raised', resolve))
    s.message('c-1')
    s.events.emit('db:changed', { tables: ['messages', 'conversations'], workspaceId: s.workspaceId, ids: [mine] })
    await expect(raised).resolves.toMatchObject({ kind: 'assigned', conversationIds: [mine] })
    watch.stop()
  })

  it('reads the audit log by its rowid range, not the whole log of the workspace', () => {
    const s = setup()
    const plan = s.db.prepare(`EXPLAIN QUERY PLAN ${ASSIGNED_BY_OTHERS_SQL}`).all(1, 9, 1, AGENT, AGENT, AGENT) as {
      detail: string
    }[]
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(
      /SEARCH a USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/,
    )
  })

  it('reads new messages by their rowid range, not every conversation of the workspace', () => {
    const s = setup()
    const plan = s.db.prepare(`EXPLAIN QUERY PLAN ${NEW_MESSAGES_ON_MINE_SQL}`).all(1, 9, 0, AGENT, 1) as {
      detail: string
    }[]
    const steps = plan.map((p) => p.detail)
    expect(steps.find((step) => step.startsWith('SEARCH'))).toMatch(
      /SEARCH m USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/,
    )
  })
})
