import type { Sentiment } from '../../../shared/domain'
import type { IngestIdentity, IngestItem } from '../store/ingest'
import type { AttachmentMeta } from './attachments'
import { rawMessageKey, type MailAddress, type ParsedMail } from './parse'
import type { Threader } from './thread'

/** What one mail becomes: the ingest item plus its attachment metadata (content already stored). */
export interface MailForIngest {
  item: IngestItem
  attachments: AttachmentMeta[]
}

/**
 * A parsed mail; its attachments may still carry their content (IMAP) or not (the parse worker),
 * and the parse worker read a customer's mood already.
 */
export type MailToMap = Omit<ParsedMail, 'attachments'> & { attachments: readonly AttachmentMeta[]; mood?: Sentiment | null }

const metaOf = (a: AttachmentMeta): AttachmentMeta => ({
  filename: a.filename, contentType: a.contentType, size: a.size, sha256: a.sha256, contentId: a.contentId, inline: a.inline,
})

const UNKNOWN_SENDER: IngestIdentity = { externalId: 'unknown@invalid', displayName: 'Unknown sender' }

const identityOf = (a: MailAddress): IngestIdentity => ({ externalId: a.address, displayName: a.name || a.address })

/**
 * Maps a parsed mail onto the store: Message-ID (or the hash of the bytes) as natural key, the thread
 * root as conversation, 'out' when one of our own addresses wrote it, the other party as customer.
 */
export function mailToIngest(
  mail: MailToMap,
  raw: Buffer,
  own: ReadonlySet<string>,
  threader: Threader,
): MailForIngest {
  const externalId = mail.messageId ?? rawMessageKey(raw)
  const outgoing = mail.from !== null && own.has(mail.from.address)
  const counterpartAddress = outgoing
    ? [...mail.to, ...mail.cc].find((a) => !own.has(a.address))
    : (mail.from ?? undefined)
  const customer = counterpartAddress ? identityOf(counterpartAddress) : UNKNOWN_SENDER
  const conversation = threader.assign({
    messageId: externalId,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    subject: mail.subject,
    counterpart: counterpartAddress?.address ?? null,
    sentAt: mail.sentAt,
  })
  const item: IngestItem = {
    externalId,
    conversation: { externalId: conversation, visibility: 'private', subject: mail.subject || null },
    direction: outgoing ? 'out' : 'in',
    customer,
    subject: mail.subject || null,
    bodyText: mail.text,
    bodyHtml: mail.html,
    inReplyTo: mail.inReplyTo,
    sentAt: mail.sentAt,
    raw,
  }
  // Set afterwards, not spread in: a spread amid a literal's properties is V8's slow path, per mail.
  if (outgoing && mail.from?.name) item.authorName = mail.from.name
  if (!outgoing && mail.mood) item.mood = mail.mood
  const attachments = mail.attachments.map(metaOf)
  return { item, attachments }
}
