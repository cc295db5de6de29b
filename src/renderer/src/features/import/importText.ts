import type { TFunction } from 'i18next'
import type { ArchiveImportSummary, ImportSummary } from '../../../../shared/contract'

/** One path per line; blank lines and surrounding spaces are typing noise, not paths. */
export function parsePaths(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
}

/** Addresses may be separated by commas, semicolons, spaces or lines, as people paste them. */
export function parseAddresses(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean)
}

/** "1,234 messages imported, 12 were already in Earshot, 3 could not be read and were set aside." */
export function describeImport(t: TFunction, lang: string, s: ImportSummary): string {
  if (s.total === 0) return t('import.result.nothingFound')
  const n = (value: number): string => new Intl.NumberFormat(lang).format(value)
  const already = Math.max(0, s.total - s.inserted - s.quarantined)
  const parts = [t('import.result.inserted', { count: s.inserted, n: n(s.inserted) })]
  if (already > 0) parts.push(t('import.result.already', { count: already, n: n(already) }))
  if (s.quarantined > 0) parts.push(t('import.result.quarantined', { count: s.quarantined, n: n(s.quarantined) }))
  return `${parts.join(', ')}.`
}

/** "3 contacts imported, 1 was already in Earshot." or, for an X or Facebook archive, messages with what was left out. */
export function describeArchiveImport(t: TFunction, lang: string, s: ArchiveImportSummary): string {
  if (s.total === 0 && s.skipped === 0) return t('import.result.nothingInArchive')
  const n = (value: number): string => new Intl.NumberFormat(lang).format(value)
  const already = Math.max(0, s.total - s.inserted - s.quarantined)
  const insertedKey = s.kind === 'contacts-csv' ? 'import.result.contactsInserted' : 'import.result.inserted'
  const parts = [t(insertedKey, { count: s.inserted, n: n(s.inserted) })]
  if (already > 0) parts.push(t('import.result.already', { count: already, n: n(already) }))
  if (s.skipped > 0) parts.push(t('import.result.skipped', { count: s.skipped, n: n(s.skipped) }))
  if (s.quarantined > 0) parts.push(t('import.result.quarantined', { count: s.quarantined, n: n(s.quarantined) }))
  return `${parts.join(', ')}.`
}
