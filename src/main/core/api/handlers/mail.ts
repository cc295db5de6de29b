import type { mailCommands } from '../../../../shared/commands/mail'
import { EarshotError, notFound } from '../../../../shared/errors'
import { mailFrameCsp, mailFrameDocument, setImageConsent } from '../../mail/frame'
import { recordAudit } from '../../store/repos/audit'
import type { CoreContext } from '../context'
import type { HandlersFor } from '../dispatch'
import { changed } from './support'

interface MailRow {
  workspace_id: number
  conversation_id: number
  body_html: string | null
  sender: string | null
  allowed: number
}

/** A mail, its sender's address and whether that sender may load remote images in this workspace. */
function mailOf(ctx: CoreContext, messageId: number): MailRow {
  const row = ctx.db
    .prepare(
      `SELECT m.workspace_id, m.conversation_id, m.body_html, i.external_id AS sender,
              EXISTS (SELECT 1 FROM image_senders s WHERE s.workspace_id = m.workspace_id AND s.address = i.external_id) AS allowed
       FROM messages m
       JOIN accounts a ON a.id = m.account_id AND a.channel = 'email'
       LEFT JOIN identities i ON i.id = m.author_identity_id
       WHERE m.id = ?`,
    )
    .get(messageId) as MailRow | undefined
  if (!row) throw notFound(`Mail ${messageId}`)
  return row
}

export const mailHandlers: HandlersFor<typeof mailCommands> = {
  'mail:frame': (ctx, { messageId }) => {
    const mail = mailOf(ctx, messageId)
    if (mail.body_html === null) throw new EarshotError('NOT_FOUND', `Mail ${messageId} has no HTML part.`)
    const remote = mail.allowed === 1
    return { document: mailFrameDocument(mail.body_html, remote), contentSecurityPolicy: mailFrameCsp(remote) }
  },
  'mail:allowImages': (ctx, { messageId, allow }) => {
    const mail = mailOf(ctx, messageId)
    if (!mail.sender) throw new EarshotError('INVALID', `Mail ${messageId} has no sender address to allow.`)
    const sender = mail.sender
    ctx.db.transaction(() => {
      setImageConsent(ctx.db, mail.workspace_id, sender, allow)
      recordAudit(ctx.db, {
        workspaceId: mail.workspace_id,
        actor: ctx.actor,
        action: allow ? 'mail.images.allow' : 'mail.images.block',
        targetType: 'settings',
        targetId: null,
        detail: sender,
      })
    })()
    changed(ctx, ['messages'], mail.workspace_id, [mail.conversation_id])
    return null
  },
}
