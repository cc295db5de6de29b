import { ACCESS_WARNING_MS, type Account, type Workspace } from '../../../shared/domain'
import { openReader } from '../../core/index'
import { resolveDataDir } from '../data-dir'
import { EXIT, UsageError, cliVersion, parseCommandArgs, unwrap, type CliCommand } from '../support'
import { ACCOUNTS_ADD_USAGE, runAccountsAdd } from './accounts-add'

const USAGE = `Usage: earshot accounts <add|list> [options]

  earshot accounts add imap|x|facebook|bluesky|mastodon …   connect an account (see "earshot accounts add --help")
  earshot accounts list [--json]            every account: id, workspace, channel, handle, state, last sync

Options:
  --data-dir DIR   the data directory (default: the desktop app's)`

export interface AccountLine {
  id: number
  workspace: string
  channel: string
  handle: string
  state: string
  reason: string | null
  lastSyncedAt: string | null
  /** When the provider stops granting access unless the account is connected again. */
  accessExpiresAt: string | null
}

function accessNote(line: AccountLine): string {
  if (!line.accessExpiresAt) return ''
  const left = Date.parse(line.accessExpiresAt) - Date.now()
  if (left <= 0) return `access ended ${line.accessExpiresAt.slice(0, 10)}: connect again`
  return left < ACCESS_WARNING_MS ? `access ends ${line.accessExpiresAt.slice(0, 10)}: connect again before then` : ''
}

async function runAccountsList(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs('accounts list', argv, { json: { type: 'boolean' }, 'data-dir': { type: 'string' } }, false)
  if (values.help) {
    console.log(USAGE)
    return EXIT.ok
  }
  // A read: no lock, so it works while the app runs.
  const core = openReader({ dataDir: resolveDataDir(values['data-dir']), host: 'web', version: cliVersion() })
  try {
    const workspaces = new Map(unwrap<Workspace[]>(await core.invoke('workspaces:list', {})).map((w) => [w.id, w.name]))
    const lines: AccountLine[] = unwrap<Account[]>(await core.invoke('accounts:list', {})).map((a) => ({
      id: a.id,
      workspace: workspaces.get(a.workspaceId) ?? String(a.workspaceId),
      channel: a.channel,
      handle: a.handle,
      state: a.state,
      reason: a.stateReason,
      lastSyncedAt: a.lastSyncedAt === null ? null : new Date(a.lastSyncedAt).toISOString(),
      accessExpiresAt: a.accessExpiresAt === null ? null : new Date(a.accessExpiresAt).toISOString(),
    }))
    if (values.json) console.log(JSON.stringify(lines, null, 2))
    else for (const l of lines) console.log([l.id, l.workspace, l.channel, l.handle, l.state, l.lastSyncedAt ?? 'never synced', l.reason ?? '', accessNote(l)].join('\t').trimEnd())
    return EXIT.ok
  } finally {
    await core.close()
  }
}

export const accountsCommand: CliCommand = {
  name: 'accounts',
  summary: 'Connect accounts (IMAP, X, Facebook, Bluesky, Mastodon) and list them',
  usage: USAGE,
  async run(argv) {
    const [sub, ...rest] = argv
    if (sub === 'add') return runAccountsAdd(rest)
    if (sub === 'list') return runAccountsList(rest)
    if (sub === undefined || sub === '--help' || sub === '-h') {
      console.log(`${USAGE}\n\n${ACCOUNTS_ADD_USAGE}`)
      return sub === undefined ? EXIT.usage : EXIT.ok
    }
    throw new UsageError(`accounts: unknown subcommand "${sub}" (add, list)`)
  },
}
