import type { SlaPolicy } from '../../../shared/commands/policy'
import type { Channel, SlaClock } from '../../../shared/domain'
import { createBusinessCalendar, type BusinessCalendar, type WeeklyHours } from './business-time'
import { MINUTE_MS } from './zone'

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7]

/** The zone of the machine the core runs on: the best guess for a workspace that never chose one. */
export const hostTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone

/** What every workspace promises until someone changes it: answers within three business hours. */
export function defaultPolicy(timeZone: string = hostTimeZone()): SlaPolicy {
  return {
    timeZone,
    businessHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 17 * 60 })),
    holidays: [],
    firstReplyMinutes: 180,
    nextReplyMinutes: 180,
    dueSoonMinutes: 30,
    realtime: { enabled: false, startMinute: 7 * 60, endMinute: 23 * 60, replyMinutes: 60 },
    reachAlertFollowers: 100_000,
  }
}

/** People expect real-time care on social channels and chat; mail keeps business hours. */
const hasRealtimeCare = (policy: SlaPolicy, channel: Channel): boolean => policy.realtime.enabled && channel !== 'email'

/** Business hours, joined with the daily real-time window where it applies: overlapping spans merged. */
function weeklyHoursFor(policy: SlaPolicy, realtime: boolean): WeeklyHours[] {
  if (!realtime) return policy.businessHours
  return WEEKDAYS.flatMap((weekday) => {
    const spans = [
      ...policy.businessHours.filter((h) => h.weekday === weekday),
      { weekday, startMinute: policy.realtime.startMinute, endMinute: policy.realtime.endMinute },
    ].sort((a, b) => a.startMinute - b.startMinute)
    const merged: WeeklyHours[] = []
    for (const span of spans) {
      const last = merged.at(-1)
      if (last && span.startMinute <= last.endMinute) last.endMinute = Math.max(last.endMinute, span.endMinute)
      else merged.push({ ...span })
    }
    return merged
  })
}

/** A policy's two calendars, worked out once: most workspaces keep one policy for months. */
export interface PolicyClock {
  policy: SlaPolicy
  calendarFor(channel: Channel): BusinessCalendar
}

const clocks = new Map<string, PolicyClock>()
const MAX_CACHED_POLICIES = 64

export function policyClock(policy: SlaPolicy): PolicyClock {
  const key = JSON.stringify(policy)
  const cached = clocks.get(key)
  if (cached) return cached
  const make = (realtime: boolean) =>
    createBusinessCalendar({
      timeZone: policy.timeZone,
      hours: weeklyHoursFor(policy, realtime),
      holidays: policy.holidays,
    })
  const business = make(false)
  const realtime = policy.realtime.enabled ? make(true) : business
  const made: PolicyClock = {
    policy,
    calendarFor: (channel) => (hasRealtimeCare(policy, channel) ? realtime : business),
  }
  if (clocks.size >= MAX_CACHED_POLICIES) clocks.clear()
  clocks.set(key, made)
  return made
}

/** What the clock of one conversation depends on. */
export interface ClockInput {
  channel: Channel
  /** The first customer message after our last answer; null when the last word is ours. */
  awaitingSince: number | null
  /** Null until we first answered: the first-reply target applies until then. */
  firstReplyAt: number | null
}

export interface Due {
  dueAt: number
  dueSoonAt: number
}

/** How much business time an answer may take on `channel`: the tighter real-time target applies where it is on. */
export function replyTargetMs(policy: SlaPolicy, channel: Channel, reply: 'first' | 'next'): number {
  const regular = reply === 'first' ? policy.firstReplyMinutes : policy.nextReplyMinutes
  return (hasRealtimeCare(policy, channel) ? Math.min(regular, policy.realtime.replyMinutes) : regular) * MINUTE_MS
}

/** When the answer is due, and from when that is soon; null when no clock runs. */
export function dueFor(clock: PolicyClock, input: ClockInput): Due | null {
  if (input.awaitingSince === null) return null
  const { policy } = clock
  const target = replyTargetMs(policy, input.channel, input.firstReplyAt === null ? 'first' : 'next')
  const calendar = clock.calendarFor(input.channel)
  const dueAt = calendar.addMs(input.awaitingSince, target)
  if (dueAt === null) return null
  const dueSoonAt = calendar.addMs(input.awaitingSince, Math.max(0, target - policy.dueSoonMinutes * MINUTE_MS))
  return { dueAt, dueSoonAt: dueSoonAt ?? dueAt }
}

const NO_CLOCK = {
  state: 'none',
  dueAt: null,
  dueSoonAt: null,
  businessMsLeft: null,
  running: false,
  steadyUntil: null,
} as const

/** Where a stored clock stands at `now`. */
export function clockAt(clock: PolicyClock, channel: Channel, due: Due | null, now: number): SlaClock {
  if (due === null) return { ...NO_CLOCK, asOf: now }
  const calendar = clock.calendarFor(channel)
  return {
    state: now >= due.dueAt ? 'overdue' : now >= due.dueSoonAt ? 'due-soon' : 'ok',
    dueAt: due.dueAt,
    dueSoonAt: due.dueSoonAt,
    businessMsLeft: calendar.msBetween(now, due.dueAt),
    asOf: now,
    running: calendar.isOpen(now),
    steadyUntil: calendar.nextChange(now),
  }
}
