import { DAY_MS, isoDateOf, localToInstant, weekdayOf, zoneOffsetMs } from './zone'

/** Opening hours on one weekday, as minutes after local midnight; end 1440 means "until midnight". */
export interface WeeklyHours {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number
  startMinute: number
  endMinute: number
}

/** When the clock counts: weekly hours in a time zone, minus whole-day holidays. */
export interface Schedule {
  timeZone: string
  hours: readonly WeeklyHours[]
  /** Local dates (YYYY-MM-DD) on which nothing is open. */
  holidays: readonly string[]
}

/** Business-time arithmetic over one schedule. Days are worked out once and remembered. */
export interface BusinessCalendar {
  /** Business ms in [from, to); negative when `to` is before `from`. */
  msBetween(from: number, to: number): number
  /** The instant when `ms` of business time have passed since `from`; null if the schedule never opens. */
  addMs(from: number, ms: number): number | null
  /** Whether business time is passing at `at`. */
  isOpen(at: number): boolean
  /** The next opening or closing after `at`, or null if there is none. */
  nextChange(at: number): number | null
}

interface Day {
  number: number
  /** Local midnight and the next local midnight: 23 or 25 hours apart on DST days. */
  start: number
  end: number
  /** Open intervals [start, end) as instants, in order, not overlapping. */
  open: [number, number][]
}

/** Searching further than this for an open hour means the schedule never opens (all hours in DST gaps). */
const MAX_DAYS_SEARCHED = 3_700

export function createBusinessCalendar(schedule: Schedule): BusinessCalendar {
  const { timeZone } = schedule
  const holidays = new Set(schedule.holidays)
  const hoursByWeekday = new Map<number, WeeklyHours[]>()
  for (const h of [...schedule.hours].sort((a, b) => a.startMinute - b.startMinute)) {
    if (h.endMinute > h.startMinute) hoursByWeekday.set(h.weekday, [...(hoursByWeekday.get(h.weekday) ?? []), h])
  }
  const neverOpen = hoursByWeekday.size === 0
  const days = new Map<number, Day>()
  let lastOffset: number | null = null

  const day = (n: number): Day => {
    const cached = days.get(n)
    if (cached) return cached
    const start = localToInstant(timeZone, n, 0)
    const end = localToInstant(timeZone, n + 1, 0)
    const open: [number, number][] = []
    if (!holidays.has(isoDateOf(n))) {
      for (const h of hoursByWeekday.get(weekdayOf(n)) ?? []) {
        const from = localToInstant(timeZone, n, h.startMinute)
        const to = h.endMinute >= 1440 ? end : localToInstant(timeZone, n, h.endMinute)
        // An interval wholly inside a spring-forward gap is empty; one straddling it is shorter.
        if (to > from) open.push([from, to])
      }
    }
    const made = { number: n, start, end, open }
    days.set(n, made)
    return made
  }

  const dayOf = (instant: number): Day => {
    lastOffset ??= zoneOffsetMs(timeZone, instant)
    let d = day(Math.floor((instant + lastOffset) / DAY_MS))
    while (instant < d.start) d = day(d.number - 1)
    while (instant >= d.end) d = day(d.number + 1)
    return d
  }

  const msBetween = (from: number, to: number): number => {
    if (to < from) return -msBetween(to, from)
    let total = 0
    for (let d = dayOf(from); d.start < to; d = day(d.number + 1)) {
      for (const [s, e] of d.open) total += Math.max(0, Math.min(e, to) - Math.max(s, from))
    }
    return total
  }

  const addMs = (from: number, ms: number): number | null => {
    if (ms <= 0) return from
    if (neverOpen) return null
    let remaining = ms
    let d = dayOf(from)
    for (let searched = 0; searched < MAX_DAYS_SEARCHED; searched++, d = day(d.number + 1)) {
      for (const [s, e] of d.open) {
        if (e <= from) continue
        const begin = Math.max(s, from)
        if (remaining <= e - begin) return begin + remaining
        remaining -= e - begin
        searched = 0
      }
    }
    return null
  }

  const isOpen = (at: number): boolean => dayOf(at).open.some(([s, e]) => s <= at && at < e)

  const nextChange = (at: number): number | null => {
    if (neverOpen) return null
    let d = dayOf(at)
    for (let searched = 0; searched < MAX_DAYS_SEARCHED; searched++, d = day(d.number + 1)) {
      for (const [s, e] of d.open) {
        if (s > at) return s
        if (e > at) return e
      }
    }
    return null
  }

  return { msBetween, addMs, isOpen, nextChange }
}

/** Business ms between two instants under `schedule` (see BusinessCalendar.msBetween). */
export const businessMsBetween = (schedule: Schedule, from: number, to: number): number =>
  createBusinessCalendar(schedule).msBetween(from, to)

/** The instant when `ms` business ms have passed since `from` (see BusinessCalendar.addMs). */
export const addBusinessMs = (schedule: Schedule, from: number, ms: number): number | null =>
  createBusinessCalendar(schedule).addMs(from, ms)

/**
 * How long the customer waited for the first answer, in business time; null while nobody has
 * answered. Reports take median and p90 of this per channel.
 */
export function firstReplyBusinessMs(
  calendar: BusinessCalendar,
  firstCustomerMessageAt: number | null,
  firstReplyAt: number | null,
): number | null {
  if (firstCustomerMessageAt === null || firstReplyAt === null) return null
  return calendar.msBetween(firstCustomerMessageAt, firstReplyAt)
}
