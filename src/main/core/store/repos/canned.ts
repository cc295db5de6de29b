import type { CannedReply, ReplyLanguage } from '../../../../shared/commands/composer'
import { EarshotError, notFound } from '../../../../shared/errors'
import type { Db } from '../db'

interface CannedRow {
  id: number
  workspace_id: number
  language: ReplyLanguage
  title: string
  body: string
  updated_at: number
}

const toCannedReply = (r: CannedRow): CannedReply => ({
  id: r.id,
  workspaceId: r.workspace_id,
  language: r.language,
  title: r.title,
  body: r.body,
  updatedAt: r.updated_at,
})

export interface CannedFields {
  language: ReplyLanguage
  title: string
  body: string
}

/** A workspace's canned replies by language, then title, as the picker lists them. */
export function listCannedReplies(db: Db, workspaceId: number): CannedReply[] {
  const rows = db
    .prepare('SELECT * FROM canned_replies WHERE workspace_id = ? ORDER BY language, title COLLATE NOCASE, id')
    .all(workspaceId) as CannedRow[]
  return rows.map(toCannedReply)
}

export function getCannedReply(db: Db, id: number): CannedReply {
  const row = db.prepare('SELECT * FROM canned_replies WHERE id = ?').get(id) as CannedRow | undefined
  if (!row) throw notFound('The canned reply')
  return toCannedReply(row)
}

/** Two replies with one title in one language could not be told apart in the picker. */
function duplicateTitle(fields: CannedFields): EarshotError {
  return new EarshotError('CONFLICT', `There is already a canned reply called “${fields.title}” in this language.`)
}

const sqliteCode = (error: unknown): unknown => (error instanceof Error && 'code' in error ? error.code : undefined)

export function createCannedReply(db: Db, workspaceId: number, fields: CannedFields, now = Date.now()): CannedReply {
  try {
    const row = db
      .prepare(
        `INSERT INTO canned_replies (workspace_id, language, title, body, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING *`,
      )
      .get(workspaceId, fields.language, fields.title, fields.body, now, now) as CannedRow
    return toCannedReply(row)
  } catch (error) {
    if (sqliteCode(error) === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw notFound('The workspace')
    throw sqliteCode(error) === 'SQLITE_CONSTRAINT_UNIQUE' ? duplicateTitle(fields) : error
  }
}

export function updateCannedReply(db: Db, id: number, fields: CannedFields, now = Date.now()): CannedReply {
  try {
    const row = db
      .prepare('UPDATE canned_replies SET language = ?, title = ?, body = ?, updated_at = ? WHERE id = ? RETURNING *')
      .get(fields.language, fields.title, fields.body, now, id) as CannedRow | undefined
    if (!row) throw notFound('The canned reply')
    return toCannedReply(row)
  } catch (error) {
    throw sqliteCode(error) === 'SQLITE_CONSTRAINT_UNIQUE' ? duplicateTitle(fields) : error
  }
}

export function deleteCannedReply(db: Db, id: number): void {
  if (db.prepare('DELETE FROM canned_replies WHERE id = ?').run(id).changes === 0) throw notFound('The canned reply')
}
