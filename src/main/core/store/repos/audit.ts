import type { Db } from '../db'

export interface AuditEntry {
  workspaceId: number | null
  actor: string
  action: string
  targetType: 'conversation' | 'contact' | 'workspace' | 'note' | 'canned_reply' | 'settings' | 'account' | 'feed'
  targetId: number | null
  detail?: string | null
}

/** Every user action is recorded, in the same transaction as the change it describes. */
export function recordAudit(db: Db, entry: AuditEntry, now = Date.now()): void {
  db.prepare(
    'INSERT INTO audit_log (workspace_id, at, actor, action, target_type, target_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(entry.workspaceId, now, entry.actor, entry.action, entry.targetType, entry.targetId, entry.detail ?? null)
}

/** One entry per target for a change applied to many rows at once (bulk triage, snoozes that ended). */
export function recordAuditForEach(
  db: Db,
  entry: Omit<AuditEntry, 'targetId'>,
  targetIds: readonly number[],
  now = Date.now(),
): void {
  db.prepare(
    `INSERT INTO audit_log (workspace_id, at, actor, action, target_type, target_id, detail)
     SELECT ?, ?, ?, ?, ?, value, ? FROM json_each(?)`,
  ).run(entry.workspaceId, now, entry.actor, entry.action, entry.targetType, entry.detail ?? null, JSON.stringify(targetIds))
}
