import type { Db } from '../store/db'
import { createIngestor, type IngestItem } from '../store/ingest'
import type { DemoConversation } from './conversation'

/** ~2,000 items per transaction: large enough to be fast, small enough not to hold the writer for long. */
export const BATCH_SIZE = 2_000

export interface ConversationSink {
  add(conversation: DemoConversation): void
  /** Ingests what is buffered; returns the number of messages inserted so far. */
  flush(): number
  /** Milliseconds spent inside ingest itself, apart from composing the demo's text. */
  readonly ingestMs: number
}

/**
 * Buffers whole conversations for one account and sends them through the real ingest path, then applies
 * what the shop did afterwards (status, assignee, tags, notes) in its own short transaction.
 */
export function createConversationSink(db: Db, accountId: number, workspaceId: number, now: number, onBatch: (inserted: number) => void): ConversationSink {
  const ingest = createIngestor(db)
  const setState = db.prepare("UPDATE conversations SET status = ?, assignee = ? WHERE account_id = ? AND external_id = ? AND (status != ? OR assignee IS NOT ?)")
  const findConversation = db.prepare('SELECT id FROM conversations WHERE account_id = ? AND external_id = ?')
  const insertTag = db.prepare('INSERT INTO tags (workspace_id, name) VALUES (?, ?) ON CONFLICT (workspace_id, name) DO UPDATE SET name = name RETURNING id')
  const tagConversation = db.prepare('INSERT OR IGNORE INTO conversation_tags (conversation_id, tag_id) VALUES (?, ?)')
  const addNote = db.prepare('INSERT INTO notes (workspace_id, conversation_id, body, author, created_at) VALUES (?, ?, ?, ?, ?)')
  const tagIds = new Map<string, number>()
  let items: IngestItem[] = []
  let pending: DemoConversation[] = []
  let inserted = 0
  let ingestMs = 0

  const tagId = (name: string): number => {
    let id = tagIds.get(name)
    if (id === undefined) {
      id = (insertTag.get(workspaceId, name) as { id: number }).id
      tagIds.set(name, id)
    }
    return id
  }

  const applyAfterwards = db.transaction((conversations: DemoConversation[]) => {
    for (const c of conversations) {
      const externalId = c.items[0]?.conversation.externalId
      if (externalId === undefined) continue
      setState.run(c.status, c.assignee, accountId, externalId, c.status, c.assignee)
      if (c.tags.length === 0 && c.note === undefined) continue
      const row = findConversation.get(accountId, externalId) as { id: number } | undefined
      if (!row) continue
      for (const tag of c.tags) tagConversation.run(row.id, tagId(tag))
      if (c.note !== undefined) addNote.run(workspaceId, row.id, c.note, 'Anna', now)
    }
  })

  const flush = (): number => {
    if (items.length > 0) {
      const started = performance.now()
      inserted += ingest({ accountId, items }).inserted
      ingestMs += performance.now() - started
      applyAfterwards(pending)
      onBatch(inserted)
    }
    items = []
    pending = []
    return inserted
  }

  return {
    add(conversation) {
      for (const item of conversation.items) items.push(item)
      pending.push(conversation)
      if (items.length >= BATCH_SIZE) flush()
    },
    flush,
    get ingestMs() {
      return ingestMs
    },
  }
}
