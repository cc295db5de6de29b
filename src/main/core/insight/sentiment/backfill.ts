import type { EventBus } from '../../events'
import type { Db } from '../../store/db'
import { moodOfMessage } from '.'
import { nextTurn } from '../../next-turn'

/**
 * Messages stored before Earshot read moods (migration 0080) are read after the upgrade, a batch per
 * turn of the event loop: one batch costs a few milliseconds, so the app stays responsive while
 * 25,000 demo messages are read in about a second.
 */
export const BACKFILL_BATCH = 250

interface Unread {
  id: number
  workspace_id: number
  conversation_id: number
  subject: string | null
  body_text: string
}

/** Reads up to `limit` unread incoming messages in one transaction; their conversations follow. */
export function backfillBatch(db: Db, limit = BACKFILL_BATCH): { read: number; workspaceIds: Set<number> } {
  const s = statements(db)
  return db.transaction(() => {
    const rows = s.unread.all(limit) as Unread[]
    const conversations = new Set<number>()
    const workspaceIds = new Set<number>()
    for (const r of rows) {
      const mood = moodOfMessage(r.subject, r.body_text)
      s.write.run(mood.score, mood.label, r.id)
      conversations.add(r.conversation_id)
      workspaceIds.add(r.workspace_id)
    }
    for (const id of conversations) s.refreshConversation.run(id)
    return { read: rows.length, workspaceIds }
  })()
}

const cache = new WeakMap<Db, ReturnType<typeof prepare>>()
const statements = (db: Db) => cache.get(db) ?? cache.set(db, prepare(db)).get(db)!

function prepare(db: Db) {
  return {
    // The partial index messages_sentiment_unread holds exactly these rows.
    unread: db.prepare(
      `SELECT id, workspace_id, conversation_id, subject, body_text FROM messages
       WHERE direction = 'in' AND sentiment IS NULL LIMIT ?`,
    ),
    write: db.prepare('UPDATE messages SET sentiment = ?, sentiment_label = ? WHERE id = ?'),
    // Priority weighs the mood, so the conversation's clock and priority are worked out again (sla_dirty).
    refreshConversation: db.prepare(
      `UPDATE conversations SET (sentiment, sentiment_label) = (
         SELECT m.sentiment, m.sentiment_label FROM messages m
         WHERE m.conversation_id = conversations.id AND m.direction = 'in' ORDER BY m.sent_at DESC, m.id DESC LIMIT 1),
         sla_dirty = 1
       WHERE id = ?`,
    ),
  }
}

/**
 * Reads every unread message, yielding between batches, then tells each workspace's views to
 * refetch once. Resolves with how many messages it read; `signal` stops it between batches.
 */
export async function runSentimentBackfill(deps: { db: Db; events: EventBus; signal?: AbortSignal }): Promise<number> {
  const touched = new Set<number>()
  let total = 0
  for (;;) {
    if (deps.signal?.aborted) break
    const { read, workspaceIds } = backfillBatch(deps.db)
    total += read
    for (const id of workspaceIds) touched.add(id)
    if (read < BACKFILL_BATCH) break
    await nextTurn()
  }
  for (const workspaceId of touched)
    deps.events.emit('db:changed', { tables: ['messages', 'conversations'], workspaceId })
  return total
}
