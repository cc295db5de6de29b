import type { Channel, Direction, Message, SentimentLabel } from '../../../../shared/domain'
import { hasBlockedImages } from '../../mail/frame'
import type { Db } from '../db'

interface MessageRow {
  id: number
  conversation_id: number
  channel: Channel
  direction: Direction
  author_name: string
  author_handle: string | null
  subject: string | null
  body_text: string
  body_html: string | null
  sent_at: number
  sentiment: number | null
  sentiment_label: SentimentLabel | null
  images_allowed: number
}

const toMessage = (r: MessageRow): Message => ({
  id: r.id,
  conversationId: r.conversation_id,
  channel: r.channel,
  direction: r.direction,
  authorName: r.author_name,
  authorHandle: r.author_handle,
  subject: r.subject,
  bodyText: r.body_text,
  bodyHtml: r.body_html,
  remoteImages: r.body_html === null || !hasBlockedImages(r.body_html) ? 'none' : r.images_allowed ? 'allowed' : 'blocked',
  sentAt: r.sent_at,
  sentiment: r.sentiment_label === null ? null : { score: r.sentiment ?? 0, label: r.sentiment_label },
})

/** A conversation's messages, oldest first, as a thread reads. */
export function listConversationMessages(db: Db, conversationId: number): Message[] {
  const rows = db
    .prepare(
      `SELECT m.id, m.conversation_id, a.channel, m.direction, m.author_name, i.handle AS author_handle,
              m.subject, m.body_text, m.body_html, m.sent_at, m.sentiment, m.sentiment_label,
              EXISTS (SELECT 1 FROM image_senders s WHERE s.workspace_id = m.workspace_id AND s.address = i.external_id) AS images_allowed
       FROM messages m
       JOIN accounts a ON a.id = m.account_id
       LEFT JOIN identities i ON i.id = m.author_identity_id
       WHERE m.conversation_id = ? ORDER BY m.sent_at, m.id`,
    )
    .all(conversationId) as MessageRow[]
  return rows.map(toMessage)
}
