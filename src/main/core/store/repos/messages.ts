import type { Channel, Direction, Message } from '../../../../shared/domain'
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
  sentAt: r.sent_at,
})

/** A conversation's messages, oldest first, as a thread reads. */
export function listConversationMessages(db: Db, conversationId: number): Message[] {
  const rows = db
    .prepare(
      `SELECT m.id, m.conversation_id, a.channel, m.direction, m.author_name, i.handle AS author_handle,
              m.subject, m.body_text, m.body_html, m.sent_at
       FROM messages m
       JOIN accounts a ON a.id = m.account_id
       LEFT JOIN identities i ON i.id = m.author_identity_id
       WHERE m.conversation_id = ? ORDER BY m.sent_at, m.id`,
    )
    .all(conversationId) as MessageRow[]
  return rows.map(toMessage)
}
