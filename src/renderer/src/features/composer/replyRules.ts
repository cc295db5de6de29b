import type { ConversationRow, Message } from '../../../../shared/domain'

/** The same limits the core enforces in `reply:queue`; checked here only to warn before sending. */
export const X_LIMIT = 280
export const MESSENGER_WINDOW_MS = 24 * 3_600_000

/** Counts code points, as the core does: an emoji is one character, not two UTF-16 units. */
export function codePointLength(text: string): number {
  let n = 0
  for (const _ of text) n++
  return n
}

/** When the customer last wrote, or null if they never did in this conversation. */
export function lastInboundAt(messages: readonly Message[]): number | null {
  let last: number | null = null
  for (const m of messages) if (m.direction === 'in' && (last === null || m.sentAt > last)) last = m.sentAt
  return last
}

/** Messenger lets a page answer a private message only within 24 hours of the customer's last one. */
export function isMessengerWindowClosed(
  conversation: Pick<ConversationRow, 'channel' | 'visibility'>,
  messages: readonly Message[],
  now: number,
): boolean {
  if (conversation.channel !== 'facebook' || conversation.visibility !== 'private') return false
  const since = lastInboundAt(messages)
  return since === null || now - since > MESSENGER_WINDOW_MS
}

/** "Re: <subject>", without stacking prefixes on a subject that already has one (Re:, AW:, Antw:). */
export function replySubject(subject: string | null): string {
  const s = (subject ?? '').trim()
  return /^(re|aw|antw)\s*:/i.test(s) ? s : `Re: ${s}`.trim()
}

/** What the composer needs to know to allow or block a send, derived from channel and text. */
export interface ReplyCheck {
  /** For X: characters used of the limit; null on channels without one. */
  count: { used: number; limit: number } | null
  overLimit: boolean
  windowClosed: boolean
  canSend: boolean
}

export function checkReply(
  conversation: Pick<ConversationRow, 'channel' | 'visibility'>,
  messages: readonly Message[],
  text: string,
  now: number,
): ReplyCheck {
  const body = text.trim()
  const count = conversation.channel === 'x' ? { used: codePointLength(body), limit: X_LIMIT } : null
  const overLimit = count !== null && count.used > count.limit
  const windowClosed = isMessengerWindowClosed(conversation, messages, now)
  return { count, overLimit, windowClosed, canSend: body.length > 0 && !overLimit && !windowClosed }
}
