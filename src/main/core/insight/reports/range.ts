import { DEFAULT_REPORT_DAYS, MAX_REPORT_DAYS, type ReportRange } from '../../../../shared/commands/reports'
import { EarshotError } from '../../../../shared/errors'
import { DAY_MS, HOUR_MS, isoDateOf, localToInstant, weekdayOf, zoneOffsetMs } from '../zone'

/** One local day of a report: [startMs, endMs), 23 or 25 hours on the days the clocks change. */
export interface LocalDay {
  date: string
  weekday: number
  startMs: number
  endMs: number
  /**
   * The rolled-up UTC hours that count to this day: those beginning in it. In zones a whole number
   * of hours from UTC that is exact; in the few a half or quarter hour off (India, Nepal) a day's
   * first minutes count to the day before.
   */
  firstHour: number
  endHour: number
}

export interface ReportDays {
  range: ReportRange
  days: LocalDay[]
}

const dayNumberOf = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS

/** Today's local date in `timeZone`. */
export const localToday = (timeZone: string, now: number): string =>
  isoDateOf(Math.floor((now + zoneOffsetMs(timeZone, now)) / DAY_MS))

/**
 * The days a report covers: both given, one given (the other is 30 days away, or today), or neither
 * (the last 30 days, today included).
 */
export function resolveRange(timeZone: string, given: { from?: string; to?: string }, now: number): ReportDays {
  const today = dayNumberOf(localToday(timeZone, now))
  const last =
    given.to !== undefined
      ? dayNumberOf(given.to)
      : given.from !== undefined
        ? Math.max(today, dayNumberOf(given.from))
        : today
  const first = given.from !== undefined ? dayNumberOf(given.from) : last - (DEFAULT_REPORT_DAYS - 1)
  if (first > last) throw new EarshotError('INVALID', 'The first day of a report must not come after the last.')
  if (last - first + 1 > MAX_REPORT_DAYS)
    throw new EarshotError('INVALID', `A report covers at most ${MAX_REPORT_DAYS} days.`)
  const days = localDays(timeZone, first, last)
  return {
    range: {
      from: isoDateOf(first),
      to: isoDateOf(last),
      timeZone,
      fromMs: days[0]!.startMs,
      toMs: days.at(-1)!.endMs,
    },
    days,
  }
}

/**
 * Local midnights from `first` to the one after `last`. Most days are 24 hours long, so one offset
 * lookup confirms the guess; only the days the clocks change are worked out in full.
 */
function localDays(timeZone: string, first: number, last: number): LocalDay[] {
  const midnights = [localToInstant(timeZone, first, 0)]
  let offset = zoneOffsetMs(timeZone, midnights[0]!)
  for (let n = first + 1; n <= last + 1; n++) {
    const guess = midnights.at(-1)! + DAY_MS
    const guessOffset = zoneOffsetMs(timeZone, guess)
    midnights.push(guessOffset === offset ? guess : localToInstant(timeZone, n, 0))
    offset = guessOffset === offset ? offset : zoneOffsetMs(timeZone, midnights.at(-1)!)
  }
  return midnights.slice(0, -1).map((startMs, i) => {
    const endMs = midnights[i + 1]!
    return {
      date: isoDateOf(first + i),
      weekday: weekdayOf(first + i),
      startMs,
      endMs,
      firstHour: Math.ceil(startMs / HOUR_MS),
      endHour: Math.ceil(endMs / HOUR_MS),
    }
  })
}

/** The index of the day an hour counts to, or -1 outside the report (days are in order). */
export function dayOfHour(days: readonly LocalDay[], hour: number): number {
  let low = 0
  let high = days.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const day = days[mid]!
    if (hour < day.firstHour) high = mid - 1
    else if (hour >= day.endHour) low = mid + 1
    else return mid
  }
  return -1
}

/** The index of the day an instant falls on, or -1 outside the report. */
export function dayOfInstant(days: readonly LocalDay[], at: number): number {
  let low = 0
  let high = days.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const day = days[mid]!
    if (at < day.startMs) high = mid - 1
    else if (at >= day.endMs) low = mid + 1
    else return mid
  }
  return -1
}
