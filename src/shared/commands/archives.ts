import { z } from 'zod'
import { Id } from '../domain'
import { command } from './define'

/** What `import:inspect` recognised at a path: mail files, a platform's data export, or contacts. */
export const ImportKind = z.enum(['mail', 'x-archive', 'facebook-archive', 'contacts-csv'])
export type ImportKind = z.infer<typeof ImportKind>

export const CSV_FIELDS = ['name', 'firstName', 'lastName', 'email', 'x'] as const
export type CsvField = (typeof CSV_FIELDS)[number]

const Column = z.string().trim().min(1).max(200)

/** Which CSV column (by its header) fills which contact field; a name or an address must be mapped. */
export const CsvMapping = z
  .object({ name: Column, firstName: Column, lastName: Column, email: Column, x: Column })
  .partial()
  .strict()
  .refine(
    (m) => m.name !== undefined || m.firstName !== undefined || m.lastName !== undefined || m.email !== undefined,
    {
      message: 'map a column to the name or to the e-mail address',
    },
  )
export type CsvMapping = z.infer<typeof CsvMapping>

export type CsvEncoding = 'utf-8' | 'windows-1252'
export type CsvSeparator = ',' | ';' | '\t'

/** The start of a contacts CSV, for the mapping step: its columns, a few rows and a proposed mapping. */
export interface CsvPreview {
  encoding: CsvEncoding
  separator: CsvSeparator
  columns: string[]
  sample: string[][]
  suggested: Partial<Record<CsvField, string>>
}

export interface ImportInspection {
  path: string
  kind: ImportKind
  /** Only for contacts-csv. */
  csv?: CsvPreview
}

export interface ArchiveImportSummary {
  kind: Exclude<ImportKind, 'mail'>
  /** Messages or contacts read (new or already there), and the unreadable ones. */
  total: number
  inserted: number
  quarantined: number
  /** Read but not a conversation (the shop's own broadcast posts, retweets, empty messages). */
  skipped: number
}

const LocalPath = z.string().trim().min(1).max(4096)

export const archiveCommands = {
  /** Says what each path holds, so the import dialog can ask for a CSV's column mapping first. */
  'import:inspect': command<ImportInspection[]>()(z.object({ paths: z.array(LocalPath).min(1).max(100) }).strict()),
  /**
   * Imports an X archive, a Facebook "download your information" export (a .zip or its folder) or a
   * contacts CSV (with `mapping`). Re-runnable; progress arrives as 'import:progress'; what cannot
   * be read is quarantined with the reason.
   */
  'import:archive': command<ArchiveImportSummary>()(
    z.object({ workspaceId: Id, path: LocalPath, mapping: CsvMapping.optional() }).strict(),
  ),
}
