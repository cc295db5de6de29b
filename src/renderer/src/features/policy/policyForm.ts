import type { SlaPolicy } from '../../../../shared/contract'

/** ISO weekdays in the order the form lists them: Monday first. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const

export interface DayForm {
  weekday: number
  open: boolean
  /** 'HH:MM' as a time input holds it; a closing time of 00:00 means midnight at the end of the day. */
  opens: string
  closes: string
}

/** The policy as the form edits it: times as 'HH:MM', numbers as typed. */
export interface PolicyForm {
  timeZone: string
  days: DayForm[]
  holidays: string[]
  firstReplyMinutes: string
  nextReplyMinutes: string
  dueSoonMinutes: string
  realtimeEnabled: boolean
  realtimeFrom: string
  realtimeTo: string
  realtimeMinutes: string
  reachAlertFollowers: string
}

export type FormProblem = 'hours' | 'numbers' | 'realtime'

const pad = (n: number): string => String(n).padStart(2, '0')
export const minutesToTime = (minutes: number): string => `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`

/** Minutes after midnight; a closing time of 00:00 is the end of the day (1440). */
export function timeToMinutes(time: string, closing = false): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time)
  if (!match) return null
  const [hours, mins] = [Number(match[1]), Number(match[2])]
  if (hours > 23 || mins > 59) return null
  const minutes = hours * 60 + mins
  return closing && minutes === 0 ? 1440 : minutes
}

export function toForm(policy: SlaPolicy): PolicyForm {
  return {
    timeZone: policy.timeZone,
    days: WEEKDAYS.map((weekday) => {
      const hours = policy.businessHours.find((h) => h.weekday === weekday)
      return {
        weekday,
        open: hours !== undefined,
        opens: minutesToTime(hours?.startMinute ?? 9 * 60),
        closes: minutesToTime(hours?.endMinute ?? 17 * 60),
      }
    }),
    holidays: [...policy.holidays],
    firstReplyMinutes: String(policy.firstReplyMinutes),
    nextReplyMinutes: String(policy.nextReplyMinutes),
    dueSoonMinutes: String(policy.dueSoonMinutes),
    realtimeEnabled: policy.realtime.enabled,
    realtimeFrom: minutesToTime(policy.realtime.startMinute),
    realtimeTo: minutesToTime(policy.realtime.endMinute),
    realtimeMinutes: String(policy.realtime.replyMinutes),
    reachAlertFollowers: String(policy.reachAlertFollowers),
  }
}

const whole = (text: string, min: number): number | null => {
  const n = Number(text.trim())
  return text.trim() !== '' && Number.isInteger(n) && n >= min ? n : null
}

/** The policy the form describes, or what is wrong with it (the core checks everything again). */
export function fromForm(form: PolicyForm): { policy: SlaPolicy } | { problem: FormProblem } {
  const businessHours: SlaPolicy['businessHours'] = []
  for (const day of form.days.filter((d) => d.open)) {
    const startMinute = timeToMinutes(day.opens)
    const endMinute = timeToMinutes(day.closes, true)
    if (startMinute === null || endMinute === null || startMinute >= endMinute) return { problem: 'hours' }
    businessHours.push({ weekday: day.weekday, startMinute, endMinute })
  }
  const numbers = {
    firstReplyMinutes: whole(form.firstReplyMinutes, 1),
    nextReplyMinutes: whole(form.nextReplyMinutes, 1),
    dueSoonMinutes: whole(form.dueSoonMinutes, 0),
    realtimeMinutes: whole(form.realtimeMinutes, 1),
    reachAlertFollowers: whole(form.reachAlertFollowers, 1),
  }
  const { firstReplyMinutes, nextReplyMinutes, dueSoonMinutes, realtimeMinutes, reachAlertFollowers } = numbers
  if (
    firstReplyMinutes === null ||
    nextReplyMinutes === null ||
    dueSoonMinutes === null ||
    realtimeMinutes === null ||
    reachAlertFollowers === null
  ) {
    return { problem: 'numbers' }
  }
  const realtimeStart = timeToMinutes(form.realtimeFrom)
  const realtimeEnd = timeToMinutes(form.realtimeTo, true)
  if (realtimeStart === null || realtimeEnd === null || realtimeStart >= realtimeEnd) return { problem: 'realtime' }
  return {
    policy: {
      timeZone: form.timeZone,
      businessHours,
      holidays: [...new Set(form.holidays)].sort(),
      firstReplyMinutes,
      nextReplyMinutes,
      dueSoonMinutes,
      realtime: {
        enabled: form.realtimeEnabled,
        startMinute: realtimeStart,
        endMinute: realtimeEnd,
        replyMinutes: realtimeMinutes,
      },
      reachAlertFollowers,
    },
  }
}
