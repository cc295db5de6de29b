import type { Note } from '../../../../shared/domain'
import type { Db } from '../db'

interface NoteRow {
  id: number
  conversation_id: number
  body: string
  author: string
  created_at: number
}

const toNote = (r: NoteRow): Note => ({
  id: r.id,
  conversationId: r.conversation_id,
  body: r.body,
  author: r.author,
  createdAt: r.created_at,
})

export function addNote(
  db: Db,
  arg: { workspaceId: number; conversationId: number; body: string; author: string; now?: number },
): Note {
  const row = db
    .prepare(
      'INSERT INTO notes (workspace_id, conversation_id, body, author, created_at) VALUES (?, ?, ?, ?, ?) RETURNING *',
    )
    .get(arg.workspaceId, arg.conversationId, arg.body, arg.author, arg.now ?? Date.now()) as NoteRow
  return toNote(row)
}

export function listNotes(db: Db, conversationId: number): Note[] {
  const rows = db
    .prepare('SELECT * FROM notes WHERE conversation_id = ? ORDER BY created_at, id')
    .all(conversationId) as NoteRow[]
  return rows.map(toNote)
}
