import type { Channel } from '../../../../shared/domain'
import type { Db } from '../../store/db'
import { firstReplyTime, type FirstReplyTime } from './first-reply-time'
import { rangeParams, type ReportScope } from './scope'

/**
 * A conversation of the range whose clock has not settled since it last changed: what is stored for
 * it may be stale (or missing), so figures swap it for what the policy says now.
 */
export interface Unsettled {
  channel: Channel
  stored: FirstReplyTime | null
  fresh: FirstReplyTime | null
}

interface Row {
  channel: Channel
  firstCustomerMessageAt: number
  firstReplyAt: number | null
  storedMs: number | null
  storedTargetMs: number | null
}

/** Few at any time (the clock ticker settles them within seconds), found through the index of marked rows. */
export function unsettledConversations(db: Db, scope: ReportScope): Unsettled[] {
  const rows = db
    .prepare(
      `SELECT channel, first_customer_message_at AS firstCustomerMessageAt, first_reply_at AS firstReplyAt,
              first_reply_business_ms AS storedMs, first_reply_target_ms AS storedTargetMs
       FROM conversations INDEXED BY conversations_sla_dirty
       WHERE sla_dirty = 1 AND workspace_id = @workspaceId
         AND first_customer_message_at >= @fromMs AND first_customer_message_at < @toMs`,
    )
    .all(rangeParams(scope)) as Row[]
  return rows.map((r) => ({
    channel: r.channel,
    stored:
      r.storedMs === null || r.storedTargetMs === null ? null : { businessMs: r.storedMs, targetMs: r.storedTargetMs },
    fresh: firstReplyTime(scope.clock, r.channel, r.firstCustomerMessageAt, r.firstReplyAt),
  }))
}
