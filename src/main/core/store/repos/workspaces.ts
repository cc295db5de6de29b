import type { Workspace } from '../../../../shared/domain'
import { notFound } from '../../../../shared/errors'
import type { Db } from '../db'

interface WorkspaceRow {
  id: number
  name: string
  is_demo: number
  created_at: number
  conversation_count: number
}

const toWorkspace = (r: WorkspaceRow): Workspace => ({
  id: r.id,
  name: r.name,
  isDemo: r.is_demo === 1,
  createdAt: r.created_at,
  conversationCount: r.conversation_count,
})

export function listWorkspaces(db: Db): Workspace[] {
  const rows = db
    .prepare(
      `SELECT w.id, w.name, w.is_demo, w.created_at,
              (SELECT count(*) FROM conversations c WHERE c.workspace_id = w.id) AS conversation_count
       FROM workspaces w WHERE w.archived_at IS NULL ORDER BY w.id`,
    )
    .all() as WorkspaceRow[]
  return rows.map(toWorkspace)
}

export function createWorkspace(db: Db, arg: { name: string; isDemo?: boolean; now?: number }): number {
  return Number(
    db
      .prepare('INSERT INTO workspaces (name, is_demo, created_at) VALUES (?, ?, ?)')
      .run(arg.name, arg.isDemo ? 1 : 0, arg.now ?? Date.now()).lastInsertRowid,
  )
}

/** Removes a workspace and everything in it (rows cascade); contacts go last, after what points at them. */
export function removeWorkspace(db: Db, workspaceId: number): void {
  db.transaction(() => {
    const exists = db.prepare('SELECT 1 FROM workspaces WHERE id = ?').get(workspaceId)
    if (!exists) throw notFound(`Workspace ${workspaceId}`)
    db.prepare('DELETE FROM outbox WHERE workspace_id = ?').run(workspaceId)
    db.prepare('DELETE FROM messages WHERE workspace_id = ?').run(workspaceId)
    db.prepare('DELETE FROM conversations WHERE workspace_id = ?').run(workspaceId)
    db.prepare('DELETE FROM identities WHERE workspace_id = ?').run(workspaceId)
    db.prepare('UPDATE contacts SET merged_into_id = NULL WHERE workspace_id = ?').run(workspaceId)
    db.prepare('DELETE FROM contacts WHERE workspace_id = ?').run(workspaceId)
    db.prepare('DELETE FROM workspaces WHERE id = ?').run(workspaceId)
  })()
}
