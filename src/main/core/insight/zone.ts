/**
 * Wall-clock time in an IANA time zone, from the platform's Intl data alone (no time-zone library).
 * Local dates are counted as "day numbers": days since 1970-01-01 in the zone's own calendar.
 */

export const MINUTE_MS = 60_000
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** True when the platform knows the zone (Intl throws a RangeError for names it does not know). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone)
    return true
  } catch {
    return false
  }
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms (Berlin in summer: 7,200,000). */
export function zoneOffsetMs(timeZone: string, instant: number): number {
  const parts: Record<string, number> = {}
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value)
  }
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!)
  const wholeSecond = instant - (((instant % 1000) + 1000) % 1000)
  return wall - wholeSecond
}

/**
 * The instant a wall-clock time names: `minute` minutes after local midnight of `dayNumber`. Resolved
 * like Temporal's 'compatible' disambiguation: a time that happens twice (clocks go back) is its
 * earlier occurrence; a time that never happens (clocks go forward) moves forward by the gap, so
 * 02:30 on the spring-forward night in Berlin is 03:30 summer time.
 */
export function localToInstant(timeZone: string, dayNumber: number, minute: number): number {
  const wall = dayNumber * DAY_MS + minute * MINUTE_MS
  // Transitions are rarer than one a day, so the offsets a day either side bracket the answer.
  const before = zoneOffsetMs(timeZone, wall - DAY_MS)
  const after = zoneOffsetMs(timeZone, wall + DAY_MS)
  const candidates = [wall - before, wall - after].filter((t) => t + zoneOffsetMs(timeZone, t) === wall)
  return candidates.length > 0 ? Math.min(...candidates) : wall - before
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export const weekdayOf = (dayNumber: number): number => ((((dayNumber + 3) % 7) + 7) % 7) + 1

/** The local date as YYYY-MM-DD. */
export const isoDateOf = (dayNumber: number): string => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10)
