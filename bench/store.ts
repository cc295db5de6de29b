import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { generateDemo } from '../src/main/core/demo'
import { startWalCheckpointer } from '../src/main/core/store/checkpointer'
import { openDatabase, type Db } from '../src/main/core/store/db'
import { listTimeline } from '../src/main/core/store/repos/contacts'
import { search } from '../src/main/core/store/repos/search'
import { fmt, medianOfRuns, percentile, printTable, timeMs } from './stats'

/**
 * Store benchmark (issue #2): builds a ~1,000,000-message workspace with the demo generator through
 * the real ingest path (full-text index included), then measures search and timeline queries.
 */
export default async function storeBench(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { scale: { type: 'string', default: '40' }, keep: { type: 'boolean' } } })
  const dir = path.join(import.meta.dirname, '.data', 'store')
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, 'earshot.db')
  const db = openDatabase(file)
  // As the app runs it: checkpoints on their own thread (src/main/core/store/checkpointer.ts).
  const checkpointer = startWalCheckpointer(db)

  console.log(`Building the demo at scale ${values.scale} in ${file} …`)
  const started = process.hrtime.bigint()
  const demo = generateDemo(db, { scale: Number(values.scale), seed: 2010 })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const buildRate = demo.messages / seconds
  const ingestRate = demo.messages / (demo.ingestMs / 1000)
  console.log(
    `Built ${fmt(demo.messages, 0)} messages and ${fmt(demo.contacts, 0)} contacts in ${fmt(seconds)} s ` +
      `(${fmt(buildRate, 0)} messages/s end to end, text generation included); ` +
      `the store ingested them, full-text index included, in ${fmt(demo.ingestMs / 1000)} s: ${fmt(ingestRate, 0)} messages/s\n`,
  )

  const searchFigures = measureSearch(db)
  const timeline = measureTimeline(db, demo.heavyContactId)
  await checkpointer.stop()
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  const sizeMb = fs.statSync(file).size / 2 ** 20

  const summary = {
    messages: demo.messages,
    ingestMessagesPerSecond: Math.round(ingestRate),
    buildMessagesPerSecond: Math.round(buildRate),
    searchNewestP50Ms: searchFigures.newestP50,
    searchNewestP95Ms: searchFigures.newestP95,
    searchRankedP50Ms: searchFigures.rankedP50,
    searchRankedP95Ms: searchFigures.rankedP95,
    timelineEvents: timeline.events,
    timelineP95Ms: timeline.p95,
    databaseMb: Number(sizeMb.toFixed(1)),
  }
  console.log('\nSummary (targets: search p95 ≤ 10 ms, timeline p95 ≤ 5 ms, ingest ≥ 20,000 messages/s)')
  printTable(Object.entries(summary).map(([figure, value]) => ({ figure, value: fmt(value) })))
  console.log(`\nJSON ${JSON.stringify(summary)}`)
  if (!values.keep) fs.rmSync(dir, { recursive: true, force: true })
}

/**
 * Twenty query terms spread on a log scale from the rarest to the most common indexed term, read from
 * the index itself, so "rare" and "very common" are facts of this data set and not guesses.
 */
function pickTerms(db: Db, count = 20): { term: string; docs: number }[] {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, 'messages_fts', 'row')`)
  const terms = db
    .prepare(`SELECT term, doc AS docs FROM temp.vocab WHERE length(term) >= 4 AND term GLOB '[a-z]*' ORDER BY doc`)
    .all() as { term: string; docs: number }[]
  const minLog = Math.log(Math.max(1, terms[0]!.docs))
  const maxLog = Math.log(terms.at(-1)!.docs)
  const picked = new Map<string, { term: string; docs: number }>()
  for (let i = 0; i < count; i++) {
    const target = Math.exp(minLog + ((maxLog - minLog) * i) / (count - 1))
    const found = terms.find((t) => t.docs >= target && !picked.has(t.term)) ?? terms.at(-1 - i)!
    picked.set(found.term, found)
  }
  return [...picked.values()]
}

function measureSearch(db: Db) {
  const total = db.prepare('SELECT count(*) FROM messages').pluck().get() as number
  const workspaceId = db
    .prepare('SELECT workspace_id FROM messages GROUP BY workspace_id ORDER BY count(*) DESC LIMIT 1')
    .pluck()
    .get() as number
  const rows = pickTerms(db).map(({ term, docs }) => {
    const newest = medianOfRuns(() => search(db, { workspaceId, query: term, order: 'newest', limit: 50 }))
    const ranked = medianOfRuns(() => search(db, { workspaceId, query: term, order: 'relevance', limit: 50 }))
    return { term, docs, share: docs / total, newest, ranked }
  })
  printTable(
    rows.map((r) => ({
      term: r.term,
      'messages containing': fmt(r.docs, 0),
      share: `${fmt(r.share * 100, 3)} %`,
      'newest top-50 ms': fmt(r.newest, 3),
      'ranked top-50 ms': fmt(r.ranked, 3),
    })),
  )
  const newest = rows.map((r) => r.newest)
  const ranked = rows.map((r) => r.ranked)
  return {
    newestP50: percentile(newest, 50),
    newestP95: percentile(newest, 95),
    rankedP50: percentile(ranked, 50),
    rankedP95: percentile(ranked, 95),
  }
}

/** Timeline pages (50 events) at random depths of the heaviest contact's history. */
function measureTimeline(db: Db, contactId: number) {
  const events = db.prepare('SELECT count(*) FROM messages WHERE contact_id = ?').pluck().get(contactId) as number
  const cursors: (string | undefined)[] = [undefined]
  for (let page = listTimeline(db, { contactId, limit: 50 }); page.next; page = listTimeline(db, { contactId, limit: 50, before: page.next })) {
    cursors.push(page.next)
  }
  const samples = Array.from({ length: 300 }, (_, i) => {
    const before = cursors[(i * 7919) % cursors.length]
    return timeMs(() => listTimeline(db, { contactId, limit: 50, ...(before ? { before } : {}) }))
  })
  const p95 = percentile(samples, 95)
  console.log(`\nTimeline of contact ${contactId} (${fmt(events, 0)} events, ${cursors.length} pages): p50 ${fmt(percentile(samples, 50), 3)} ms, p95 ${fmt(p95, 3)} ms`)
  return { events, p95 }
}
