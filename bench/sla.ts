import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { InboxFilter, InboxSort } from '../src/shared/contract'
import { generateDemo } from '../src/main/core/demo'
import { SETTLE_CHUNK, settleClocks } from '../src/main/core/insight/clocks'
import { FRESH_MS, raiseAlerts } from '../src/main/core/insight/sla-alerts'
import { policyClock } from '../src/main/core/insight/sla-policy'
import { startWalCheckpointer } from '../src/main/core/store/checkpointer'
import { openDatabase, type Db } from '../src/main/core/store/db'
import { markWorkspaceClocks, silenceCrossingsBefore } from '../src/main/core/store/repos/clocks'
import { listInbox } from '../src/main/core/store/repos/conversations'
import { getPolicy, savePolicy } from '../src/main/core/store/repos/policies'
import { fmt, percentile, printTable, timeMs } from './stats'

/**
 * Service-level benchmark (issue #6): builds the demo at `--scale` (40 ≈ 1,000,000 messages) through
 * the real ingest path, then measures settling every clock (first start after an upgrade), a policy
 * change, the inbox sorted and filtered by clock, one alert tick, and the business-time arithmetic.
 */
export default async function slaBench(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { scale: { type: 'string', default: '40' }, keep: { type: 'boolean' } },
  })
  const dir = path.join(import.meta.dirname, '.data', 'sla')
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  const db = openDatabase(path.join(dir, 'earshot.db'))
  const checkpointer = startWalCheckpointer(db)

  console.log(`Building the demo at scale ${values.scale} …`)
  const now = Date.now()
  const demo = generateDemo(db, { scale: Number(values.scale), seed: 2010, now })
  const conversations = db.prepare('SELECT count(*) FROM conversations').pluck().get() as number
  console.log(
    `${fmt(demo.messages, 0)} messages in ${fmt(conversations, 0)} conversations; ingest ${fmt(demo.messages / (demo.ingestMs / 1000), 0)} messages/s\n`,
  )

  const firstSettle = settleEverything(db)
  const workspaceId = db
    .prepare('SELECT workspace_id FROM conversations GROUP BY workspace_id ORDER BY count(*) DESC LIMIT 1')
    .pluck()
    .get() as number
  const policyChange = changePolicy(db, workspaceId)
  const inbox = measureInbox(db, workspaceId)
  const catchUp = alertCatchUp(db)
  const tick = percentile(
    Array.from({ length: 20 }, () => timeMs(() => raiseAlerts(db, Date.now()))),
    50,
  )
  const arithmetic = measureArithmetic(db, workspaceId, now)

  await checkpointer.stop()
  db.close()
  const summary = {
    messages: demo.messages,
    conversations,
    settleAllClocksPerSecond: Math.round(firstSettle.rate),
    settleWorstChunkMs: Number(firstSettle.worstChunkMs.toFixed(1)),
    policyChangeMs: Math.round(policyChange),
    ...inbox,
    alertCatchUpWorstStepMs: Number(catchUp.toFixed(2)),
    alertTickMs: Number(tick.toFixed(3)),
    dueTimesPerSecond: Math.round(arithmetic),
  }
  console.log('\nSummary (worst chunk or step = the longest the host waits while a backlog is settled)')
  printTable(Object.entries(summary).map(([figure, value]) => ({ figure, value: fmt(value) })))
  console.log(`\nJSON ${JSON.stringify(summary)}`)
  if (!values.keep) fs.rmSync(dir, { recursive: true, force: true })
}

/** The ticker's first look after an upgrade: old crossings recorded in steps, then the fresh ones announced. */
function alertCatchUp(db: Db): number {
  const now = Date.now()
  let worst = 0
  let n = SETTLE_CHUNK
  while (n === SETTLE_CHUNK)
    worst = Math.max(
      worst,
      timeMs(() => (n = silenceCrossingsBefore(db, now - FRESH_MS, SETTLE_CHUNK))),
    )
  return Math.max(
    worst,
    timeMs(() => raiseAlerts(db, now)),
  )
}

/** Settles every clock the way the ticker does after an upgrade: chunk by chunk. */
function settleEverything(db: Db): { rate: number; worstChunkMs: number } {
  let settled = 0
  let worst = 0
  const total = timeMs(() => {
    for (;;) {
      let n = 0
      worst = Math.max(
        worst,
        timeMs(() => (n = settleClocks(db))),
      )
      settled += n
      if (n === 0) break
    }
  })
  console.log(`Settled ${fmt(settled, 0)} clocks in ${fmt(total, 0)} ms; worst chunk ${fmt(worst, 1)} ms`)
  return { rate: settled / (total / 1000), worstChunkMs: worst }
}

function changePolicy(db: Db, workspaceId: number): number {
  const policy = getPolicy(db, workspaceId)
  return timeMs(() => {
    db.transaction(() => {
      savePolicy(db, workspaceId, { ...policy, firstReplyMinutes: policy.firstReplyMinutes + 30 })
      markWorkspaceClocks(db, workspaceId)
    })()
    while (settleClocks(db, { workspaceId }) > 0);
  })
}

/** First pages and pages deep into the list (keyset), for each order and clock filter the inbox offers. */
function measureInbox(db: Db, workspaceId: number): Record<string, number> {
  const cases: { name: string; sort: InboxSort; filter: InboxFilter }[] = [
    { name: 'newest', sort: 'newest', filter: { status: 'open' } },
    { name: 'byDue', sort: 'due', filter: { status: 'open' } },
    { name: 'byPriority', sort: 'priority', filter: { status: 'open' } },
    { name: 'overdueNewest', sort: 'newest', filter: { status: 'open', sla: 'overdue' } },
    { name: 'overdueByDue', sort: 'due', filter: { status: 'open', sla: 'overdue' } },
    { name: 'dueSoonByDue', sort: 'due', filter: { status: 'open', sla: 'due-soon' } },
    { name: 'byDueAllStatuses', sort: 'due', filter: {} },
  ]
  const figures: Record<string, number> = {}
  const rows = cases.map(({ name, sort, filter }) => {
    const cursors: (string | undefined)[] = [undefined]
    let page = listInbox(db, { workspaceId, filter, sort, limit: 100 })
    for (let i = 0; i < 30 && page.next; i++) {
      cursors.push(page.next)
      page = listInbox(db, { workspaceId, filter, sort, limit: 100, after: page.next })
    }
    const samples = Array.from({ length: 60 }, (_, i) => {
      const after = cursors[i % cursors.length]
      return timeMs(() => listInbox(db, { workspaceId, filter, sort, limit: 100, ...(after ? { after } : {}) }))
    })
    figures[`inbox${name[0]!.toUpperCase()}${name.slice(1)}P95Ms`] = Number(percentile(samples, 95).toFixed(2))
    return {
      order: name,
      pages: cursors.length,
      'p50 ms': fmt(percentile(samples, 50), 2),
      'p95 ms': fmt(percentile(samples, 95), 2),
    }
  })
  console.log('\nInbox pages of 100 (up to 31 pages deep, keyset)')
  printTable(rows)
  return figures
}

/** Due times computed per second with a warm calendar (the demo policy: shop hours and real-time care). */
function measureArithmetic(db: Db, workspaceId: number, now: number): number {
  const calendar = policyClock(getPolicy(db, workspaceId)).calendarFor('email')
  const count = 200_000
  const ms = timeMs(() => {
    for (let i = 0; i < count; i++) calendar.addMs(now - ((i * 7_919_000) % (90 * 86_400_000)), 3 * 3_600_000)
  })
  return count / (ms / 1000)
}
