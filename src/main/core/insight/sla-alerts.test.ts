import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SlaPolicy } from '../../../shared/commands/policy'
import type { Alert } from '../../../shared/domain'
import { EventBus } from '../events'
import { openDatabase } from '../store/db'
import { createIngestor, type IngestItem } from '../store/ingest'
import { createAccount } from '../store/repos/accounts'
import { savePolicy } from '../store/repos/policies'
import { createWorkspace } from '../store/repos/workspaces'
import { item } from '../store/test-support'
import { settleAllClocks } from './clocks'
import { raiseAlerts, startSlaTicker } from './sla-alerts'
import { defaultPolicy } from './sla-policy'

const minute = 60_000
const T = Date.parse('2026-03-02T10:00:00Z')
/** Round the clock in UTC: answers due 10 minutes after a question, soon from 5 minutes after. */
const policy: SlaPolicy = {
  ...defaultPolicy('UTC'),
  businessHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 })),
  firstReplyMinutes: 10,
  nextReplyMinutes: 10,
  dueSoonMinutes: 5,
}

function store(file = ':memory:') {
  const db = openDatabase(file)
  const workspaceId = createWorkspace(db, { name: 'Shop', now: T })
  savePolicy(db, workspaceId, policy)
  const email = createAccount(db, { workspaceId, channel: 'email', handle: 'shop@example.de', displayName: 'Shop' })
  const x = createAccount(db, { workspaceId, channel: 'x', handle: 'shop', displayName: 'Shop' })
  const ingest = createIngestor(db)
  const add = (accountId: number, overrides: Partial<IngestItem>) => {
    ingest({ accountId, items: [item(overrides)] })
    settleAllClocks(db)
  }
  return { db, workspaceId, email, x, add }
}

const kinds = (alerts: Alert[]) => alerts.map((a) => a.kind)
const anna = { externalId: 'anna@example.de', displayName: 'Anna Schmidt' }
const lena = { externalId: '42', displayName: 'Lena Krüger', followers: 184_300 }

describe('due-soon and overdue alerts', () => {
  it('announces each crossing once: due soon, then overdue', () => {
    const s = store()
    s.add(s.email, { customer: anna, sentAt: T })
    expect(raiseAlerts(s.db, T + minute)).toEqual([])
    const soon = raiseAlerts(s.db, T + 6 * minute)
    expect(soon).toEqual([
      {
        kind: 'due-soon',
        workspaceId: s.workspaceId,
        conversationIds: [expect.any(Number)],
        detail: { count: 1, contact: 'Anna Schmidt' },
        raisedAt: T + 6 * minute,
      },
    ])
    expect(raiseAlerts(s.db, T + 7 * minute)).toEqual([])
    expect(kinds(raiseAlerts(s.db, T + 11 * minute))).toEqual(['overdue'])
    expect(raiseAlerts(s.db, T + 60 * minute)).toEqual([])
  })

  it('announces a new crossing after an answer and a new question, and nothing for the answered one', () => {
    const s = store()
    const thread = { externalId: 'thread', visibility: 'private' as const }
    s.add(s.email, { conversation: thread, customer: anna, sentAt: T })
    expect(kinds(raiseAlerts(s.db, T + 11 * minute))).toEqual(['overdue'])
    s.add(s.email, { conversation: thread, customer: anna, direction: 'out', sentAt: T + 12 * minute })
    expect(raiseAlerts(s.db, T + 30 * minute)).toEqual([])
    s.add(s.email, { conversation: thread, customer: anna, sentAt: T + 40 * minute })
    expect(kinds(raiseAlerts(s.db, T + 51 * minute))).toEqual(['overdue'])
  })

  it('groups what crossed together into one alert per workspace and kind, most urgent first', () => {
    const s = store()
    s.add(s.email, { customer: anna, sentAt: T })
    s.add(s.x, { customer: lena, conversation: { externalId: 'p', visibility: 'public' }, sentAt: T + minute })
    raiseAlerts(s.db, T + minute)
    const [overdue] = raiseAlerts(s.db, T + 20 * minute)
    expect(overdue).toMatchObject({ kind: 'overdue', detail: { count: 2, contact: 'Lena Krüger' } })
    expect(overdue!.conversationIds).toHaveLength(2)
  })

  it('records, without announcing, crossings that are history by the time they are seen (old mail imported)', () => {
    const s = store()
    s.add(s.email, { customer: anna, sentAt: T - 3 * 24 * 60 * minute })
    expect(raiseAlerts(s.db, T)).toEqual([])
    expect(s.db.prepare('SELECT sla_overdue_alerted_for = sla_due_at FROM conversations').pluck().get()).toBe(1)
  })

  it('repeats nothing after a restart', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-sla-')), 'earshot.db')
    const s = store(file)
    s.add(s.email, { customer: anna, sentAt: T })
    expect(kinds(raiseAlerts(s.db, T + 11 * minute))).toEqual(['overdue'])
    s.db.close()
    const reopened = openDatabase(file)
    expect(raiseAlerts(reopened, T + 12 * minute)).toEqual([])
    reopened.close()
  })
})

describe('reach alerts', () => {
  const post = (externalId: string) => ({ externalId, visibility: 'public' as const })

  it('announces a public post from a large following at once, and only once', () => {
    const s = store()
    s.add(s.x, { customer: lena, conversation: post('p1'), sentAt: T })
    expect(raiseAlerts(s.db, T)).toEqual([
      {
        kind: 'reach',
        workspaceId: s.workspaceId,
        conversationIds: [expect.any(Number)],
        detail: { count: 1, contact: 'Lena Krüger', reach: 184_300 },
        raisedAt: T,
      },
    ])
    expect(raiseAlerts(s.db, T)).toEqual([])
  })

  it('stays quiet for private messages, small followings and old posts', () => {
    const s = store()
    s.add(s.x, { customer: lena, conversation: { externalId: 'dm', visibility: 'private' }, sentAt: T })
    s.add(s.x, {
      customer: { externalId: '7', displayName: 'Tom', followers: 900 },
      conversation: post('p2'),
      sentAt: T,
    })
    s.add(s.x, { customer: lena, conversation: post('p3'), sentAt: T - 2 * 24 * 60 * minute })
    expect(raiseAlerts(s.db, T)).toEqual([])
  })

  it('follows the threshold in the policy', () => {
    const s = store()
    savePolicy(s.db, s.workspaceId, { ...policy, reachAlertFollowers: 500 })
    s.add(s.x, {
      customer: { externalId: '7', displayName: 'Tom', followers: 900 },
      conversation: post('p4'),
      sentAt: T,
    })
    expect(kinds(raiseAlerts(s.db, T))).toEqual(['reach'])
  })
})

describe('the ticker', () => {
  afterEach(() => vi.useRealTimers())

  it('wakes when a clock crosses while the app is open, and on new messages at once', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] })
    vi.setSystemTime(T)
    const s = store()
    const events = new EventBus()
    const raised: Alert[] = []
    events.on('alert:raised', (a) => raised.push(a))
    const ticker = startSlaTicker({ db: s.db, events })
    s.add(s.x, { customer: lena, conversation: { externalId: 'p', visibility: 'public' }, sentAt: T })
    events.emit('db:changed', { tables: ['messages'], workspaceId: s.workspaceId })
    await vi.advanceTimersByTimeAsync(200)
    expect(kinds(raised)).toEqual(['reach'])
    await vi.advanceTimersByTimeAsync(6 * minute)
    expect(kinds(raised)).toEqual(['reach', 'due-soon'])
    await vi.advanceTimersByTimeAsync(5 * minute)
    expect(kinds(raised)).toEqual(['reach', 'due-soon', 'overdue'])
    ticker.stop()
  })
})
