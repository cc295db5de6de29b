import type { Message, OutboxItem } from '../../../../shared/domain'

/**
 * The thread and the outbox are fetched separately, so for a moment after a reply goes out the thread
 * may already hold the sent message while the outbox still says "sending". A pending reply whose text
 * already arrived as our message (at or after it was queued) is that same reply: show it once.
 */
export function withoutDelivered(pending: readonly OutboxItem[], messages: readonly Message[]): OutboxItem[] {
  const sent = messages.filter((m) => m.direction === 'out')
  return pending.filter((item) => !sent.some((m) => m.bodyText === item.bodyText && m.sentAt >= item.createdAt - CLOCK_SKEW_MS))
}

/** The provider stamps the sent time with its own clock, which may run a little behind ours. */
const CLOCK_SKEW_MS = 60_000
