/** When a snooze ends, in the user's local time. Pure: every function takes "now". */

export type SnoozePreset = 'laterToday' | 'tomorrowMorning' | 'nextWeek'

const HOUR = 3_600_000
/** The hour a morning snooze ends: when a small shop opens its inbox. */
const MORNING_HOUR = 9

/** Three hours on, rounded up to the full hour; null in the evening, when that is already tomorrow. */
export function laterToday(now: Date): number | null {
  const d = new Date(now.getTime() + 3 * HOUR)
  if (d.getMinutes() > 0 || d.getSeconds() > 0 || d.getMilliseconds() > 0) d.setHours(d.getHours() + 1, 0, 0, 0)
  return d.getDate() === now.getDate() && d.getMonth() === now.getMonth() ? d.getTime() : null
}

/** 09:00 tomorrow: the usual "deal with it tomorrow". */
export function tomorrowMorning(now: Date): number {
  const d = new Date(now)
  d.setDate(d.getDate() + 1)
  d.setHours(MORNING_HOUR, 0, 0, 0)
  return d.getTime()
}

/** 09:00 next Monday (a week on, when today is Monday). */
export function nextWeek(now: Date): number {
  const d = new Date(now)
  const daysToMonday = (8 - d.getDay()) % 7 || 7
  d.setDate(d.getDate() + daysToMonday)
  d.setHours(MORNING_HOUR, 0, 0, 0)
  return d.getTime()
}

/** The presets that make sense at `now`, soonest first. */
export function snoozePresets(now: Date): { id: SnoozePreset; at: number }[] {
  const later = laterToday(now)
  return [
    ...(later === null ? [] : [{ id: 'laterToday' as const, at: later }]),
    { id: 'tomorrowMorning', at: tomorrowMorning(now) },
    { id: 'nextWeek', at: nextWeek(now) },
  ]
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** The value a datetime-local input shows for `ms`: "2026-11-23T09:00", local time. */
export function toLocalInputValue(ms: number): string {
  const d = new Date(ms)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** Reads a datetime-local value (local time, seconds optional); null when it is not one. */
export function fromLocalInputValue(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value)
  if (!m) return null
  const [year, month, day, hours, minutes, seconds] = m.slice(1).map((part) => Number(part ?? 0)) as number[]
  const d = new Date(year!, month! - 1, day!, hours!, minutes!, seconds!)
  // new Date rolls "31 February" over into March; such a value is no date at all.
  return d.getDate() === day && d.getMonth() === month! - 1 ? d.getTime() : null
}

/** Reads the date-time field: the time to snooze until, or what is wrong with the entry. */
export function checkSnoozeInput(
  value: string,
  now = Date.now(),
): { until: number; problem: null } | { until: null; problem: 'invalid' | 'inPast' } {
  const until = fromLocalInputValue(value)
  if (until === null) return { until: null, problem: 'invalid' }
  return until > now ? { until, problem: null } : { until: null, problem: 'inPast' }
}
