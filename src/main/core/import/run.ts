import type { Db } from '../store/db'
import { availableParallelism } from 'node:os'
import { createParsePool, type ParsePool } from '../mail/parse-pool'
import type { ParseOutcome } from '../mail/parse-job'
import { createImportBatcher } from './batch'
import { importAccount, type ImportOptions, type ImportResult, type ImportProgress } from './import'
import { countMessages, findSources, messageJobs } from './sources'

/** Below this many messages, starting a parse thread costs more than it saves. */
const SMALL_IMPORT = 200

/**
 * Parse threads besides the import worker itself: one core stays with the host, one runs this
 * worker. On 2 cores that is none: a parse thread there made the host's worst stall 88–200 ms
 * (three busy threads on two cores) against 19–23 ms parsing inline, at the same speed.
 */
export const defaultImportParsers = (): number => Math.max(0, availableParallelism() - 2)

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
  try {
    const context = { dataDir: options.dataDir, own: [...account.own] }
    await parseInOrder(pool, messageJobs(found), context, options.signal, (outcome) => batcher.take(outcome))
    await batcher.flush()
  } finally {
    await pool.close()
  }
  return { ...progress, accountId: account.id, inserted: batcher.inserted(), commits: batcher.stats }
}

/**
 * Keeps every worker busy (a window of jobs in flight) while handing results on in input order:
 * threading needs a thread's earlier mails before its later ones, as they appear in the mailbox.
 */
async function parseInOrder(
  pool: ParsePool,
  jobs: AsyncIterable<{ source: string } & ({ file: string } | { raw: Buffer; receivedAt: number })>,
  context: { dataDir: string; own: readonly string[] },
  signal: AbortSignal | undefined,
  take: (outcome: ParseOutcome) => void | Promise<void>,
): Promise<void> {
  const window = Math.max(8, pool.size * 64)
  const inFlight: Promise<ParseOutcome>[] = []
  for await (const job of jobs) {
    signal?.throwIfAborted()
    const parsing = pool.parse({ ...job, ...context })
    // Awaited below in order; the no-op keeps an abort from leaving the rest as unhandled rejections.
    parsing.catch(() => undefined)
    inFlight.push(parsing)
    if (inFlight.length >= window) await take(await inFlight.shift()!)
  }
  while (inFlight.length > 0) {
    signal?.throwIfAborted()
    await take(await inFlight.shift()!)
  }
}
