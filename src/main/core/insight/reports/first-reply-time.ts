import type { Channel } from '../../../../shared/domain'
import { firstReplyBusinessMs } from '../business-time'
import { replyTargetMs, type PolicyClock } from '../sla-policy'

/** How long the customer waited for the first answer, in business time, and the target that applied. */
export interface FirstReplyTime {
  businessMs: number
  targetMs: number
}

/** Null until someone answered. Stored when a conversation's clock settles; reports read what is stored. */
export function firstReplyTime(
  clock: PolicyClock,
  channel: Channel,
  firstCustomerMessageAt: number | null,
  firstReplyAt: number | null,
): FirstReplyTime | null {
  const businessMs = firstReplyBusinessMs(clock.calendarFor(channel), firstCustomerMessageAt, firstReplyAt)
  return businessMs === null ? null : { businessMs, targetMs: replyTargetMs(clock.policy, channel, 'first') }
}
