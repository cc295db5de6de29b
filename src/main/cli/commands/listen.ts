import { EarshotError } from '../../../shared/errors'
import { addListenQuery, loadSyncAccount } from '../../core/sync/accounts'
import { resolveDataDir } from '../data-dir'
import { EXIT, UsageError, openWriter, parseCommandArgs, type CliCommand } from '../support'

const USAGE = `Usage: earshot listen add <account-id> "<query>" [--data-dir DIR]

Adds a listening query to an X or Bluesky account: posts matching it (X recent search, Bluesky
searchPosts) arrive with its next sync.`

export const listenCommand: CliCommand = {
  name: 'listen',
  summary: 'Add an X or Bluesky listening query (search)',
  usage: USAGE,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('listen', argv, { 'data-dir': { type: 'string' } }, true)
    if (values.help) {
      console.log(USAGE)
      return EXIT.ok
    }
    const [sub, accountArg, query, ...extra] = positionals
    if (sub !== 'add') throw new UsageError(`listen: unknown subcommand "${sub ?? ''}" (add)`)
    if (!accountArg || !/^\d+$/.test(accountArg)) throw new UsageError('listen add: give the account id (see "earshot accounts list")')
    if (!query?.trim() || extra.length > 0) throw new UsageError('listen add: give exactly one query, in quotes')
    const core = openWriter(resolveDataDir(values['data-dir']))
    try {
      const account = loadSyncAccount(core.db, Number(accountArg))
      if (!account) throw new EarshotError('NOT_FOUND', `There is no account ${accountArg}.`)
      if (account.channel !== 'x' && account.channel !== 'bluesky') {
        throw new EarshotError(
          'INVALID',
          `Account ${accountArg} is a ${account.channel} account; listening queries are for X and Bluesky accounts.`,
        )
      }
      const id = addListenQuery(core.db, account.id, query.trim())
      console.log(`Listening query ${id} added to account ${account.id} (@${account.handle}): ${query.trim()}`)
      return EXIT.ok
    } finally {
      await core.close()
    }
  },
}
