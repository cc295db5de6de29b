import { createAttachmentRecorder } from '../../mail/attachments'
import type { Db } from '../../store/db'
import { createIngestor } from '../../store/ingest'
import type { EmailPullPage } from './imap'

/**
 * Stores one mail page the way the sync engine should: items, their attachment rows, quarantined
 * input and the folder cursor in one transaction.
 */
export function createEmailPageWriter(db: Db, accountId: number) {
  const ingest = createIngestor(db)
  const recordAttachments = createAttachmentRecorder(db)
  const workspace = (db.prepare('SELECT workspace_id FROM accounts WHERE id = ?').get(accountId) as { workspace_id: number }).workspace_id
  const quarantine = db.prepare(
    `INSERT INTO quarantine (workspace_id, source, reason, raw, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (workspace_id, source) DO NOTHING`,
  )
  return db.transaction((page: EmailPullPage) => {
    const outcome = ingest({ accountId, items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) })
    for (const [externalId, attachments] of page.attachments) recordAttachments(accountId, externalId, attachments)
    for (const q of page.quarantined) quarantine.run(workspace, q.source, q.reason, q.raw, Date.now())
    return outcome
  })
}
