import fs from 'node:fs'
import path from 'node:path'
import type { ArchiveImportSummary, CsvMapping } from '../../../shared/commands/archives'
import { EarshotError } from '../../../shared/errors'
import type { Db } from '../store/db'
import { createIngestor, type IngestItem } from '../store/ingest'
import { createAccount } from '../store/repos/accounts'
import { createContactWriter, missingColumns, rowToContact } from './contacts-csv'
import { decodeCsv, parseCsv, sniffSeparator } from './csv'
import { detectImportKind } from './detect'
import { readFacebookArchive } from './facebook-archive'
import { openArchiveSource } from './source'
import { type ArchiveMessages, type Quarantined } from './types'
import { readXArchive } from './x-archive'
import { nextTurn } from '../next-turn'

export interface ArchiveProgress {
  done: number
  total: number
  quarantined: number
}

export interface ArchiveImportOptions {
  workspaceId: number
  /** An X archive or Facebook export (.zip or its folder), or a contacts CSV. */
  path: string
  /** Required for a CSV: which column fills which contact field. */
  mapping?: CsvMapping
  onProgress?: (progress: ArchiveProgress) => void
  signal?: AbortSignal
}

/** Rows per transaction: each commit is short, so the host's own writes never wait long for the lock. */
const BATCH = 250

/**
 * Imports one archive or contacts CSV into the workspace. Re-runnable: messages keep their platform
 * ids (or a hash where an export has none), contacts are found again by address, handle or name, and
 * quarantined input by its source. Runs inside the archive worker (archive-worker.ts).
 */
export async function runArchiveImport(db: Db, options: ArchiveImportOptions): Promise<ArchiveImportSummary> {
  const location = path.resolve(options.path)
  const kind = await detectImportKind(location)
  if (kind === 'mail')
    throw new EarshotError('INVALID', `${location} is not an archive or a CSV file; import mail with import:mail.`)
  if (kind === 'contacts-csv') {
    if (!options.mapping)
      throw new EarshotError(
        'INVALID',
        'A contacts CSV needs a column mapping (which column holds the name, the e-mail address, …).',
      )
    return { kind, ...(await importContactsCsv(db, { ...options, mapping: options.mapping }, location)) }
  }
  const source = await openArchiveSource(location)
  let messages: ArchiveMessages
  try {
    const label = `${kind}:${location}`
    messages =
      kind === 'x-archive'
        ? await readXArchive(source, label, knownXName(db, options.workspaceId))
        : await readFacebookArchive(source, label)
  } finally {
    await source.close()
  }
  return { kind, ...(await commitMessages(db, options, messages)) }
}

function knownXName(db: Db, workspaceId: number) {
  const find = db
    .prepare("SELECT display_name FROM identities WHERE workspace_id = ? AND channel = 'x' AND external_id = ?")
    .pluck()
  return (externalId: string) => (find.get(workspaceId, externalId) as string | null | undefined) ?? null
}

/** The workspace's account for this export, created on the first import and reused after. Paused: it syncs nothing. */
function archiveAccount(db: Db, workspaceId: number, account: ArchiveMessages['account']): number {
  const row = db
    .prepare('SELECT id FROM accounts WHERE workspace_id = ? AND channel = ? AND handle = ?')
    .get(workspaceId, account.channel, account.handle) as { id: number } | undefined
  return row?.id ?? createAccount(db, { workspaceId, ...account, state: 'paused' })
}

function quarantineWriter(db: Db, workspaceId: number) {
  const insert = db.prepare(
    `INSERT INTO quarantine (workspace_id, source, reason, raw, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (workspace_id, source) DO NOTHING`,
  )
  return (q: Quarantined) => insert.run(workspaceId, q.source, q.reason, q.raw, Date.now())
}


async function commitMessages(db: Db, options: ArchiveImportOptions, messages: ArchiveMessages) {
  const ingest = createIngestor(db)
  const quarantine = quarantineWriter(db, options.workspaceId)
  const accountId = db.transaction(() => archiveAccount(db, options.workspaceId, messages.account))()
  const progress: ArchiveProgress = {
    done: 0,
    total: messages.items.length + messages.quarantined.length,
    quarantined: 0,
  }
  db.transaction(() => messages.quarantined.forEach(quarantine))()
  progress.done = progress.quarantined = messages.quarantined.length
  options.onProgress?.({ ...progress })
  let inserted = 0
  for (let i = 0; i < messages.items.length; i += BATCH) {
    options.signal?.throwIfAborted()
    const batch: IngestItem[] = messages.items.slice(i, i + BATCH)
    inserted += ingest({ accountId, items: batch }).inserted
    progress.done += batch.length
    options.onProgress?.({ ...progress })
    await nextTurn()
  }
  return { total: progress.total, inserted, quarantined: progress.quarantined, skipped: messages.skipped }
}

async function importContactsCsv(db: Db, options: ArchiveImportOptions & { mapping: CsvMapping }, file: string) {
  const { text } = decodeCsv(await fs.promises.readFile(file))
  const [header, ...rows] = [...parseCsv(text, sniffSeparator(text))]
  if (!header || !('fields' in header))
    throw new EarshotError('INVALID', `${path.basename(file)} has no header line with column names.`)
  const columns = header.fields.map((c) => c.trim())
  const missing = missingColumns(columns, options.mapping)
  if (missing.length > 0)
    throw new EarshotError(
      'INVALID',
      `The CSV has no column ${missing.map((c) => `"${c}"`).join(', ')}. Its columns: ${columns.join(', ')}.`,
    )
  const write = createContactWriter(db, options.workspaceId)
  const quarantine = quarantineWriter(db, options.workspaceId)
  const progress: ArchiveProgress = { done: 0, total: rows.length, quarantined: 0 }
  let inserted = 0
  const commit = db.transaction((batch: typeof rows) => {
    for (const row of batch) {
      const contact = 'fields' in row ? rowToContact(columns, row.fields, options.mapping) : { reason: row.error }
      if ('reason' in contact) {
        quarantine({
          source: `contacts-csv:${file}#line ${row.line}`,
          reason: contact.reason,
          raw: Buffer.from(row.raw),
        })
        progress.quarantined++
      } else if (write(contact) === 'inserted') inserted++
    }
  })
  for (let i = 0; i < rows.length; i += BATCH) {
    options.signal?.throwIfAborted()
    const batch = rows.slice(i, i + BATCH)
    commit(batch)
    progress.done += batch.length
    options.onProgress?.({ ...progress })
    await nextTurn()
  }
  return { total: progress.total, inserted, quarantined: progress.quarantined, skipped: 0 }
}
