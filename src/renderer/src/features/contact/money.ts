/**
 * Amounts as people type them ("129,90", "1.299,00", "1,299.00", "45") to minor units (cents), and back.
 * The last separator followed by one or two digits is the decimal one; the others group thousands.
 */
export function parseAmount(text: string): number | null {
  const compact = text.trim().replace(/[\s\u00a0']/g, '')
  const match = /^(?:(\d{1,3}(?:([.,])\d{3})(?:\2\d{3})*)|(\d+))(?:([.,])(\d{1,2}))?$/.exec(compact)
  if (!match) return null
  const [, grouped, groupSeparator, plain, decimalSeparator, fraction = ''] = match
  if (groupSeparator !== undefined && groupSeparator === decimalSeparator) return null
  const units = Number((grouped ?? plain ?? '').replace(/[.,]/g, ''))
  const cents = Number(fraction.padEnd(2, '0'))
  const minor = units * 100 + cents
  return Number.isSafeInteger(minor) ? minor : null
}

/** The amount for an input field, in the user's language ("129,90" in German). */
export function amountForInput(lang: string, minor: number): string {
  return new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(
    minor / 100,
  )
}

export function formatMoney(lang: string, minor: number, currency: string): string {
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency }).format(minor / 100)
  } catch {
    // A code Intl does not know (stored before a standard changed) still reads sensibly.
    return `${amountForInput(lang, minor)} ${currency}`
  }
}
