import { CHANNELS, type Channel } from '../../../../shared/domain'
import type { ReportRange } from '../../../../shared/commands/reports'
import type { Db } from '../../store/db'
import { getPolicy } from '../../store/repos/policies'
import { policyClock, type PolicyClock } from '../sla-policy'
import { resolveRange, dayOfHour, type LocalDay } from './range'
import { unfoldedHours, type HourRow } from './rollup'

/** What every figure of one report shares, read once. */
export interface ReportScope {
  workspaceId: number
  range: ReportRange
  days: LocalDay[]
  /** The workspace's channels (those it has accounts on), in the app's channel order. */
  channels: Channel[]
  channelOfAccount: ReadonlyMap<number, Channel>
  /** Messages the rollup does not hold yet, by day (index into `days`). */
  unfoldedByDay: HourRow[][]
  /** The policy now: first-reply waits of conversations whose clock has not settled yet are worked out with it. */
  clock: PolicyClock
}

export function reportScope(
  db: Db,
  workspaceId: number,
  given: { from?: string; to?: string },
  now: number,
): ReportScope {
  const policy = getPolicy(db, workspaceId)
  const { range, days } = resolveRange(policy.timeZone, given, now)
  const accounts = db.prepare('SELECT id, channel FROM accounts WHERE workspace_id = ?').all(workspaceId) as {
    id: number
    channel: Channel
  }[]
  const present = new Set(accounts.map((a) => a.channel))
  const unfoldedByDay = days.map((): HourRow[] => [])
  for (const row of unfoldedHours(db, workspaceId)) unfoldedByDay[dayOfHour(days, row.hour)]?.push(row)
  return {
    workspaceId,
    range,
    days,
    channels: CHANNELS.filter((c) => present.has(c)),
    channelOfAccount: new Map(accounts.map((a) => [a.id, a.channel])),
    unfoldedByDay,
    clock: policyClock(policy),
  }
}

/** Bound parameters for one day's rolled-up hours. */
export const dayParams = (scope: ReportScope, day: LocalDay) => ({
  workspaceId: scope.workspaceId,
  firstHour: day.firstHour,
  endHour: day.endHour,
})

/** Bound parameters for the conversations a customer began in the range. */
export const rangeParams = (scope: ReportScope) => ({
  workspaceId: scope.workspaceId,
  fromMs: scope.range.fromMs,
  toMs: scope.range.toMs,
})
