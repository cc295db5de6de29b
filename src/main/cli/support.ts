import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { openCore, type Core } from '../core/index'
import { createWorkspace } from '../core/store/repos/workspaces'
import { EarshotError, type Result } from '../../shared/errors'
import type { Workspace } from '../../shared/domain'

/** Exit codes: 2 when the command line is wrong, 1 when the work itself failed, 3 when the data directory is taken. */
export const EXIT = { ok: 0, runtime: 1, usage: 2, locked: 3 } as const

/** A mistake on the command line: reported in one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

export function cliVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string }
  return pkg.version ?? '0.0.0'
}

export interface CliCommand {
  name: string
  summary: string
  usage: string
  run(argv: string[]): Promise<number>
}

type Options = NonNullable<ParseArgsConfig['options']>

/** parseArgs in strict mode, with its TypeErrors turned into UsageErrors that name the command. */
export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O, allowPositionals: boolean) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals, strict: true })
  } catch (error) {
    throw new UsageError(`${command}: ${error instanceof Error ? error.message : String(error)}`)
  }
}

export function positiveInt(command: string, flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${command}: --${flag} must be a positive whole number, not "${value}"`)
  return n
}

/** Unwraps a contract Result: a failed command becomes an EarshotError with the core's message. */
export function unwrap<T>(result: Result<unknown>): T {
  if (!result.ok) throw new EarshotError(result.error.code, result.error.message)
  return result.value as T
}

/** --workspace accepts a name or an id, archived ones too; an unknown one is an error, never "all workspaces". */
export async function resolveWorkspace(core: Core, given: string | undefined): Promise<Workspace | undefined> {
  if (given === undefined) return undefined
  const workspaces = unwrap<Workspace[]>(await core.invoke('workspaces:list', { includeArchived: true }))
  const found = /^\d+$/.test(given)
    ? workspaces.find((w) => w.id === Number(given))
    : workspaces.find((w) => w.name === given) ?? workspaces.find((w) => w.name.toLowerCase().includes(given.toLowerCase()))
  if (!found) throw new EarshotError('NOT_FOUND', `No workspace "${given}". Workspaces: ${workspaces.map((w) => `${w.id} ${w.name}`).join(', ')}`)
  return found
}

/**
 * Resolves on the first SIGINT or SIGTERM: how the long-running commands (serve, sync, emulators) end
 * normally. Call it before printing that the command is up: a signal that comes before the handlers
 * kills the process outright (exit by signal, nothing closed), as a test that stops the command as
 * soon as it reads its last line found on a loaded machine.
 */
export const untilSignalled = (): Promise<NodeJS.Signals> =>
  new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve(signal)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })

/**
 * Opens the data directory as its single writer, never creating the demo: a CLI command that adds
 * an account or imports mail must not leave 20,000 demo messages behind. A running app holds the
 * lock, so this fails with CONFLICT (exit 3).
 */
export function openWriter(dataDir: string): Core {
  return openCore({ dataDir, host: 'web', version: cliVersion(), demo: 'nothing' })
}

/**
 * The workspace a writer command works in: the one named, else the only non-demo workspace, else
 * (none yet) a new one called `nameIfNone`, so a new data directory holds exactly what was written.
 * Several candidates and none named is a usage error that lists them.
 */
export async function targetWorkspace(
  core: Core,
  command: string,
  given: string | undefined,
  nameIfNone: string,
): Promise<Workspace> {
  const named = await resolveWorkspace(core, given)
  if (named) return named
  const own = unwrap<Workspace[]>(await core.invoke('workspaces:list', {})).filter((w) => !w.isDemo)
  if (own.length === 1 && own[0]) return own[0]
  if (own.length === 0) {
    const id = createWorkspace(core.db, { name: nameIfNone })
    console.error(`Created workspace "${nameIfNone}" (${id}).`)
    return unwrap<Workspace[]>(await core.invoke('workspaces:list', {})).find((w) => w.id === id)!
  }
  throw new UsageError(`${command}: choose a workspace with --workspace. Workspaces: ${own.map((w) => `${w.id} ${w.name}`).join(', ') || 'none'}`)
}

/** Reads a secret from the environment variable the user named; secrets never travel in argv. */
export function secretFromEnv(command: string, flag: string, variable: string | undefined): string {
  if (!variable) throw new UsageError(`${command}: --${flag} VAR is required (the name of an environment variable holding the secret)`)
  const value = process.env[variable]
  if (!value) throw new UsageError(`${command}: the environment variable ${variable} (from --${flag}) is empty or not set`)
  return value
}
