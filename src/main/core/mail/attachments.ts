import fs from 'node:fs'
import path from 'node:path'
import type { Db } from '../store/db'
import type { ParsedAttachment } from './parse'

/** `<dataDir>/attachments/<sha256[0:2]>/<sha256>`: each content stored once, however often it is sent. */
export const attachmentPath = (dataDir: string, sha256: string): string =>
  path.join(dataDir, 'attachments', sha256.slice(0, 2), sha256)

/** Writes the content unless the same bytes are already stored (temp file + rename: never half a file). */
export function storeAttachmentContent(dataDir: string, attachment: Pick<ParsedAttachment, 'sha256' | 'content'>): void {
  const target = attachmentPath(dataDir, attachment.sha256)
  if (fs.existsSync(target)) return
  const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  try {
    fs.writeFileSync(temp, attachment.content)
  } catch (error) {
    // The folder is made when first needed: a recursive mkdir before every write cost more than the write.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.writeFileSync(temp, attachment.content)
  }
  fs.renameSync(temp, target)
}

export type AttachmentMeta = Omit<ParsedAttachment, 'content'>

/** Inserts a message's attachment rows once; a replayed message keeps the rows it has. */
export function createAttachmentRecorder(db: Db) {
  const messageRow = db.prepare('SELECT id FROM messages WHERE account_id = ? AND external_id = ?')
  const hasRows = db.prepare('SELECT 1 FROM attachments WHERE message_id = ? LIMIT 1')
  const insert = db.prepare(
    `INSERT INTO attachments (message_id, filename, content_type, size, sha256, content_id, inline)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  return (accountId: number, externalId: string, attachments: readonly AttachmentMeta[]): void => {
    if (attachments.length === 0) return
    const row = messageRow.get(accountId, externalId) as { id: number } | undefined
    if (!row || hasRows.get(row.id)) return
    for (const a of attachments) {
      insert.run(row.id, a.filename, a.contentType, a.size, a.sha256, a.contentId, a.inline ? 1 : 0)
    }
  }
}
