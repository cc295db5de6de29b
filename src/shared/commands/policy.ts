import { z } from 'zod'
import { Id } from '../domain'
import { command } from './define'

const MINUTES_PER_DAY = 1440
/** Targets up to 30 days: beyond that a clock tells nobody anything. */
const TargetMinutes = z
  .number()
  .int()
  .min(1)
  .max(30 * MINUTES_PER_DAY)
const StartMinute = z
  .number()
  .int()
  .min(0)
  .max(MINUTES_PER_DAY - 1)
/** 1440 is midnight at the end of the day. */
const EndMinute = z.number().int().min(1).max(MINUTES_PER_DAY)

/** An IANA zone the platform knows ("Europe/Berlin"); Intl refuses the ones it does not. */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone })
        return true
      } catch {
        return false
      }
    },
    { message: 'an IANA time zone such as Europe/Berlin' },
  )

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { message: 'a date that exists' })

export const BusinessHours = z
  .object({
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: z.number().int().min(1).max(7),
    startMinute: StartMinute,
    endMinute: EndMinute,
  })
  .strict()
  .refine((h) => h.startMinute < h.endMinute, { message: 'opening must come before closing' })
export type BusinessHours = z.infer<typeof BusinessHours>

/**
 * A workspace's promise to its customers: how fast it answers, counted in its business hours.
 * "Real-time hours" are a daily window in which conversations outside email (people expect a social
 * answer within the hour) are answered on a tighter target, weekends included.
 */
export const SlaPolicy = z
  .object({
    timeZone: TimeZone,
    /** At most one span per weekday; a weekday without one is closed. */
    businessHours: z
      .array(BusinessHours)
      .max(7)
      .refine((hours) => new Set(hours.map((h) => h.weekday)).size === hours.length, {
        message: 'one span of opening hours per weekday',
      }),
    /** Whole days closed, in the policy's time zone. */
    holidays: z
      .array(IsoDate)
      .max(400)
      .transform((days) => [...new Set(days)].sort()),
    firstReplyMinutes: TargetMinutes,
    nextReplyMinutes: TargetMinutes,
    /** A clock turns "due soon" when this much business time is left. */
    dueSoonMinutes: z
      .number()
      .int()
      .min(0)
      .max(30 * MINUTES_PER_DAY),
    realtime: z
      .object({ enabled: z.boolean(), startMinute: StartMinute, endMinute: EndMinute, replyMinutes: TargetMinutes })
      .strict()
      .refine((r) => r.startMinute < r.endMinute, { message: 'real-time hours must start before they end' }),
    /** A public post from someone with at least this many followers raises a 'reach' alert at once. */
    reachAlertFollowers: z.number().int().min(1).max(10_000_000_000),
  })
  .strict()
export type SlaPolicy = z.infer<typeof SlaPolicy>

/** Service-level policies, one per workspace; a workspace that never set one has the defaults. */
export const policyCommands = {
  'policy:get': command<SlaPolicy>()(z.object({ workspaceId: Id }).strict()),
  'policy:set': command<SlaPolicy>()(z.object({ workspaceId: Id, policy: SlaPolicy }).strict()),
}
