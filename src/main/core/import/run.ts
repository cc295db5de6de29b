import type { Db } from '../store/db'
import type { ParsePool } from '../mail/parse-pool'
import { runParseJob, type ParseJob, type ParseOutcome } from '../mail/parse-job'
import { createImportBatcher } from './batch'
import { importAccount, type ImportOptions, type ImportResult, type ImportProgress } from './import'
import { messageJobs, type Found } from './sources'

/**
 * Jobs in flight per parse worker: a few hundred milliseconds of its work, so it keeps parsing
 * through this thread's commits (25 ms each) instead of waiting for the next jobs.
 */
const WINDOW_PER_WORKER = 256

/**
 * What the import worker has done before it loaded this module (import-worker.ts): found the
 * messages, counted them, and started the parse workers, which load their code meanwhile.
 */
export interface ImportStart {
  found: readonly Found[]
  total: number
  pool: ParsePool
}

/**
 * The import pipeline on the calling thread: parse (on the parse workers), thread and commit in
 * order. It runs inside the import worker (import-worker.ts), never on the host's thread: its
 * threading and ingest are synchronous SQLite work that would stall the host's event loop.
 */
export async function runImport(
  db: Db,
  options: ImportOptions & { targetCommitMs?: number },
  start: ImportStart,
): Promise<ImportResult> {
  const account = importAccount(db, options.workspaceId, options.ownAddresses)
  const progress: ImportProgress = { done: 0, total: start.total, quarantined: 0 }
  const batcher = createImportBatcher(db, {
    accountId: account.id,
    workspaceId: options.workspaceId,
    own: account.own,
    progress,
    onProgress: options.onProgress,
    ...(options.targetCommitMs === undefined ? {} : { targetCommitMs: options.targetCommitMs }),
  })
  const context = { dataDir: options.dataDir, own: [...account.own] }
  const parsedByWorkers = await parseInOrder(start.pool, messageJobs(start.found), context, options.signal, (outcome) =>
    batcher.take(outcome),
  )
  await batcher.flush()
  return { ...progress, accountId: account.id, inserted: batcher.inserted(), parsedByWorkers, commits: batcher.stats }
}

/**
 * Keeps every worker busy (a window of jobs in flight) while handing results on in input order
 * (returns how many the workers parsed): threading needs a thread's earlier mails before its later
 * ones, as they appear in the mailbox.
 *
 * This thread parses a message itself only while no worker is ready: a small import, the first
 * fraction of a second while the workers load, or a worker that cannot start. Once one is, it waits
 * for the next result in line rather than parse: on 2 cores the thread that stores is the import's
 * critical path, and parsing here also made its V8 compile the parser a second time. Measured on
 * the benchmark's 20,000 mails (2 vCPUs, with the workers started first, see import-worker.ts):
 * 3–7 % less CPU and about 3 % less time than parsing here whenever the next result was late.
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
  for (;;) {
    signal?.throwIfAborted()
    while (atPool < window && pool.ready()) {
      const job = await nextJob()
      if (!job) break
      inFlight.push(track(pool.parse(job), true))
      atPool++
    }
    const head = inFlight[0]
    if (!head) {
      // Nothing in flight: no worker is ready, or the jobs are done.
      const job = await nextJob()
      if (!job) return parsedByWorkers
      inFlight.push(track(runParseJob(job), false))
      continue
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
  atPool: boolean
}

function track(outcome: Promise<ParseOutcome>, atPool: boolean): Parsing {
  // Awaited in order; this handler keeps an abort from leaving the rest unhandled.
  outcome.catch(() => undefined)
  return { outcome, atPool }
}
