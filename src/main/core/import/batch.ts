import type { Db } from '../store/db'
import { createIngestor } from '../store/ingest'
import { createAttachmentRecorder } from '../mail/attachments'
import type { ParseOutcome } from '../mail/parse-job'
import { createThreadRepo } from '../mail/repo'
import { createThreader } from '../mail/thread'
import { mailToIngest, type MailForIngest } from '../mail/to-ingest'
import type { ImportProgress } from './import'
import { nextTurn } from '../next-turn'

interface Quarantined {
  source: string
  reason: string
  raw: Buffer
}

export interface CommitStats {
  count: number
  totalMs: number
  worstMs: number
  /** Messages in the transaction that took worstMs. */
  worstSize: number
}

/** What one transaction should cost by default: short enough that the host stays responsive (budget 50 ms). */
const TARGET_COMMIT_MS = 15
/** Without a commit due, still give the event loop a turn this often. */
const SLICE_MS = 10
const MIN_BATCH = 25
const MAX_BATCH = 1000

const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

export interface BatcherOptions {
  accountId: number
  workspaceId: number
  own: ReadonlySet<string>
  progress: ImportProgress
  onProgress?: ((progress: ImportProgress) => void) | undefined
  /** Overrides TARGET_COMMIT_MS (the import worker's commits hold the write lock, not the host's thread). */
  targetCommitMs?: number
}

/**
 * Collects parse results into transactions sized by time: each commit's cost per message sets the
 * size of the next, so a commit takes ~TARGET_COMMIT_MS whatever the machine and the index size.
 */
export function createImportBatcher(db: Db, options: BatcherOptions) {
  const commit = createBatchCommitter(db, options.accountId, options.workspaceId)
  const threader = createThreader(createThreadRepo(db, options.accountId))
  const stats: CommitStats = { count: 0, totalMs: 0, worstMs: 0, worstSize: 0 }
  const { progress } = options
  let mails: MailForIngest[] = []
  let quarantined: Quarantined[] = []
  let limit = 100
  let inserted = 0
  let sliceStart = performance.now()

  const flush = async (): Promise<void> => {
    const size = mails.length + quarantined.length
    if (size > 0) {
      const started = performance.now()
      inserted += commit(mails, quarantined)
      const ms = performance.now() - started
      record(stats, ms, size)
      limit = nextLimit(limit, ms, size, options.targetCommitMs ?? TARGET_COMMIT_MS)
    }
    progress.done += size
    progress.quarantined += quarantined.length
    mails = []
    quarantined = []
    threader.clearPending()
    options.onProgress?.({ ...progress })
    await nextTurn()
    sliceStart = performance.now()
  }

  const take = (outcome: ParseOutcome): Promise<void> | void => {
    if ('reason' in outcome)
      quarantined.push({ source: outcome.source, reason: outcome.reason, raw: asBuffer(outcome.raw) })
    else mails.push(mailToIngest(outcome.mail, asBuffer(outcome.raw), options.own, threader))
    if (mails.length + quarantined.length >= limit) return flush()
    if (performance.now() - sliceStart > SLICE_MS) return nextTurn().then(() => void (sliceStart = performance.now()))
  }

  return { take, flush, stats, inserted: () => inserted }
}

function record(stats: CommitStats, ms: number, size: number): void {
  stats.count++
  stats.totalMs += ms
  if (ms > stats.worstMs) {
    stats.worstMs = ms
    stats.worstSize = size
  }
}

/** Moves the batch size halfway towards what would have hit the target, so one slow commit doesn't swing it. */
function nextLimit(limit: number, ms: number, size: number, targetMs: number): number {
  const ideal = (targetMs / Math.max(ms, 0.01)) * size
  return Math.round(Math.min(MAX_BATCH, Math.max(MIN_BATCH, (limit + ideal) / 2)))
}

/** One transaction per batch: messages, their attachment rows and the quarantined input together. */
function createBatchCommitter(db: Db, accountId: number, workspaceId: number) {
  const ingest = createIngestor(db)
  const recordAttachments = createAttachmentRecorder(db)
  const quarantine = db.prepare(
    `INSERT INTO quarantine (workspace_id, source, reason, raw, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (workspace_id, source) DO NOTHING`,
  )
  return db.transaction((batch: readonly MailForIngest[], rejected: readonly Quarantined[]): number => {
    const outcome = batch.length ? ingest({ accountId, items: batch.map((m) => m.item) }) : { inserted: 0 }
    for (const m of batch) recordAttachments(accountId, m.item.externalId, m.attachments)
    const now = Date.now()
    for (const q of rejected) quarantine.run(workspaceId, q.source, q.reason, q.raw, now)
    return outcome.inserted
  })
}
