import { openReader } from '../../core/index'
import type { Db } from '../../core/store/db'
import { resolveDataDir } from '../data-dir'
import { EXIT, cliVersion, parseCommandArgs, type CliCommand } from '../support'

const TABLES = ['workspaces', 'accounts', 'contacts', 'identities', 'conversations', 'messages', 'notes', 'tags', 'outbox'] as const

export interface Stats {
  dataDir: string
  tables: Record<(typeof TABLES)[number], number>
  messagesByChannel: Record<string, number>
  workspaces: { id: number; name: string; isDemo: boolean; messagesByChannel: Record<string, number> }[]
}

export function collectStats(db: Db, dataDir: string): Stats {
  const tables = {} as Stats['tables']
  // Table names come from the constant list above, never from input.
  for (const table of TABLES) tables[table] = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  const rows = db
    .prepare(
      `SELECT w.id, w.name, w.is_demo, a.channel, count(m.id) AS n
       FROM workspaces w LEFT JOIN accounts a ON a.workspace_id = w.id LEFT JOIN messages m ON m.account_id = a.id
       GROUP BY w.id, a.channel ORDER BY w.id, a.channel`,
    )
    .all() as { id: number; name: string; is_demo: number; channel: string | null; n: number }[]
  const messagesByChannel: Record<string, number> = {}
  const byWorkspace = new Map<number, Stats['workspaces'][number]>()
  for (const row of rows) {
    const ws = byWorkspace.get(row.id) ?? { id: row.id, name: row.name, isDemo: row.is_demo === 1, messagesByChannel: {} }
    byWorkspace.set(row.id, ws)
    if (row.channel === null) continue
    ws.messagesByChannel[row.channel] = (ws.messagesByChannel[row.channel] ?? 0) + row.n
    messagesByChannel[row.channel] = (messagesByChannel[row.channel] ?? 0) + row.n
  }
  return { dataDir, tables, messagesByChannel, workspaces: [...byWorkspace.values()] }
}

function printStats(stats: Stats): void {
  console.log(`Data directory: ${stats.dataDir}`)
  for (const [table, n] of Object.entries(stats.tables)) console.log(`  ${table.padEnd(14)} ${n.toLocaleString('en-US')}`)
  const channels = (m: Record<string, number>) => Object.entries(m).map(([c, n]) => `${c} ${n.toLocaleString('en-US')}`).join(', ') || 'no messages'
  console.log(`Messages per channel: ${channels(stats.messagesByChannel)}`)
  for (const ws of stats.workspaces) console.log(`  [${ws.id}] ${ws.name}${ws.isDemo ? ' (demo)' : ''}: ${channels(ws.messagesByChannel)}`)
}

export const statsCommand: CliCommand = {
  name: 'stats',
  summary: 'Count what is stored: rows per table, messages per channel and workspace',
  usage: 'Usage: earshot stats [--json] [--data-dir DIR]',
  async run(argv) {
    const { values } = parseCommandArgs('stats', argv, { json: { type: 'boolean' }, 'data-dir': { type: 'string' } }, false)
    if (values.help) {
      console.log(this.usage)
      return EXIT.ok
    }
    const dataDir = resolveDataDir(values['data-dir'])
    const core = openReader({ dataDir, host: 'web', version: cliVersion() })
    try {
      const stats = collectStats(core.db, dataDir)
      if (values.json) console.log(JSON.stringify(stats, null, 2))
      else printStats(stats)
      return EXIT.ok
    } finally {
      await core.close()
    }
  },
}
