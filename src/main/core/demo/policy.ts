import type { SlaPolicy } from '../../../shared/commands/policy'
import { defaultPolicy } from '../insight/sla-policy'

/** Public holidays on fixed dates everywhere in Germany; the movable ones follow Easter and vary by state. */
const FIXED_HOLIDAYS = ['01-01', '05-01', '10-03', '12-25', '12-26']

/**
 * The demo businesses are German: Berlin time, shop hours (Saturdays until 14:00), the nationwide
 * holidays of this year and the next, and real-time care on social channels from 7 to 23.
 */
export function demoPolicy(now: number): SlaPolicy {
  const year = new Date(now).getUTCFullYear()
  const base = defaultPolicy('Europe/Berlin')
  return {
    ...base,
    businessHours: [
      ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 18 * 60 })),
      { weekday: 6, startMinute: 8 * 60, endMinute: 14 * 60 },
    ],
    holidays: [year, year + 1].flatMap((y) => FIXED_HOLIDAYS.map((d) => `${y}-${d}`)),
    realtime: { ...base.realtime, enabled: true },
  }
}
