/** Locale-aware formatting; every function takes the active i18next language. */

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>()

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
  let f = cache.get(key)
  if (!f) {
    f = make()
    cache.set(key, f)
  }
  return f as T
}

export function formatCompact(lang: string, n: number): string {
  return cached(
    `compact:${lang}`,
    () => new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 }),
  ).format(n)
}

export function formatDateTime(lang: string, ms: number): string {
  return cached(`dt:${lang}`, () => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' })).format(
    ms,
  )
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
]

/** "3 hours ago" / "vor 3 Stunden": the largest unit that fits, rounded towards zero. */
export function formatRelative(lang: string, ms: number, now: number): string {
  const rtf = cached(`rel:${lang}`, () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto', style: 'short' }))
  const diff = ms - now
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size) return rtf.format(Math.trunc(diff / size), unit)
  }
  return rtf.format(0, 'minute')
}

/** A sentiment score as "+0.42" / "−0.3" ("+0,42" in German): always signed unless zero. */
export function formatScore(lang: string, score: number): string {
  return cached(
    `score:${lang}`,
    () => new Intl.NumberFormat(lang, { signDisplay: 'exceptZero', maximumFractionDigits: 2 }),
  ).format(score)
}

/** "3 days", "3 hr", "20 Min.": one value in a short unit. */
export function formatUnit(lang: string, value: number, unit: 'day' | 'hour' | 'minute'): string {
  return cached(
    `unit:${unit}:${lang}`,
    () => new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short' }),
  ).format(value)
}
