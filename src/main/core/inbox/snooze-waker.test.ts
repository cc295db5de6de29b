import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EventMap } from '../../../shared/contract'
import { EventBus } from '../events'
import { getConversationRow, setStatus } from '../store/repos/conversations'
import { item, testStore } from '../store/test-support'
import { MAX_WAIT_MS, startSnoozeWaker, SYSTEM_ACTOR, type SnoozeWaker } from './snooze-waker'

const minute = 60_000
const hour = 60 * minute

function setup(conversations = 2) {
  const store = testStore()
  store.ingest({ accountId: store.accounts.email, items: Array.from({ length: conversations }, () => item()) })
  const ids = store.db.prepare('SELECT id FROM conversations ORDER BY id').pluck().all() as number[]
  const events = new EventBus()
  const seen: EventMap['db:changed'][] = []
  events.on('db:changed', (e) => seen.push(e))
  const status = (id: number) => getConversationRow(store.db, id).status
  /** What a user's snooze does: the row changes, then every host hears of it. */
  const snooze = (id: number, until: number) => {
    setStatus(store.db, id, 'snoozed', until)
    events.emit('db:changed', { tables: ['conversations'], workspaceId: store.workspaceId, ids: [id] })
  }
  return { ...store, ids, events, seen, status, snooze }
}

describe('the snooze waker', () => {
  let waker: SnoozeWaker | null = null
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 1_800_000_000_000 })
  })
  afterEach(() => {
    waker?.stop()
    waker = null
    vi.useRealTimers()
  })

  it('reopens a conversation when its snooze ends, not before, and announces it', () => {
    const { db, events, seen, ids, status, snooze, workspaceId } = setup()
    waker = startSnoozeWaker({ db, events })
    snooze(ids[0]!, Date.now() + 2 * hour)
    seen.length = 0

    vi.advanceTimersByTime(2 * hour - 1)
    expect(status(ids[0]!)).toBe('snoozed')
    expect(seen).toEqual([])

    vi.advanceTimersByTime(1)
    expect(getConversationRow(db, ids[0]!)).toMatchObject({ status: 'open', snoozedUntil: null })
    expect(seen).toEqual([{ tables: ['conversations'], workspaceId, ids: [ids[0]] }])
    expect(db.prepare('SELECT actor, action, target_id FROM audit_log').all()).toEqual([
      { actor: SYSTEM_ACTOR, action: 'conversation.wake', target_id: ids[0] },
    ])
  })

  it('reopens at start what came due while Earshot was not running', () => {
    const { db, events, seen, ids, status } = setup(3)
    setStatus(db, ids[0]!, 'snoozed', Date.now() - hour)
    setStatus(db, ids[1]!, 'snoozed', Date.now() - minute)
    setStatus(db, ids[2]!, 'snoozed', Date.now() + hour)

    waker = startSnoozeWaker({ db, events })
    expect(ids.map(status)).toEqual(['open', 'open', 'snoozed'])
    expect(seen.map((e) => e.ids)).toEqual([[ids[0], ids[1]]])
    vi.advanceTimersByTime(hour)
    expect(status(ids[2]!)).toBe('open')
  })

  it('follows a snooze set after it started that ends sooner than the one it waits for', () => {
    const { db, events, ids, status, snooze } = setup()
    snooze(ids[0]!, Date.now() + 5 * hour)
    waker = startSnoozeWaker({ db, events })
    snooze(ids[1]!, Date.now() + 10 * minute)

    vi.advanceTimersByTime(10 * minute)
    expect(ids.map(status)).toEqual(['snoozed', 'open'])
    vi.advanceTimersByTime(5 * hour)
    expect(ids.map(status)).toEqual(['open', 'open'])
  })

  it('looks at least once a minute, so a clock set forward is noticed', () => {
    const { db, events, ids, status, snooze } = setup(1)
    waker = startSnoozeWaker({ db, events })
    snooze(ids[0]!, Date.now() + 3 * hour)
    // The wall clock jumps (a laptop wakes up) without the pending timer running.
    vi.setSystemTime(Date.now() + 3 * hour)
    expect(status(ids[0]!)).toBe('snoozed')
    vi.advanceTimersByTime(MAX_WAIT_MS)
    expect(status(ids[0]!)).toBe('open')
  })

  it('wakes nothing once stopped', () => {
    const { db, events, ids, status, snooze } = setup(1)
    waker = startSnoozeWaker({ db, events })
    snooze(ids[0]!, Date.now() + hour)
    waker.stop()
    vi.advanceTimersByTime(2 * hour)
    expect(status(ids[0]!)).toBe('snoozed')
  })
})
