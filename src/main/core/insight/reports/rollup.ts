import type { Db } from '../../store/db'
import { messageIdRange } from '../../store/message-ids'
import { nextTurn } from '../../next-turn'

/** Messages folded per transaction: a backlog (the first report after an upgrade) holds the writer for a few ms at a time. */
export const FOLD_CHUNK = 2_000

/** The messages of one UTC hour and account (migration 0110). */
export interface HourRow {
  hour: number
  accountId: number
  incoming: number
  outgoing: number
  negative: number
  neutral: number
  positive: number
  sentimentMicros: number
}

const countIn = (condition: string) => `count(CASE WHEN direction = 'in' AND ${condition} THEN 1 END)`

// Scores are summed in millionths, rounded per message exactly as the mood trigger of 0110 does.
const AGGREGATE = `SELECT workspace_id, sent_at / 3600000 AS hour, account_id,
         ${countIn('1')} AS incoming, count(CASE WHEN direction = 'out' THEN 1 END) AS outgoing,
         ${countIn("sentiment_label = 'negative'")} AS negative,
         ${countIn("sentiment_label = 'neutral'")} AS neutral,
         ${countIn("sentiment_label = 'positive'")} AS positive,
         coalesce(sum(CASE WHEN direction = 'in' THEN CAST(round(sentiment * 1000000) AS INTEGER) END), 0) AS sentiment_micros
       FROM messages WHERE id > @after AND id <= @upto
       GROUP BY hour, account_id`

const COLUMNS = ['incoming', 'outgoing', 'negative', 'neutral', 'positive', 'sentiment_micros']

/** The highest message id folded for the workspace; below its range when nothing is folded yet. */
function foldedThrough(db: Db, workspaceId: number): number {
  const through = db
    .prepare('SELECT through_message_id FROM report_rollup WHERE workspace_id = ?')
    .pluck()
    .get(workspaceId) as number | undefined
  return through ?? messageIdRange(workspaceId).first - 1
}

/** Folds up to FOLD_CHUNK of the workspace's newer messages into the rollup; returns how many. */
export function foldChunk(db: Db, workspaceId: number): number {
  return db.transaction(() => {
    const after = foldedThrough(db, workspaceId)
    const { last } = messageIdRange(workspaceId)
    const ids = db
      .prepare('SELECT id FROM messages WHERE id > ? AND id <= ? ORDER BY id LIMIT ?')
      .pluck()
      .all(after, last, FOLD_CHUNK) as number[]
    const upto = ids.at(-1)
    if (upto === undefined) return 0
    db.prepare(
      `INSERT INTO report_hours (workspace_id, hour, account_id, ${COLUMNS.join(', ')})
       ${AGGREGATE}
       ON CONFLICT (workspace_id, hour, account_id) DO UPDATE SET
         ${COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`,
    ).run({ after, upto })
    db.prepare(
      `INSERT INTO report_rollup (workspace_id, through_message_id) VALUES (?, ?)
       ON CONFLICT (workspace_id) DO UPDATE SET through_message_id = excluded.through_message_id`,
    ).run(workspaceId, upto)
    return ids.length
  })()
}

/** Folds everything not folded yet, chunk by chunk, letting the host breathe between chunks (until `signal` aborts). */
export async function foldInSteps(db: Db, workspaceIds: readonly number[], signal?: AbortSignal): Promise<number> {
  let folded = 0
  for (const workspaceId of workspaceIds) {
    for (let n = foldChunk(db, workspaceId); n > 0 && !signal?.aborted; n = foldChunk(db, workspaceId)) {
      folded += n
      await nextTurn()
    }
  }
  return folded
}

/** How often the running app catches the rollup up, so a report (or the CLI beside it) finds little to add. */
export const FOLD_EVERY_MS = 5 * 60_000

/** Folds every workspace at start (the first start after an upgrade folds the history) and then every few minutes. */
export function startRollupFolding(db: Db): { stop(): Promise<void> } {
  const abort = new AbortController()
  let running: Promise<unknown> = Promise.resolve()
  const fold = () => {
    running = running
      .then(() => foldInSteps(db, db.prepare('SELECT id FROM workspaces').pluck().all() as number[], abort.signal))
      .catch((error: unknown) => console.error('earshot: report rollup failed', error))
  }
  fold()
  const timer = setInterval(fold, FOLD_EVERY_MS)
  timer.unref()
  return {
    async stop() {
      abort.abort()
      clearInterval(timer)
      await running
    },
  }
}

/**
 * The workspace's messages the rollup does not hold yet, aggregated the same way: what a reader (the
 * CLI beside a running app) adds, and what a writer finds after an ingest it has not folded yet.
 */
export function unfoldedHours(db: Db, workspaceId: number): HourRow[] {
  return db
    .prepare(
      `SELECT hour, account_id AS accountId, incoming, outgoing, negative, neutral, positive,
              sentiment_micros AS sentimentMicros
       FROM (${AGGREGATE})`,
    )
    .all({ after: foldedThrough(db, workspaceId), upto: messageIdRange(workspaceId).last }) as HourRow[]
}
