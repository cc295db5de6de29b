import type { Channel, SlaClock } from '../../../shared/domain'
import type { Db } from '../store/db'
import { clockWriter, dirtyClocks } from '../store/repos/clocks'
import { getPolicy } from '../store/repos/policies'
import { priorityAnchor } from './priority'
import { firstReplyTime } from './reports/first-reply-time'
import { clockAt, dueFor, policyClock, type PolicyClock } from './sla-policy'
import { nextTurn } from '../next-turn'

/** Clocks settled per transaction: a backlog holds the writer and the host for a few ms at a time (bench/sla). */
export const SETTLE_CHUNK = 500

/** The policy clock of each workspace a query touches, read once per query. */
function policyClocks(db: Db): (workspaceId: number) => PolicyClock {
  const byWorkspace = new Map<number, PolicyClock>()
  return (workspaceId) => {
    let clock = byWorkspace.get(workspaceId)
    if (!clock) {
      clock = policyClock(getPolicy(db, workspaceId))
      byWorkspace.set(workspaceId, clock)
    }
    return clock
  }
}

/**
 * Recomputes up to `limit` marked clocks (of one workspace, or all) in one transaction and returns
 * how many it settled. Clocks follow from stored message times and the policy alone, so settling
 * after a restart or an import of old mail gives the same answer as settling at once.
 */
export function settleClocks(db: Db, options: { limit?: number; workspaceId?: number } = {}): number {
  return db.transaction(() => {
    const rows = dirtyClocks(db, options.limit ?? SETTLE_CHUNK, options.workspaceId ?? null)
    const clockOf = policyClocks(db)
    const write = clockWriter(db)
    for (const row of rows) {
      const waitingSince = row.open ? row.awaitingSince : null
      const due =
        waitingSince === null ? null : dueFor(clockOf(row.workspaceId), { ...row, awaitingSince: waitingSince })
      const priorityAt = priorityAnchor({
        waitingSince,
        reach: row.reach ?? 0,
        sentiment: row.sentiment,
        visibility: row.visibility,
        vip: row.vip === 1,
      })
      // Reports read the first-reply wait as it stands now, under the policy of this moment.
      const firstReply = firstReplyTime(clockOf(row.workspaceId), row.channel, row.firstCustomerMessageAt, row.firstReplyAt)
      write({
        id: row.id,
        dueAt: due?.dueAt ?? null,
        dueSoonAt: due?.dueSoonAt ?? null,
        priorityAt,
        firstReplyBusinessMs: firstReply?.businessMs ?? null,
        firstReplyTargetMs: firstReply?.targetMs ?? null,
      })
    }
    return rows.length
  })()
}

/** Settles every marked clock now (a handful after a sync batch; a bounded number before a read). */
export function settleAllClocks(db: Db, options: { workspaceId?: number; max?: number } = {}): number {
  let settled = 0
  const max = options.max ?? Number.POSITIVE_INFINITY
  for (;;) {
    const n = settleClocks(db, { ...options, limit: Math.min(SETTLE_CHUNK, max - settled) })
    settled += n
    if (n < SETTLE_CHUNK || settled >= max) return settled
  }
}

/** Settles a large backlog (a policy change, the first start after an upgrade) chunk by chunk, yielding between. */
export async function settleClocksInSteps(db: Db, options: { workspaceId?: number } = {}): Promise<number> {
  let settled = 0
  for (;;) {
    const n = settleClocks(db, options)
    settled += n
    if (n < SETTLE_CHUNK) return settled
    await nextTurn()
  }
}

/** Reads stored clocks as they stand at `now`, for the rows of one query. */
export function clockReader(db: Db, now: number = Date.now()) {
  const clockOf = policyClocks(db)
  return (workspaceId: number, channel: Channel, dueAt: number | null, dueSoonAt: number | null): SlaClock =>
    clockAt(clockOf(workspaceId), channel, dueAt === null ? null : { dueAt, dueSoonAt: dueSoonAt ?? dueAt }, now)
}

/** Clocks a read settles itself at most; a larger backlog is the ticker's, settled in steps. */
const READ_SETTLE_MAX = 10 * SETTLE_CHUNK

/**
 * Before showing conversations: settle what changed since the ticker last ran (an import on its own
 * thread, a change in this same call), so a row never shows a clock from before its newest message.
 */
export function settleBeforeRead(db: Db, workspaceId?: number): void {
  if (!db.readonly) settleAllClocks(db, { max: READ_SETTLE_MAX, ...(workspaceId === undefined ? {} : { workspaceId }) })
}
