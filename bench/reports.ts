import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { generateDemo } from '../src/main/core/demo'
import { settleAllClocks } from '../src/main/core/insight/clocks'
import { buildReport } from '../src/main/core/insight/reports'
import { topComplainers } from '../src/main/core/insight/reports/complainers'
import { firstReplyTimes } from '../src/main/core/insight/reports/first-reply'
import { busiestHours } from '../src/main/core/insight/reports/heatmap'
import { outcomesByChannel } from '../src/main/core/insight/reports/outcomes'
import { productFeedback } from '../src/main/core/insight/reports/product-feedback'
import { localToday } from '../src/main/core/insight/reports/range'
import { foldChunk } from '../src/main/core/insight/reports/rollup'
import { salesByChannel } from '../src/main/core/insight/reports/sales'
import { reportScope, type ReportScope } from '../src/main/core/insight/reports/scope'
import { sentimentByDay } from '../src/main/core/insight/reports/sentiment'
import { unsettledConversations } from '../src/main/core/insight/reports/unsettled'
import { volumeByChannelAndDay } from '../src/main/core/insight/reports/volume'
import { answeredWithinTarget } from '../src/main/core/insight/reports/within-target'
import { startWalCheckpointer } from '../src/main/core/store/checkpointer'
import { openDatabase, type Db } from '../src/main/core/store/db'
import { getPolicy } from '../src/main/core/store/repos/policies'
import { fmt, percentile, printTable, timeMs } from './stats'

const SEED = 2010
const DAY_MS = 86_400_000

interface Cached {
  scale: number
  seed: number
  now: number
  messages: number
}

/**
 * Report benchmark (issue #6): the demo at `--scale` (40 ≈ 1,000,000 messages, the bakery holding about
 * half) built once through the real ingest path and cached under bench/.data/reports, with clocks settled
 * and some outcomes, sales and product feedback set by hand. Prints folding the whole history into the
 * rollup, then each report query's p50/p95 over the last 30 days, the last year and the whole history.
 */
export default async function reportsBench(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      scale: { type: 'string', default: '40' },
      rebuild: { type: 'boolean' },
      runs: { type: 'string', default: '20' },
    },
  })
  const scale = Number(values.scale)
  const dir = path.join(import.meta.dirname, '.data', 'reports', `scale-${scale}`)
  const cached = await benchStore(dir, scale, values.rebuild ?? false)
  const db = openDatabase(path.join(dir, 'earshot.db'))
  const workspace = db
    .prepare(
      'SELECT workspace_id AS id, count(*) AS messages FROM messages GROUP BY workspace_id ORDER BY messages DESC LIMIT 1',
    )
    .get() as { id: number; messages: number }
  console.log(
    `${fmt(cached.messages, 0)} messages; the report covers the largest workspace: ${fmt(workspace.messages, 0)} messages\n`,
  )

  const fold = foldFromScratch(db)
  const today = localToday(getPolicy(db, workspace.id).timeZone, cached.now)
  const ranges = { '30 days': 30, '365 days': 365, history: 560 }
  const runs = Number(values.runs)
  const summary: Record<string, number> = {
    messages: cached.messages,
    workspaceMessages: workspace.messages,
    foldMessagesPerSecond: Math.round(fold.rate),
    foldWorstChunkMs: Number(fold.worstChunkMs.toFixed(1)),
  }
  const rows = Object.entries(ranges).flatMap(([label, days]) => {
    const from = new Date(Date.parse(today) - (days - 1) * DAY_MS).toISOString().slice(0, 10)
    const given = { from, to: today }
    const figures = measureFigures(db, workspace.id, given, cached.now, runs)
    return Object.entries(figures).map(([figure, samples]) => {
      const p50 = percentile(samples, 50)
      const p95 = percentile(samples, 95)
      summary[`${figure}${label === 'history' ? 'History' : days}P95Ms`] = Number(p95.toFixed(2))
      return { range: label, query: figure, 'p50 ms': fmt(p50, 2), 'p95 ms': fmt(p95, 2) }
    })
  })
  db.close()
  console.log(`\nReport queries, ${runs} runs each (target: each ≤ 200 ms at 1,000,000 messages)`)
  printTable(rows)
  console.log(`\nJSON ${JSON.stringify(summary)}`)
}

/** The demo at `scale`, built once and kept; clocks settled and hand-made outcomes added as a shop would have them. */
async function benchStore(dir: string, scale: number, rebuild: boolean): Promise<Cached> {
  const metaFile = path.join(dir, 'bench.json')
  if (!rebuild && fs.existsSync(metaFile)) return JSON.parse(fs.readFileSync(metaFile, 'utf8')) as Cached
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  const db = openDatabase(path.join(dir, 'earshot.db'))
  const checkpointer = startWalCheckpointer(db)
  console.log(`Building the demo at scale ${scale} in ${dir} (cached for later runs) …`)
  const now = Date.now()
  const demo = generateDemo(db, { scale, seed: SEED, now })
  console.log(`Built ${fmt(demo.messages, 0)} messages; settling every clock …`)
  settleAllClocks(db)
  addHandMadeOutcomes(db, now)
  await checkpointer.stop()
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  const cached: Cached = { scale, seed: SEED, now, messages: demo.messages }
  fs.writeFileSync(metaFile, JSON.stringify(cached))
  return cached
}

/** One conversation in 100 sent elsewhere, one in 300 tagged as product feedback, one contact in 200 with a sales outcome. */
function addHandMadeOutcomes(db: Db, now: number): void {
  db.transaction(() => {
    db.exec(`INSERT INTO conversation_outcomes (conversation_id, workspace_id, outcome, redirected_to, set_at, set_by)
             SELECT id, workspace_id, 'redirected', CASE id % 3 WHEN 0 THEN 'hotline' WHEN 1 THEN 'email' ELSE 'other' END, last_message_at, 'Bench'
             FROM conversations WHERE id % 100 = 7`)
    db.exec(`INSERT OR IGNORE INTO tags (workspace_id, name) SELECT id, 'Produktfeedback' FROM workspaces`)
    db.exec(`INSERT OR IGNORE INTO conversation_tags (conversation_id, tag_id)
             SELECT c.id, t.id FROM conversations c JOIN tags t ON t.workspace_id = c.workspace_id AND t.name = 'Produktfeedback'
             WHERE c.id % 300 = 11`)
    db.prepare(
      `INSERT INTO contact_outcomes (contact_id, kind, value_minor, currency, set_at)
       SELECT id, CASE id % 4 WHEN 0 THEN 'sale' WHEN 1 THEN 'lead' WHEN 2 THEN 'saved' ELSE 'lost' END,
              CASE WHEN id % 4 = 0 THEN (id % 50) * 1000 + 990 END, CASE WHEN id % 4 = 0 THEN 'EUR' END, ? - (id % 500) * 86400000
       FROM contacts WHERE id % 200 = 3 AND merged_into_id IS NULL`,
    ).run(now)
  })()
}

/** Folds every message into the rollup again, as the first start after the upgrade does: its rate and its longest chunk. */
function foldFromScratch(db: Db): { rate: number; worstChunkMs: number } {
  db.exec('DELETE FROM report_hours; DELETE FROM report_rollup')
  const workspaces = db.prepare('SELECT id FROM workspaces').pluck().all() as number[]
  let folded = 0
  let worst = 0
  const total = timeMs(() => {
    for (const workspaceId of workspaces) {
      for (;;) {
        let n = 0
        worst = Math.max(
          worst,
          timeMs(() => (n = foldChunk(db, workspaceId))),
        )
        folded += n
        if (n === 0) break
      }
    }
  })
  console.log(
    `Folded ${fmt(folded, 0)} messages into the rollup in ${fmt(total, 0)} ms; longest chunk ${fmt(worst, 1)} ms`,
  )
  return { rate: folded / (total / 1000), worstChunkMs: worst }
}

/** Each query of one report on its own, and the whole report as report:get builds it. */
function measureFigures(db: Db, workspaceId: number, given: { from: string; to: string }, now: number, runs: number) {
  const scope: ReportScope = reportScope(db, workspaceId, given, now)
  const unsettled = unsettledConversations(db, scope)
  const queries: Record<string, () => unknown> = {
    scope: () => reportScope(db, workspaceId, given, now),
    volume: () => volumeByChannelAndDay(db, scope),
    firstReply: () => firstReplyTimes(db, scope, unsettled),
    withinTarget: () => answeredWithinTarget(db, scope, unsettled),
    outcomes: () => outcomesByChannel(db, scope),
    sentiment: () => sentimentByDay(db, scope),
    heatmap: () => busiestHours(db, scope),
    complainers: () => topComplainers(db, scope),
    sales: () => salesByChannel(db, scope),
    productFeedback: () => productFeedback(db, scope),
    wholeReport: () => buildReport(db, workspaceId, given, now),
  }
  return Object.fromEntries(
    Object.entries(queries).map(([name, query]) => {
      query()
      return [name, Array.from({ length: runs }, () => timeMs(query))]
    }),
  )
}
