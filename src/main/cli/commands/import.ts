import fs from 'node:fs'
import path from 'node:path'
import type { ImportSummary } from '../../../shared/contract'
import { resolveDataDir } from '../data-dir'
import { EXIT, UsageError, openWriter, parseCommandArgs, targetWorkspace, unwrap, type CliCommand } from '../support'

const USAGE = `Usage: earshot import <path…> [--workspace W] [--own-address A]… [--data-dir DIR]

Imports mail from mbox files, maildir folders and .eml files (or folders holding them). Running it
again adds only what is new. Never creates the demo.

Options:
  --workspace W       workspace name or id (default: "Imported mail", created when needed,
                      or the only non-demo workspace)
  --own-address A     one of the shop's addresses: its mails are imported as our replies (repeatable)
  --data-dir DIR      the data directory (default: the desktop app's)`

export const IMPORT_WORKSPACE_NAME = 'Imported mail'

/** A bar redrawn in place on a terminal; elsewhere (logs, CI) a plain line about every 10%. */
function progressReporter(stream: NodeJS.WriteStream) {
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
      stream.write(`import: ${done}/${total} messages (${tenth * 10}%)\n`)
    },
    finish: () => {
      if (stream.isTTY) stream.write('\n')
    },
  }
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import mail from mbox, maildir or .eml files',
  usage: USAGE,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      'import', argv, { workspace: { type: 'string' }, 'own-address': { type: 'string', multiple: true }, 'data-dir': { type: 'string' } }, true,
    )
    if (values.help) {
      console.log(USAGE)
      return EXIT.ok
    }
    if (positionals.length === 0) throw new UsageError('import: give at least one mbox file, maildir or .eml file')
    const paths = positionals.map((p) => path.resolve(p))
    const missing = paths.filter((p) => !fs.existsSync(p))
    if (missing.length > 0) throw new UsageError(`import: not found: ${missing.join(', ')}`)
    const core = openWriter(resolveDataDir(values['data-dir']))
    try {
      const workspace = await targetWorkspace(core, 'import', values.workspace, IMPORT_WORKSPACE_NAME)
      const progress = progressReporter(process.stderr)
      const off = core.on('import:progress', (p) => progress.update(p.done, p.total))
      const summary = await core
        .invoke('import:mail', { workspaceId: workspace.id, paths, ownAddresses: values['own-address'] ?? [] })
        .finally(() => {
          off()
          progress.finish()
        })
      const { total, inserted, quarantined } = unwrap<ImportSummary>(summary)
      console.log(`Imported ${inserted} new of ${total} messages into "${workspace.name}"${quarantined ? `; ${quarantined} unreadable, kept in quarantine` : ''}.`)
      return EXIT.ok
    } finally {
      await core.close()
    }
  },
}
