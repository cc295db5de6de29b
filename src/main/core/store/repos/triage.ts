import type { ConversationStatus } from '../../../../shared/domain'
import { EarshotError, notFound } from '../../../../shared/errors'
import type { Db } from '../db'

/**
 * Changes to many conversations at once (bulk triage). Ids travel as one bound JSON array read with
 * json_each, so a statement covers the whole selection and no SQL is ever built from values.
 */
const IDS = 'SELECT value FROM json_each(@ids)'

/** The one workspace all `ids` belong to: NOT_FOUND if any is missing, INVALID if they span workspaces. */
export function workspaceOfConversations(db: Db, ids: readonly number[]): number {
  const rows = db
    .prepare(`SELECT workspace_id, count(*) AS n FROM conversations WHERE id IN (${IDS}) GROUP BY workspace_id`)
    .all({ ids: JSON.stringify(ids) }) as { workspace_id: number; n: number }[]
  const found = rows.reduce((sum, r) => sum + r.n, 0)
  if (found < ids.length) throw notFound(`${ids.length - found} of the ${ids.length} conversations`)
  if (rows.length !== 1) throw new EarshotError('INVALID', 'The conversations belong to different workspaces.')
  return rows[0]!.workspace_id
}

export function setStatusMany(db: Db, ids: readonly number[], status: ConversationStatus, snoozedUntil: number | null) {
  db.prepare(`UPDATE conversations SET status = @status, snoozed_until = @snoozedUntil WHERE id IN (${IDS})`).run({
    ids: JSON.stringify(ids),
    status,
    snoozedUntil,
  })
}

export function assignMany(db: Db, ids: readonly number[], assignee: string | null) {
  db.prepare(`UPDATE conversations SET assignee = @assignee WHERE id IN (${IDS})`).run({
    ids: JSON.stringify(ids),
    assignee,
  })
}

/** Tags are created on first use and matched without regard to case, as for one conversation (tags.ts). */
export function setTagMany(db: Db, workspaceId: number, ids: readonly number[], name: string, on: boolean) {
  const params = { ids: JSON.stringify(ids), workspaceId, name }
  if (on) {
    db.prepare('INSERT INTO tags (workspace_id, name) VALUES (@workspaceId, @name) ON CONFLICT DO NOTHING').run(params)
    db.prepare(
      `INSERT INTO conversation_tags (conversation_id, tag_id)
       SELECT j.value, t.id FROM json_each(@ids) j, tags t WHERE t.workspace_id = @workspaceId AND t.name = @name
       ON CONFLICT DO NOTHING`,
    ).run(params)
  } else {
    db.prepare(
      `DELETE FROM conversation_tags WHERE conversation_id IN (${IDS})
       AND tag_id IN (SELECT id FROM tags WHERE workspace_id = @workspaceId AND name = @name)`,
    ).run(params)
  }
}
