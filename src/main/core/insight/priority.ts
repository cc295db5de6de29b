import type { Visibility } from '../../../shared/domain'
import { HOUR_MS } from './zone'

/** What decides how urgently a waiting customer should be answered. */
export interface PriorityInput {
  /** Since when the customer has waited for our answer; null when the last word is ours. */
  waitingSince: number | null
  /** Largest follower count of the customer's identities (0 where the channel has none). */
  reach: number
  /** -1 (angry) … 1 (delighted); null where no score exists, which counts as neutral. */
  sentiment: number | null
  visibility: Visibility
  vip: boolean
}

/** A public complaint is seen by everyone: it counts as if it had waited this much longer. */
export const PUBLIC_HEAD_START_MS = 2 * HOUR_MS
/** Per tenfold followers above a hundred: 1,000 followers gain an hour, 1,000,000 gain four. */
export const REACH_HEAD_START_PER_DECADE_MS = HOUR_MS
const REACH_FLOOR_DECADES = 2
/** A fully negative message gains this much; a fully positive one loses as much. */
export const SENTIMENT_HEAD_START_MS = 2 * HOUR_MS
export const VIP_HEAD_START_MS = 3 * HOUR_MS

/**
 * How much earlier than its real start a customer's wait counts. Priority is waiting time plus this
 * head start, so every factor reads in the same unit: "as urgent as n more hours of waiting".
 */
export function priorityHeadStartMs(input: Omit<PriorityInput, 'waitingSince'>): number {
  const decades = input.reach > 0 ? Math.max(0, Math.log10(input.reach) - REACH_FLOOR_DECADES) : 0
  const sentiment = Math.max(-1, Math.min(1, input.sentiment ?? 0))
  return (
    (input.visibility === 'public' ? PUBLIC_HEAD_START_MS : 0) +
    decades * REACH_HEAD_START_PER_DECADE_MS -
    sentiment * SENTIMENT_HEAD_START_MS +
    (input.vip ? VIP_HEAD_START_MS : 0)
  )
}

/** The priority score at `now`, in hours of effective waiting; null when nobody is waiting. */
export function priorityScore(input: PriorityInput, now: number): number | null {
  const anchor = priorityAnchor(input)
  return anchor === null ? null : (now - anchor) / HOUR_MS
}

/**
 * The instant the effective wait began. Every score grows at the same rate, so sorting by this
 * (earliest first) orders conversations exactly as their scores would at any moment: it can be
 * stored and indexed once instead of recomputed as time passes.
 */
export function priorityAnchor(input: PriorityInput): number | null {
  return input.waitingSince === null ? null : Math.round(input.waitingSince - priorityHeadStartMs(input))
}
