import type { SlaClock, SlaState } from '../../../../shared/domain'
import { formatUnit } from '../../components/format'

export interface LiveClock {
  state: SlaState
  /** Business time left now (negative: overdue by); null when no clock runs. */
  leftMs: number | null
}

/**
 * A clock as it stands at `now`, from what the core said at `asOf`: the state follows from the due
 * instants alone; business time only passes while the clock was running, and at most until the next
 * opening or closing (after that the core is asked again, see useClockRefresh).
 */
export function liveClock(clock: SlaClock, now: number): LiveClock {
  if (clock.dueAt === null || clock.businessMsLeft === null) return { state: 'none', leftMs: null }
  const at = Math.max(now, clock.asOf)
  const state: SlaState =
    at >= clock.dueAt ? 'overdue' : clock.dueSoonAt !== null && at >= clock.dueSoonAt ? 'due-soon' : 'ok'
  const countedUntil = clock.steadyUntil === null ? at : Math.min(at, clock.steadyUntil)
  return { state, leftMs: clock.businessMsLeft - (clock.running ? countedUntil - clock.asOf : 0) }
}

/** When the clocks shown need the core again: the earliest opening among paused clocks, or null. */
export function nextOpening(clocks: readonly SlaClock[], now: number): number | null {
  const openings = clocks
    .filter((c) => c.dueAt !== null && !c.running && c.steadyUntil !== null && c.steadyUntil > now)
    .map((c) => c.steadyUntil!)
  return openings.length > 0 ? Math.min(...openings) : null
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** "2 d 3 h", "3 hr 20 min", "45 min": the two largest units, minutes rounded up so "0 min" never shows for time left. */
export function formatBusinessDuration(lang: string, ms: number): string {
  const minutes = Math.max(1, Math.ceil(Math.abs(ms) / MINUTE))
  const days = Math.floor(minutes / (DAY / MINUTE))
  const hours = Math.floor((minutes % (DAY / MINUTE)) / (HOUR / MINUTE))
  const rest = minutes % (HOUR / MINUTE)
  const unit = (value: number, u: 'day' | 'hour' | 'minute') => formatUnit(lang, value, u)
  if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day')
  if (hours > 0) return rest > 0 ? `${unit(hours, 'hour')} ${unit(rest, 'minute')}` : unit(hours, 'hour')
  return unit(rest, 'minute')
}
