import type { EventBus } from '../events'
import type { Db } from '../store/db'
import { recordAuditForEach } from '../store/repos/audit'
import { nextSnoozeDue, wakeDueSnoozes, type WokenConversation } from '../store/repos/snooze'

/** The audit log's author for what Earshot does on its own. */
export const SYSTEM_ACTOR = 'Earshot'
/**
 * Look again at least this often: a timer does not run while the computer sleeps and ignores a
 * clock that is set, so a long wait could wake a conversation hours late.
 */
export const MAX_WAIT_MS = 60_000

export interface SnoozeWakerDeps {
  db: Db
  events: EventBus
  now?: () => number
}

export interface SnoozeWaker {
  stop(): void
}

function byWorkspace(woken: readonly WokenConversation[]): Map<number, number[]> {
  const groups = new Map<number, number[]>()
  for (const c of woken) groups.set(c.workspaceId, [...(groups.get(c.workspaceId) ?? []), c.id])
  return groups
}

/**
 * Brings snoozed conversations back to the inbox when their time comes. The due times live in the
 * database, not in timers: on start it reopens whatever came due while Earshot was closed, then sleeps
 * until the earliest snooze ends. Any change to conversations may have snoozed one sooner, so it
 * looks again after each (one index seek, see migration 0040).
 */
export function startSnoozeWaker({ db, events, now = Date.now }: SnoozeWakerDeps): SnoozeWaker {
  let timer: ReturnType<typeof setTimeout> | null = null
  let stopped = false

  const wake = (): void => {
    const woken = db.transaction(() => {
      const rows = wakeDueSnoozes(db, now())
      for (const [workspaceId, ids] of byWorkspace(rows)) {
        recordAuditForEach(
          db,
          { workspaceId, actor: SYSTEM_ACTOR, action: 'conversation.wake', targetType: 'conversation' },
          ids,
        )
      }
      return rows
    })()
    for (const [workspaceId, ids] of byWorkspace(woken)) {
      events.emit('db:changed', { tables: ['conversations'], workspaceId, ids })
    }
  }

  const schedule = (wait: number): void => {
    if (timer) clearTimeout(timer)
    timer = stopped ? null : setTimeout(tick, wait)
    timer?.unref()
  }

  const arm = (): void => {
    const due = nextSnoozeDue(db)
    if (due === null) {
      if (timer) clearTimeout(timer)
      timer = null
    } else schedule(Math.min(Math.max(due - now(), 0), MAX_WAIT_MS))
  }

  function tick(): void {
    try {
      wake()
      arm()
    } catch (error) {
      // A busy or closing database must not end the waker: it tries again a little later.
      console.error('earshot: waking snoozed conversations failed', error)
      schedule(MAX_WAIT_MS)
    }
  }

  const unsubscribe = events.on('db:changed', (event) => {
    if (event.tables.includes('conversations')) arm()
  })
  tick()
  return {
    stop() {
      stopped = true
      unsubscribe()
      if (timer) clearTimeout(timer)
      timer = null
    },
  }
}
