import { formatUnit } from '../../components/format'

const WEEKDAY_BASE = Date.UTC(2024, 0, 1) // a Monday

/** Business time as "2 hr 5 min" / "2 Std. 5 Min."; '–' when there is none to show. */
export function formatDuration(lang: string, ms: number | null): string {
  if (ms === null) return '–'
  const minutes = Math.round(ms / 60_000)
  const hours = Math.floor(minutes / 60)
  if (hours === 0) return formatUnit(lang, minutes, 'minute')
  return minutes % 60 === 0
    ? formatUnit(lang, hours, 'hour')
    : `${formatUnit(lang, hours, 'hour')} ${formatUnit(lang, minutes % 60, 'minute')}`
}

export function formatShare(lang: string, share: number | null): string {
  return share === null
    ? '–'
    : new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(share)
}

export function formatNumber(lang: string, n: number): string {
  return new Intl.NumberFormat(lang).format(n)
}

/** A report day (YYYY-MM-DD) as the user's language writes a short date. */
export function formatDay(lang: string, day: string): string {
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    Date.parse(`${day}T00:00:00Z`),
  )
}

/** ISO weekday (1 = Monday) as the short name in the user's language. */
export function formatWeekday(lang: string, weekday: number): string {
  return new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: 'UTC' }).format(
    WEEKDAY_BASE + (weekday - 1) * 86_400_000,
  )
}

/** An hour of the day as the user's language says it: "9 AM", "9 Uhr". */
export function formatHour(lang: string, hour: number): string {
  return new Intl.DateTimeFormat(lang, { hour: 'numeric', timeZone: 'UTC' }).format(hour * 3_600_000)
}
