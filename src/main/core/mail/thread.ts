import type { ThreadRepo } from './repo'

const DAY = 24 * 60 * 60 * 1000
/** How far apart two mails may be and still be joined by subject alone. */
export const SUBJECT_FALLBACK_WINDOW_MS = 30 * DAY

/** Reply and forward prefixes of the clients our customers use (English, German, Nordic, Dutch). */
const REPLY_PREFIX = /^\s*(?:(?:re|aw|wg|fwd?|fw|sv|vs|antw|antwort|r)\s*(?:\[\d+\]|\(\d+\))?\s*:\s*)+/i

/** "Re: AW: Fwd:  Ihre  Bestellung" → "ihre bestellung". */
export function normalizeSubject(subject: string): string {
  return subject.replace(REPLY_PREFIX, '').replace(/\s+/g, ' ').trim().toLowerCase()
}

export const isReplySubject = (subject: string): boolean => REPLY_PREFIX.test(subject)

export interface ThreadInput {
  messageId: string
  inReplyTo: string | null
  references: readonly string[]
  subject: string
  /** The customer's address, the other party of the conversation. */
  counterpart: string | null
  sentAt: number
}

/**
 * Assigns each mail the Message-ID of its thread root as the conversation id. References and
 * In-Reply-To decide; the subject is only a careful fallback for clients that drop both (same
 * normalised subject, same counterpart, within 30 days, and only when the subject says it's a reply).
 * Mails of the batch being ingested are remembered so a thread inside one import joins up too.
 */
export function createThreader(repo: ThreadRepo) {
  const pendingByMessage = new Map<string, string>()
  const pendingBySubject = new Map<string, { conversation: string; at: number }>()
  const pendingByParent = new Map<string, string>()

  const known = (messageId: string): string | null => pendingByMessage.get(messageId) ?? repo.conversationOfMessage(messageId)

  const bySubject = (mail: ThreadInput): string | null => {
    const normalized = normalizeSubject(mail.subject)
    if (!mail.counterpart || !normalized || !isReplySubject(mail.subject)) return null
    const pending = pendingBySubject.get(`${mail.counterpart}\n${normalized}`)
    if (pending && Math.abs(pending.at - mail.sentAt) <= SUBJECT_FALLBACK_WINDOW_MS) return pending.conversation
    const candidates = repo.conversationsWith(
      mail.counterpart,
      mail.sentAt - SUBJECT_FALLBACK_WINDOW_MS,
      mail.sentAt + SUBJECT_FALLBACK_WINDOW_MS,
    )
    return candidates.find((c) => c.subject !== null && normalizeSubject(c.subject) === normalized)?.externalId ?? null
  }

  const resolve = (mail: ThreadInput): string => {
    const chain = [...mail.references, ...(mail.inReplyTo ? [mail.inReplyTo] : [])]
    for (const id of chain) {
      const conversation = known(id)
      if (conversation) return conversation
    }
    // Replies that arrived before their root already opened a conversation under the root's id.
    const own = known(mail.messageId)
    if (own) return own
    // A reply that named its thread after a middle message (In-Reply-To only, no References) came
    // first: its parent, arriving later, joins it instead of opening a second conversation.
    const child = pendingByParent.get(mail.messageId) ?? repo.conversationOfReplyTo(mail.messageId)
    if (child) return child
    if (chain.length > 0) return chain[0]!
    return bySubject(mail) ?? mail.messageId
  }

  return {
    /** The conversation's external id for this mail; remembers it for the rest of the batch. */
    assign(mail: ThreadInput): string {
      const conversation = resolve(mail)
      pendingByMessage.set(mail.messageId, conversation)
      if (mail.inReplyTo) pendingByParent.set(mail.inReplyTo, conversation)
      const normalized = normalizeSubject(mail.subject)
      if (mail.counterpart && normalized) {
        pendingBySubject.set(`${mail.counterpart}\n${normalized}`, { conversation, at: mail.sentAt })
      }
      return conversation
    },
    /** Forget the batch's memory once it is committed (the store answers from then on). */
    clearPending(): void {
      pendingByMessage.clear()
      pendingByParent.clear()
      pendingBySubject.clear()
    },
  }
}

export type Threader = ReturnType<typeof createThreader>
