import { writeExport } from '../../core/export/tables'
import { openReader } from '../../core/index'
import { resolveDataDir } from '../data-dir'
import { EXIT, UsageError, cliVersion, parseCommandArgs, resolveWorkspace, type CliCommand } from '../support'

const USAGE = `Usage: earshot export --out DIR [options]

Writes workspaces, contacts (with identities), identities, conversations, messages and notes,
one file per table.

Options:
  --out DIR        where to write (created if missing)
  --format F       json (default) or csv
  --workspace W    export one workspace (name or id, archived ones too); default: all
  --data-dir DIR   the data directory (default: the desktop app's)`

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export workspaces, contacts, conversations, messages and notes as JSON or CSV',
  usage: USAGE,
  async run(argv) {
    const { values } = parseCommandArgs(
      'export',
      argv,
      {
        out: { type: 'string' },
        format: { type: 'string' },
        workspace: { type: 'string' },
        'data-dir': { type: 'string' },
      },
      false,
    )
    if (values.help) {
      console.log(USAGE)
      return EXIT.ok
    }
    if (!values.out) throw new UsageError('export: --out DIR is required')
    const format = values.format ?? 'json'
    if (format !== 'json' && format !== 'csv')
      throw new UsageError(`export: --format must be json or csv, not "${format}"`)
    const core = openReader({ dataDir: resolveDataDir(values['data-dir']), host: 'web', version: cliVersion() })
    try {
      const workspace = await resolveWorkspace(core, values.workspace)
      const written = writeExport(core.db, {
        folder: values.out,
        format,
        ...(workspace ? { workspaceId: workspace.id } : {}),
      })
      for (const { file, rows } of written.files) console.log(`${file}  ${rows.toLocaleString('en-US')} rows`)
      return EXIT.ok
    } finally {
      await core.close()
    }
  },
}
