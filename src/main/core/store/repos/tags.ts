import type { Db } from '../db'

export function listTags(db: Db, workspaceId: number): string[] {
  const rows = db.prepare('SELECT name FROM tags WHERE workspace_id = ? ORDER BY name COLLATE NOCASE').all(workspaceId) as {
    name: string
  }[]
  return rows.map((r) => r.name)
}

/** Tags are created on first use and matched without regard to case ("Lob" and "lob" are one tag). */
export function setTag(db: Db, workspaceId: number, conversationId: number, name: string, on: boolean): void {
  if (on) {
    db.prepare('INSERT INTO tags (workspace_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING').run(workspaceId, name)
    db.prepare(
      `INSERT INTO conversation_tags (conversation_id, tag_id)
       SELECT ?, id FROM tags WHERE workspace_id = ? AND name = ? ON CONFLICT DO NOTHING`,
    ).run(conversationId, workspaceId, name)
  } else {
    db.prepare(
      'DELETE FROM conversation_tags WHERE conversation_id = ? AND tag_id IN (SELECT id FROM tags WHERE workspace_id = ? AND name = ?)',
    ).run(conversationId, workspaceId, name)
  }
}
