import type { Draft } from '../../../../shared/commands/composer'
import type { Db } from '../db'

export function getDraft(db: Db, conversationId: number): Draft | null {
  const row = db.prepare('SELECT body_text, updated_at FROM drafts WHERE conversation_id = ?').get(conversationId) as
    { body_text: string; updated_at: number } | undefined
  return row ? { bodyText: row.body_text, updatedAt: row.updated_at } : null
}

/** Keeps what is typed; a text of only whitespace is no draft, and removes the one there was. */
export function saveDraft(
  db: Db,
  arg: { workspaceId: number; conversationId: number; bodyText: string; now?: number },
): void {
  if (!arg.bodyText.trim()) {
    clearDraft(db, arg.conversationId)
    return
  }
  db.prepare(
    `INSERT INTO drafts (conversation_id, workspace_id, body_text, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (conversation_id) DO UPDATE SET body_text = excluded.body_text, updated_at = excluded.updated_at`,
  ).run(arg.conversationId, arg.workspaceId, arg.bodyText, arg.now ?? Date.now())
}

export function clearDraft(db: Db, conversationId: number): void {
  db.prepare('DELETE FROM drafts WHERE conversation_id = ?').run(conversationId)
}
