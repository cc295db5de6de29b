import { EarshotError } from '../../shared/errors'
import { accountsCommand } from './commands/accounts'
import { emulatorsCommand } from './commands/emulators'
import { exportCommand } from './commands/export'
import { importCommand } from './commands/import'
import { listenCommand } from './commands/listen'
import { reportCommand } from './commands/report'
import { searchCommand } from './commands/search'
import { serveCommand } from './commands/serve'
import { statsCommand } from './commands/stats'
import { syncCommand } from './commands/sync'
import { watchCommand } from './commands/watch'
import { EXIT, UsageError, cliVersion, type CliCommand } from './support'

const COMMANDS: readonly CliCommand[] = [
  serveCommand, searchCommand, exportCommand, statsCommand, reportCommand, importCommand, accountsCommand, listenCommand, watchCommand, syncCommand, emulatorsCommand,
]

function overview(): string {
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`)
  return [`Earshot ${cliVersion()}`, '', 'Usage: earshot <command> [options]', '', 'Commands:', ...lines, '', 'Run "earshot <command> --help" for its options.'].join('\n')
}

/** Runs one command line and returns the exit code; errors become one line on stderr. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(overview())
    return name === undefined ? EXIT.usage : EXIT.ok
  }
  if (name === '--version' || name === '-v') {
    console.log(cliVersion())
    return EXIT.ok
  }
  const command = COMMANDS.find((c) => c.name === name)
  if (!command) {
    console.error(`earshot: unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}`)
    return EXIT.usage
  }
  try {
    return await command.run(rest)
  } catch (error) {
    return report(error)
  }
}

function report(error: unknown): number {
  if (error instanceof UsageError) {
    console.error(`earshot ${error.message}`)
    return EXIT.usage
  }
  if (error instanceof EarshotError) {
    console.error(`earshot: ${error.message}`)
    return error.code === 'CONFLICT' ? EXIT.locked : EXIT.runtime
  }
  console.error(`earshot: ${error instanceof Error ? error.message : String(error)}`)
  return EXIT.runtime
}

process.exitCode = await main(process.argv.slice(2))
