import type { Db } from '../store/db'

/** The few SQL look-ups threading needs, prepared once per account. */
export interface ThreadRepo {
  /** The conversation (its external id) that already holds the message with this Message-ID. */
  conversationOfMessage(messageId: string): string | null
  /** The conversation of a stored reply to this Message-ID: a child that arrived before its parent. */
  conversationOfReplyTo(messageId: string): string | null
  /** Recent conversations with one counterpart, newest first, for the subject fallback. */
  conversationsWith(counterpart: string, from: number, to: number): { externalId: string; subject: string | null }[]
}

export function createThreadRepo(db: Db, accountId: number): ThreadRepo {
  // The message's own conversation, else one named after it (its replies came first): one statement,
  // as most look-ups of an import miss both and a statement costs more than its two index searches.
  const byMessage = db
    .prepare(
      `SELECT coalesce(
         (SELECT c.external_id FROM messages m JOIN conversations c ON c.id = m.conversation_id
          WHERE m.account_id = ? AND m.external_id = ?),
         (SELECT external_id FROM conversations WHERE account_id = ? AND external_id = ?))`,
    )
    .pluck()
  // Served by the messages(account_id, in_reply_to) index (migration 0020).
  const byReply = db.prepare(
    `SELECT c.external_id AS externalId FROM messages m JOIN conversations c ON c.id = m.conversation_id
     WHERE m.account_id = ? AND m.in_reply_to = ? LIMIT 1`,
  )
  const withCounterpart = db.prepare(
    `SELECT c.external_id AS externalId, c.subject AS subject FROM conversations c
     JOIN identities i ON i.contact_id = c.contact_id
     WHERE c.account_id = ? AND i.channel = 'email' AND i.external_id = ?
       AND c.last_message_at BETWEEN ? AND ?
     ORDER BY c.last_message_at DESC LIMIT 20`,
  )
  return {
    conversationOfMessage: (messageId) => byMessage.get(accountId, messageId, accountId, messageId) as string | null,
    conversationOfReplyTo: (messageId) => (byReply.get(accountId, messageId) as { externalId: string } | undefined)?.externalId ?? null,
    conversationsWith: (counterpart, from, to) =>
      withCounterpart.all(accountId, counterpart, from, to) as { externalId: string; subject: string | null }[],
  }
}
