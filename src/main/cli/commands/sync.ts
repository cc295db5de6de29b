import type { SyncOutcome } from '../../core/sync/engine'
import { syncOnceAndDrain, type OnceResult } from '../../core/sync/runtime'
import { listSyncAccountIds, loadSyncAccount } from '../../core/sync/accounts'
import { EarshotError } from '../../../shared/errors'
import { resolveDataDir } from '../data-dir'
import { EXIT, openWriter, parseCommandArgs, positiveInt, untilSignalled, type CliCommand } from '../support'

const USAGE = `Usage: earshot sync [--once] [--account ID] [--data-dir DIR]

Syncs every connected (non-paused) account and sends queued replies.

Options:
  --once         one pass: sync each account once, send what is queued once, print one line per
                 account; exit 1 if any account failed. Without it, sync runs until Ctrl+C.
  --account ID   only this account (with --once)
  --data-dir DIR the data directory (default: the desktop app's)`

function describe(outcome: SyncOutcome): string {
  if (outcome.status === 'synced') return `synced: ${outcome.inserted} new, ${outcome.updated} updated`
  if (outcome.status === 'skipped') return `skipped (${outcome.reason})`
  return `failed (${outcome.kind}): ${outcome.message}`
}

const line = ({ account, outcome }: OnceResult) => `account ${account.id} ${account.channel} ${account.handle}: ${describe(outcome)}`

export const syncCommand: CliCommand = {
  name: 'sync',
  summary: 'Sync connected accounts (once, or until Ctrl+C)',
  usage: USAGE,
  async run(argv) {
    const { values } = parseCommandArgs('sync', argv, { once: { type: 'boolean' }, account: { type: 'string' }, 'data-dir': { type: 'string' } }, false)
    if (values.help) {
      console.log(USAGE)
      return EXIT.ok
    }
    const accountId = positiveInt('sync', 'account', values.account)
    const core = openWriter(resolveDataDir(values['data-dir']))
    try {
      if (accountId !== undefined && !loadSyncAccount(core.db, accountId)) throw new EarshotError('NOT_FOUND', `There is no account ${accountId}.`)
      if (!values.once) {
        const stopped = untilSignalled()
        core.startBackground()
        console.error(`Syncing ${listSyncAccountIds(core.db).length} account(s); Ctrl+C to stop.`)
        await stopped
        return EXIT.ok
      }
      const deps = { db: core.db, events: core.events, secrets: core.secretStore(), dataDir: core.info.dataDir }
      const { results, sent } = await syncOnceAndDrain(deps, accountId === undefined ? undefined : [accountId])
      for (const result of results) console.log(line(result))
      if (results.length === 0) console.log('No connected accounts to sync (demo and imported accounts are paused).')
      if (sent > 0) console.log(`outbox: ${sent} queued repl${sent === 1 ? 'y' : 'ies'} tried`)
      return results.some((r) => r.outcome.status === 'failed') ? EXIT.runtime : EXIT.ok
    } finally {
      await core.close()
    }
  },
}
