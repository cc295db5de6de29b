import fs from 'node:fs'
import path from 'node:path'
import type { ImportInspection, ImportKind } from '../../../shared/commands/archives'
import { EarshotError } from '../../../shared/errors'
import { previewCsv } from './csv'
import { isFacebookExport } from './facebook-archive'
import { isZip, openArchiveSource } from './source'
import { xArchivePrefix } from './x-archive'

const CSV_EXTENSIONS = new Set(['.csv', '.tsv'])

/** The archive kind of a list of names inside a .zip or folder, or null for neither. */
export function archiveKindOf(names: readonly string[]): 'x-archive' | 'facebook-archive' | null {
  if (xArchivePrefix(names) !== null) return 'x-archive'
  if (isFacebookExport(names)) return 'facebook-archive'
  return null
}

const FACEBOOK_INBOXES = [
  'messages/inbox',
  'your_activity_across_facebook/messages/inbox',
  'your_facebook_activity/messages/inbox',
]

/**
 * An unpacked export has its data at the top or inside the one folder the zip was made of; only
 * those are looked at, since a maildir can hold a hundred thousand files not worth listing.
 */
function folderArchiveKind(dir: string): 'x-archive' | 'facebook-archive' | null {
  const tops = [
    '',
    ...fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name),
  ]
  const dataFiles = tops.flatMap((top) => {
    const data = path.join(dir, top, 'data')
    return fs.statSync(data, { throwIfNoEntry: false })?.isDirectory()
      ? fs.readdirSync(data).map((name) => `${top ? `${top}/` : ''}data/${name}`)
      : []
  })
  if (xArchivePrefix(dataFiles) !== null) return 'x-archive'
  return tops.some((top) => FACEBOOK_INBOXES.some((inbox) => fs.existsSync(path.join(dir, top, inbox))))
    ? 'facebook-archive'
    : null
}

/** What a path holds: a platform export (zip or folder), a contacts CSV, or (anything else) mail. */
export async function detectImportKind(location: string): Promise<ImportKind> {
  const stat = fs.statSync(location, { throwIfNoEntry: false })
  if (!stat) throw new EarshotError('NOT_FOUND', `There is no file or folder at ${location}.`)
  if (stat.isDirectory()) return folderArchiveKind(location) ?? 'mail'
  if (CSV_EXTENSIONS.has(path.extname(location).toLowerCase())) return 'contacts-csv'
  if (!isZip(location)) return 'mail'
  const source = await openArchiveSource(location)
  try {
    const kind = archiveKindOf(source.names)
    if (!kind)
      throw new EarshotError(
        'INVALID',
        `${path.basename(location)} is neither an X archive nor a Facebook export (no data/tweets.js, no messages/inbox).`,
      )
    return kind
  } finally {
    await source.close()
  }
}

export async function inspectImportPath(location: string): Promise<ImportInspection> {
  const kind = await detectImportKind(location)
  if (kind !== 'contacts-csv') return { path: location, kind }
  return { path: location, kind, csv: previewCsv(await fs.promises.readFile(location)) }
}
