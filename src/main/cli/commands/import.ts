import fs from 'node:fs'
import path from 'node:path'
import type { ArchiveImportSummary, ImportInspection, ImportSummary } from '../../../shared/contract'
import type { Result } from '../../../shared/errors'
import type { Core } from '../../core/index'
import { resolveDataDir } from '../data-dir'
import { EXIT, UsageError, openWriter, parseCommandArgs, targetWorkspace, unwrap, type CliCommand } from '../support'
import { csvMappingFor, parseMapping } from './import-mapping'

const USAGE = `Usage: earshot import <path…> [--workspace W] [--own-address A]… [--map F=Column,…] [--data-dir DIR]

Imports, recognising each path by what it holds:
  mail        mbox files, maildir folders and .eml files (or folders holding them)
  X archive   the .zip X offers for download (or its folder): tweets that answer or mention
              someone, and direct messages
  Facebook    a Page or Messenger "download your information" export in JSON (.zip or folder)
  contacts    a .csv file (UTF-8 or Windows-1252, "," or ";" between fields)
Running it again adds only what is new; what cannot be read is kept in quarantine with the
reason. Never creates the demo.

Options:
  --workspace W       workspace name or id (default: "Imported mail", created when needed,
                      or the only non-demo workspace)
  --own-address A     one of the shop's addresses: its mails are imported as our replies (repeatable)
  --map F=Column,…    for a CSV: which column fills which field (name, firstName, lastName, email,
                      x); default: a guess from the headers, printed before the import
  --data-dir DIR      the data directory (default: the desktop app's)`

export const IMPORT_WORKSPACE_NAME = 'Imported mail'

/** A bar redrawn in place on a terminal; elsewhere (logs, CI) a plain line about every 10%. */
function progressReporter(stream: NodeJS.WriteStream, unit: string) {
  let lastTenth = -1
  return {
    update(done: number, total: number) {
      const share = total === 0 ? 1 : done / total
      if (stream.isTTY) {
        const width = 30
        const filled = Math.round(share * width)
        stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(share * 100)}% ${done}/${total}`)
        return
      }
      const tenth = Math.floor(share * 10)
      if (tenth === lastTenth) return
      lastTenth = tenth
      stream.write(`import: ${done}/${total} ${unit} (${tenth * 10}%)\n`)
    },
    finish: () => {
      if (stream.isTTY) stream.write('\n')
    },
  }
}

const KIND_NAMES: Record<ArchiveImportSummary['kind'], string> = {
  'x-archive': 'X archive',
  'facebook-archive': 'Facebook export',
  'contacts-csv': 'contacts',
}

function describeArchive(summary: ArchiveImportSummary, file: string, workspace: string): string {
  const unit = summary.kind === 'contacts-csv' ? 'contacts' : 'messages'
  const skipped = summary.skipped ? `; ${summary.skipped} skipped (not a conversation)` : ''
  const quarantined = summary.quarantined ? `; ${summary.quarantined} unreadable, kept in quarantine` : ''
  return `Imported ${summary.inserted} new of ${summary.total} ${unit} from ${KIND_NAMES[summary.kind]} ${path.basename(file)} into "${workspace}"${skipped}${quarantined}.`
}

/** Runs one import with the progress bar on stderr. */
async function withProgress<T>(core: Core, unit: string, run: () => Promise<Result<unknown>>): Promise<T> {
  const progress = progressReporter(process.stderr, unit)
  const off = core.on('import:progress', (p) => progress.update(p.done, p.total))
  try {
    return unwrap<T>(await run())
  } finally {
    off()
    progress.finish()
  }
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import mail, X and Facebook archives, or contacts from CSV',
  usage: USAGE,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      'import',
      argv,
      {
        workspace: { type: 'string' },
        'own-address': { type: 'string', multiple: true },
        map: { type: 'string', multiple: true },
        'data-dir': { type: 'string' },
      },
      true,
    )
    if (values.help) {
      console.log(USAGE)
      return EXIT.ok
    }
    if (positionals.length === 0)
      throw new UsageError('import: give at least one mail file or folder, archive or CSV file')
    const paths = positionals.map((p) => path.resolve(p))
    const missing = paths.filter((p) => !fs.existsSync(p))
    if (missing.length > 0) throw new UsageError(`import: not found: ${missing.join(', ')}`)
    const mapping = parseMapping(values.map ?? [])
    const core = openWriter(resolveDataDir(values['data-dir']))
    try {
      const inspections = unwrap<ImportInspection[]>(await core.invoke('import:inspect', { paths }))
      const archives = inspections.filter((i) => i.kind !== 'mail')
      const mail = inspections.filter((i) => i.kind === 'mail').map((i) => i.path)
      const csvMappings = new Map(
        archives.filter((i) => i.kind === 'contacts-csv').map((i) => [i.path, csvMappingFor(i, mapping)]),
      )
      const workspace = await targetWorkspace(core, 'import', values.workspace, IMPORT_WORKSPACE_NAME)
      if (mail.length > 0) {
        const summary = await withProgress<ImportSummary>(core, 'messages', () =>
          core.invoke('import:mail', {
            workspaceId: workspace.id,
            paths: mail,
            ownAddresses: values['own-address'] ?? [],
          }),
        )
        const { total, inserted, quarantined } = summary
        console.log(
          `Imported ${inserted} new of ${total} messages into "${workspace.name}"${quarantined ? `; ${quarantined} unreadable, kept in quarantine` : ''}.`,
        )
      }
      for (const archive of archives) {
        const csvMapping = csvMappings.get(archive.path)
        const summary = await withProgress<ArchiveImportSummary>(
          core,
          archive.kind === 'contacts-csv' ? 'contacts' : 'messages',
          () =>
            core.invoke('import:archive', {
              workspaceId: workspace.id,
              path: archive.path,
              ...(csvMapping ? { mapping: csvMapping } : {}),
            }),
        )
        console.log(describeArchive(summary, archive.path, workspace.name))
      }
      return EXIT.ok
    } finally {
      await core.close()
    }
  },
}
