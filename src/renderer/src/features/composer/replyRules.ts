import type { ConversationRow, Message } from '../../../../shared/domain'
import { replyLimit, replyProblem, type ReplyTarget } from '../../../../shared/replyRules'
import { unfilledPlaceholders } from '../../../../shared/templates'

/** When the customer last wrote, or null if they never did in this conversation. */
export function lastInboundAt(messages: readonly Message[]): number | null {
  let last: number | null = null
  for (const m of messages) if (m.direction === 'in' && (last === null || m.sentAt > last)) last = m.sentAt
  return last
}

/** The message an email reply quotes: the customer's latest. */
export function latestInbound(messages: readonly Message[]): Message | null {
  let latest: Message | null = null
  for (const m of messages) if (m.direction === 'in' && (latest === null || m.sentAt >= latest.sentAt)) latest = m
  return latest
}

/** What the composer needs to know to allow or block a send, derived from channel and text. */
export interface ReplyCheck {
  /** On channels with a length limit: the length as the provider counts it, and the limit. */
  count: { used: number; limit: number } | null
  overLimit: boolean
  windowClosed: boolean
  /** Canned-reply variables nobody filled in ("{{agent.name}}"): the customer must not see them. */
  unfilled: string[]
  canSend: boolean
}

/**
 * The rules the core enforces in `reply:queue` (shared/replyRules.ts), applied while typing so the
 * person sees them before sending; plus one the core leaves to the person: no unfilled variables.
 */
export function checkReply(
  conversation: Pick<ConversationRow, 'channel' | 'visibility'>,
  messages: readonly Message[],
  text: string,
  now: number,
  /** What the core knows beyond the conversation (a Mastodon instance's limit): see `mastodon:replyFacts`. */
  facts: Pick<ReplyTarget, 'mastodon'> = {},
): ReplyCheck {
  const target: ReplyTarget = { ...conversation, lastInboundAt: lastInboundAt(messages), ...facts }
  const limit = replyLimit(target)
  const count = limit ? { used: limit.count(text.trim()), limit: limit.max } : null
  const problem = replyProblem(target, text, now)
  const unfilled = unfilledPlaceholders(text)
  return {
    count,
    overLimit: problem?.kind === 'too-long',
    windowClosed: problem?.kind === 'window-closed',
    unfilled,
    canSend: problem === null && unfilled.length === 0,
  }
}
