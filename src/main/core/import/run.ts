import type { Db } from '../store/db'
import { availableParallelism } from 'node:os'
import { createParsePool, type ParsePool } from '../mail/parse-pool'
import { runParseJob, type ParseJob, type ParseOutcome } from '../mail/parse-job'
import { createImportBatcher } from './batch'
import { importAccount, type ImportOptions, type ImportResult, type ImportProgress } from './import'
import { countMessages, findSources, messageJobs } from './sources'
import { nextTurn } from '../next-turn'

/** How long this thread parses ahead before it takes in what the parse workers have finished. */
const TURN_MS = 2
/**
 * Jobs in flight per parse worker: a few hundred milliseconds of its work, so it keeps parsing
 * through this thread's commits (25 ms each) instead of waiting for the next jobs.
 */
const WINDOW_PER_WORKER = 256

/** Below this many messages, starting a parse thread costs more than it saves. */
const SMALL_IMPORT = 200

/**
 * Parse threads besides the import worker itself: one core stays with the host, one runs this
 * worker, and at least one parses. On 2 cores that one made the import 1.3× faster (1,560 →
 * 2,000 msg/s, the import benchmark on a lightly loaded machine) with the host's worst stall
 * unchanged (9–11 ms): the host is idle meanwhile, and this worker parses too whenever it would wait
 * (parseInOrder). Earlier, without the shortcuts in mail/simple-mail.ts, it gave no speed and
 * stalls of 88–200 ms; the benchmark's floorStallMs tells a loaded machine from a stalled host.
 */
export const defaultImportParsers = (): number => Math.max(1, availableParallelism() - 2)

/**
 * The import pipeline on the calling thread: find, parse (on parse workers), thread and commit in
 * order. It runs inside the import worker (import-worker.ts), never on the host's thread: its
 * threading and ingest are synchronous SQLite work that would stall the host's event loop.
 */
export async function runImport(db: Db, options: ImportOptions & { targetCommitMs?: number }): Promise<ImportResult> {
  const account = importAccount(db, options.workspaceId, options.ownAddresses)
  const found = findSources(options.paths)
  const progress: ImportProgress = { done: 0, total: await countMessages(found), quarantined: 0 }
  const batcher = createImportBatcher(db, {
    accountId: account.id,
    workspaceId: options.workspaceId,
    own: account.own,
    progress,
    onProgress: options.onProgress,
    ...(options.targetCommitMs === undefined ? {} : { targetCommitMs: options.targetCommitMs }),
  })
  const pool = createParsePool(progress.total < SMALL_IMPORT ? 0 : (options.workers ?? defaultImportParsers()))
  let parsedByWorkers = 0
  try {
    const context = { dataDir: options.dataDir, own: [...account.own] }
    parsedByWorkers = await parseInOrder(pool, messageJobs(found), context, options.signal, (outcome) =>
      batcher.take(outcome),
    )
    await batcher.flush()
  } finally {
    await pool.close()
  }
  return { ...progress, accountId: account.id, inserted: batcher.inserted(), parsedByWorkers, commits: batcher.stats }
}

/**
 * Keeps every worker busy (a window of jobs in flight) while handing results on in input order
 * (returns how many the workers parsed):
 * threading needs a thread's earlier mails before its later ones, as they appear in the mailbox.
 * When the next result in line is not ready, this thread parses a message itself rather than wait.
 * Which side is slower (parsing with its mood reading, or the store) depends on the machine; on 2
 * cores this thread had waited a quarter of the time for the parse thread.
 */
async function parseInOrder(
  pool: ParsePool,
  jobs: AsyncIterable<{ source: string } & ({ file: string } | { raw: Buffer; receivedAt: number })>,
  context: { dataDir: string; own: readonly string[] },
  signal: AbortSignal | undefined,
  take: (outcome: ParseOutcome) => void | Promise<void>,
): Promise<number> {
  const window = Math.max(8, pool.size * WINDOW_PER_WORKER)
  const inFlight: Parsing[] = []
  let atPool = 0
  let parsedByWorkers = 0
  const source = jobs[Symbol.asyncIterator]()
  let exhausted = false
  const nextJob = async (): Promise<ParseJob | null> => {
    const next = exhausted ? null : await source.next()
    if (!next || next.done) {
      exhausted = true
      return null
    }
    // Object.assign: two object spreads cost V8's slow path, per mail.
    return Object.assign({}, next.value, context)
  }
  let turnStart = performance.now()
  for (;;) {
    signal?.throwIfAborted()
    // The workers' share never shrinks for what this thread parses: their window stays full. A
    // worker still starting gets nothing yet, or this thread would wait for it with work at hand.
    while (atPool < window && pool.ready()) {
      const job = await nextJob()
      if (!job) break
      inFlight.push(track(pool.parse(job), true))
      atPool++
    }
    const head = inFlight[0]
    if (!head || (head.atPool && !head.settled && inFlight.length < 2 * window)) {
      const job = await nextJob()
      if (job) {
        inFlight.push(track(runParseJob(job), false))
        // The workers' results come in as messages: without a turn of the event loop they would
        // wait, and the workers with them, until this thread had parsed a window's worth itself.
        if (performance.now() - turnStart > TURN_MS) {
          await nextTurn()
          turnStart = performance.now()
        }
        continue
      }
      if (!head) return parsedByWorkers
    }
    inFlight.shift()
    if (head.atPool) {
      atPool--
      parsedByWorkers++
    }
    await take(await head.outcome)
  }
}

interface Parsing {
  outcome: Promise<ParseOutcome>
  settled: boolean
  atPool: boolean
}

function track(outcome: Promise<ParseOutcome>, atPool: boolean): Parsing {
  const parsing = { outcome, settled: false, atPool }
  // Awaited in order; the rejection handler also keeps an abort from leaving the rest unhandled.
  const settle = () => void (parsing.settled = true)
  outcome.then(settle, settle)
  return parsing
}
