import type { Db } from '../db'

/** When the next snoozed conversation is due, or null when nothing is snoozed (conversations_snoozed). */
export function nextSnoozeDue(db: Db): number | null {
  return db.prepare(`SELECT min(snoozed_until) FROM conversations WHERE status = 'snoozed'`).pluck().get() as
    number | null
}

export interface WokenConversation {
  id: number
  workspaceId: number
}

/** Reopens every conversation whose snooze ended at or before `now`; returns what it reopened. */
export function wakeDueSnoozes(db: Db, now: number): WokenConversation[] {
  const rows = db
    .prepare(
      `UPDATE conversations SET status = 'open', snoozed_until = NULL
       WHERE status = 'snoozed' AND snoozed_until <= ?
       RETURNING id, workspace_id`,
    )
    .all(now) as { id: number; workspace_id: number }[]
  return rows.map((r) => ({ id: r.id, workspaceId: r.workspace_id }))
}
