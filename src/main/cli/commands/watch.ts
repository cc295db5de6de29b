import type { WatchedFeed } from '../../../shared/contract'
import type { Workspace } from '../../../shared/domain'
import { openReader, type Core } from '../../core/index'
import { resolveDataDir } from '../data-dir'
import {
  EXIT,
  UsageError,
  cliVersion,
  openWriter,
  parseCommandArgs,
  positiveInt,
  resolveWorkspace,
  targetWorkspace,
  unwrap,
  type CliCommand,
} from '../support'

const USAGE = `Usage: earshot watch <add|list|remove|check> [options]

  earshot watch add <feed-url> [--keyword K]…   watch an RSS or Atom feed: entries naming a keyword
                                                 (all entries without one) become mentions
  earshot watch list [--json]                    the watched feeds: id, workspace, state, address,
                                                 keywords, last check, last error
  earshot watch remove <feed-id>                 stop watching (the mentions found stay)
  earshot watch check                            check every feed now; exit 1 if one failed

Options:
  --workspace W    workspace name or id (add: default the only non-demo workspace, or a new
                   "Web watch"; list and check: default every workspace)
  --data-dir DIR   the data directory (default: the desktop app's)

The running app checks each feed every 15 minutes, asking the site only for what changed.`

export const WATCH_WORKSPACE_NAME = 'Web watch'

const line = (feed: WatchedFeed, workspace: string) =>
  [
    feed.id,
    workspace,
    feed.state,
    feed.url,
    feed.keywords.length ? feed.keywords.join(', ') : '(every entry)',
    feed.lastCheckedAt === null ? 'never checked' : new Date(feed.lastCheckedAt).toISOString(),
    feed.lastError ?? '',
  ]
    .join('\t')
    .trimEnd()

async function workspacesOf(core: Core, given: string | undefined): Promise<Workspace[]> {
  const named = await resolveWorkspace(core, given)
  return named ? [named] : unwrap<Workspace[]>(await core.invoke('workspaces:list', {}))
}

async function add(
  positionals: string[],
  values: { workspace?: string | undefined; keyword?: string[] | undefined; 'data-dir'?: string | undefined },
) {
  const [url, ...extra] = positionals
  if (!url || extra.length > 0) throw new UsageError('watch add: give exactly one feed address')
  const core = openWriter(resolveDataDir(values['data-dir']))
  try {
    const workspace = await targetWorkspace(core, 'watch add', values.workspace, WATCH_WORKSPACE_NAME)
    const feed = unwrap<WatchedFeed>(
      await core.invoke('watch:add', { workspaceId: workspace.id, url, keywords: values.keyword ?? [] }),
    )
    const what = feed.keywords.length
      ? `entries naming ${feed.keywords.map((k) => `"${k}"`).join(' or ')}`
      : 'every entry'
    console.log(
      `Feed ${feed.id} added to "${workspace.name}": ${feed.url} (${what}). The app checks it while it runs; "earshot watch check" checks now.`,
    )
    return EXIT.ok
  } finally {
    await core.close()
  }
}

async function list(values: {
  workspace?: string | undefined
  json?: boolean | undefined
  'data-dir'?: string | undefined
}) {
  // A read: no lock, so it works while the app runs.
  const core = openReader({ dataDir: resolveDataDir(values['data-dir']), host: 'web', version: cliVersion() })
  try {
    const feeds: { feed: WatchedFeed; workspace: string }[] = []
    for (const w of await workspacesOf(core, values.workspace)) {
      for (const feed of unwrap<WatchedFeed[]>(await core.invoke('watch:list', { workspaceId: w.id })))
        feeds.push({ feed, workspace: w.name })
    }
    if (values.json)
      console.log(
        JSON.stringify(
          feeds.map(({ feed, workspace }) => ({ ...feed, workspace })),
          null,
          2,
        ),
      )
    else if (feeds.length === 0) console.log('No feeds are watched. Add one with "earshot watch add <feed-url>".')
    else for (const { feed, workspace } of feeds) console.log(line(feed, workspace))
    return EXIT.ok
  } finally {
    await core.close()
  }
}

async function remove(positionals: string[], dataDir: string | undefined) {
  const [id, ...extra] = positionals
  const feedId = positiveInt('watch remove', 'feed-id', id)
  if (feedId === undefined || extra.length > 0)
    throw new UsageError('watch remove: give one feed id (see "earshot watch list")')
  const core = openWriter(resolveDataDir(dataDir))
  try {
    unwrap(await core.invoke('watch:remove', { feedId }))
    console.log(`Feed ${feedId} is no longer watched; the mentions it found stay.`)
    return EXIT.ok
  } finally {
    await core.close()
  }
}

async function check(values: { workspace?: string | undefined; 'data-dir'?: string | undefined }) {
  const core = openWriter(resolveDataDir(values['data-dir']))
  try {
    let failed = false
    for (const w of await workspacesOf(core, values.workspace)) {
      for (const feed of unwrap<WatchedFeed[]>(await core.invoke('watch:check', { workspaceId: w.id }))) {
        failed ||= feed.state === 'error'
        console.log(line(feed, w.name))
      }
    }
    return failed ? EXIT.runtime : EXIT.ok
  } finally {
    await core.close()
  }
}

export const watchCommand: CliCommand = {
  name: 'watch',
  summary: 'Watch RSS/Atom feeds (blogs, review sites) for mentions',
  usage: USAGE,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      'watch',
      argv,
      {
        keyword: { type: 'string', multiple: true },
        workspace: { type: 'string' },
        json: { type: 'boolean' },
        'data-dir': { type: 'string' },
      },
      true,
    )
    const [sub, ...rest] = positionals
    if (values.help || sub === undefined) {
      console.log(USAGE)
      return values.help ? EXIT.ok : EXIT.usage
    }
    if (sub === 'add') return add(rest, values)
    if (sub === 'list') return list(values)
    if (sub === 'remove') return remove(rest, values['data-dir'])
    if (sub === 'check') return check(values)
    throw new UsageError(`watch: unknown subcommand "${sub}" (add, list, remove, check)`)
  },
}
