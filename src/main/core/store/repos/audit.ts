import type { Db } from '../db'

export interface AuditEntry {
  workspaceId: number | null
  actor: string
  action: string
  targetType: 'conversation' | 'contact' | 'workspace' | 'note'
  targetId: number | null
  detail?: string | null
}

/** Every user action is recorded, in the same transaction as the change it describes. */
export function recordAudit(db: Db, entry: AuditEntry, now = Date.now()): void {
  db.prepare(
    'INSERT INTO audit_log (workspace_id, at, actor, action, target_type, target_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(entry.workspaceId, now, entry.actor, entry.action, entry.targetType, entry.targetId, entry.detail ?? null)
}
