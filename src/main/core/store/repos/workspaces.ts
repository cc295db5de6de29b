import type { Workspace } from '../../../../shared/domain'
import { EarshotError, notFound } from '../../../../shared/errors'
import type { Db } from '../db'

interface WorkspaceRow {
  id: number
  name: string
  is_demo: number
  created_at: number
  archived_at: number | null
  conversation_count: number
}

const toWorkspace = (r: WorkspaceRow): Workspace => ({
  id: r.id,
  name: r.name,
  isDemo: r.is_demo === 1,
  createdAt: r.created_at,
  archivedAt: r.archived_at,
  conversationCount: r.conversation_count,
})

const SELECT_WORKSPACE = `SELECT w.id, w.name, w.is_demo, w.created_at, w.archived_at,
       (SELECT count(*) FROM conversations c WHERE c.workspace_id = w.id) AS conversation_count
     FROM workspaces w`

export function listWorkspaces(db: Db, options: { includeArchived?: boolean } = {}): Workspace[] {
  const where = options.includeArchived ? '' : 'WHERE w.archived_at IS NULL'
  const rows = db.prepare(`${SELECT_WORKSPACE} ${where} ORDER BY w.id`).all() as WorkspaceRow[]
  return rows.map(toWorkspace)
}

export function getWorkspace(db: Db, workspaceId: number): Workspace {
  const row = db.prepare(`${SELECT_WORKSPACE} WHERE w.id = ?`).get(workspaceId) as WorkspaceRow | undefined
  if (!row) throw notFound(`Workspace ${workspaceId}`)
  return toWorkspace(row)
}

export function createWorkspace(db: Db, arg: { name: string; isDemo?: boolean; now?: number }): number {
  return Number(
    db
      .prepare('INSERT INTO workspaces (name, is_demo, created_at) VALUES (?, ?, ?)')
      .run(arg.name, arg.isDemo ? 1 : 0, arg.now ?? Date.now()).lastInsertRowid,
  )
}

/**
 * The CLI finds a workspace by its name (`--workspace`), so two may not share one, whatever the case
 * and archived or not. Checked when a person names one; the demo and the CLI choose distinct names.
 */
export function assertNameFree(db: Db, name: string, exceptId?: number): void {
  // Compared here, not in SQL: SQLite's lower() folds only ASCII, and "Bäckerei" must match "BÄCKEREI".
  const folded = name.toLocaleLowerCase()
  const rows = db.prepare('SELECT id, name FROM workspaces').all() as { id: number; name: string }[]
  if (rows.some((w) => w.id !== exceptId && w.name.toLocaleLowerCase() === folded)) {
    throw new EarshotError('CONFLICT', `There is already a workspace called “${name}”. Choose another name.`)
  }
}

export function renameWorkspace(db: Db, workspaceId: number, name: string): void {
  if (db.prepare('UPDATE workspaces SET name = ? WHERE id = ?').run(name, workspaceId).changes === 0) {
    throw notFound(`Workspace ${workspaceId}`)
  }
}

/** Archiving keeps everything and only hides the workspace; a second archive keeps the first time. */
export function setWorkspaceArchived(db: Db, workspaceId: number, archived: boolean, now = Date.now()): void {
  const result = archived
    ? db.prepare('UPDATE workspaces SET archived_at = coalesce(archived_at, ?) WHERE id = ?').run(now, workspaceId)
    : db.prepare('UPDATE workspaces SET archived_at = NULL WHERE id = ?').run(workspaceId)
  if (result.changes === 0) throw notFound(`Workspace ${workspaceId}`)
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
