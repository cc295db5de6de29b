import { openReader } from '../../core/index'
import { SearchOrder } from '../../../shared/contract'
import type { SearchResult } from '../../../shared/domain'
import { resolveDataDir } from '../data-dir'
import { EXIT, UsageError, cliVersion, parseCommandArgs, positiveInt, resolveWorkspace, unwrap, type CliCommand } from '../support'

const USAGE = `Usage: earshot search <query> [options]

Options:
  --workspace W   search one workspace (name or id); default: all
  --limit N       at most N messages (1-200, default 50)
  --order O       newest (default) or relevance
  --json          print the result as JSON
  --data-dir DIR  the data directory (default: the desktop app's)`

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim()

function printResult(result: SearchResult): void {
  if (result.messages.length === 0 && result.contacts.length === 0) {
    console.log('No matches.')
    return
  }
  for (const hit of result.messages) {
    const date = new Date(hit.sentAt).toISOString().slice(0, 16).replace('T', ' ')
    console.log(`${date}  ${hit.channel.padEnd(8)}  ${oneLine(hit.authorName)}: ${oneLine(hit.snippet)}`)
  }
  if (result.contacts.length > 0) {
    console.log(`\nContacts (${result.contacts.length}):`)
    for (const c of result.contacts) {
      const handles = c.handles.length > 0 ? ` (${c.handles.join(', ')})` : ''
      console.log(`  ${c.displayName}${handles}${c.reach > 0 ? `, reach ${c.reach.toLocaleString('en-US')}` : ''}`)
    }
  }
}

export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'Search messages and contacts (full text)',
  usage: USAGE,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      'search',
      argv,
      { workspace: { type: 'string' }, json: { type: 'boolean' }, limit: { type: 'string' }, order: { type: 'string' }, 'data-dir': { type: 'string' } },
      true,
    )
    if (values.help) {
      console.log(USAGE)
      return EXIT.ok
    }
    const query = positionals.join(' ').trim()
    if (!query) throw new UsageError('search: a query is required, e.g. earshot search "Bestellung"')
    const order = SearchOrder.safeParse(values.order ?? 'newest')
    if (!order.success) throw new UsageError(`search: --order must be newest or relevance, not "${values.order}"`)
    const limit = positiveInt('search', 'limit', values.limit)
    if (limit !== undefined && limit > 200) throw new UsageError('search: --limit must be at most 200')
    const core = openReader({ dataDir: resolveDataDir(values['data-dir']), host: 'web', version: cliVersion() })
    try {
      const workspace = await resolveWorkspace(core, values.workspace)
      const result = unwrap<SearchResult>(await core.invoke('search:query', { query, order: order.data, limit, workspaceId: workspace?.id }))
      if (values.json) console.log(JSON.stringify(result, null, 2))
      else printResult(result)
      return EXIT.ok
    } finally {
      await core.close()
    }
  },
}
