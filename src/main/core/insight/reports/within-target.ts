import type { ChannelOrAll, WithinTargetRow } from '../../../../shared/commands/reports'
import type { Db } from '../../store/db'
import type { FirstReplyTime } from './first-reply-time'
import { rangeParams, type ReportScope } from './scope'
import type { Unsettled } from './unsettled'

const COUNTS = `SELECT count(*) AS answered,
    count(CASE WHEN first_reply_business_ms <= first_reply_target_ms THEN 1 END) AS withinTarget
  FROM conversations
  WHERE workspace_id = @workspaceId AND channel = @channel
    AND first_customer_message_at >= @fromMs AND first_customer_message_at < @toMs
    AND first_reply_business_ms IS NOT NULL`

const met = (t: FirstReplyTime): number => (t.businessMs <= t.targetMs ? 1 : 0)

function share(channel: ChannelOrAll, answered: number, withinTarget: number): WithinTargetRow {
  return { channel, answered, withinTarget, share: answered === 0 ? null : withinTarget / answered }
}

/** Of the conversations answered, how many within the first-reply target that applied to each. */
export function answeredWithinTarget(db: Db, scope: ReportScope, unsettled: readonly Unsettled[]): WithinTargetRow[] {
  const count = db.prepare(COUNTS)
  const rows = scope.channels.map((channel) => {
    let { answered, withinTarget } = count.get({ ...rangeParams(scope), channel }) as {
      answered: number
      withinTarget: number
    }
    for (const u of unsettled.filter((x) => x.channel === channel)) {
      if (u.stored) [answered, withinTarget] = [answered - 1, withinTarget - met(u.stored)]
      if (u.fresh) [answered, withinTarget] = [answered + 1, withinTarget + met(u.fresh)]
    }
    return share(channel, answered, withinTarget)
  })
  const sum = (key: 'answered' | 'withinTarget') => rows.reduce((n, r) => n + r[key], 0)
  return [...rows, share('all', sum('answered'), sum('withinTarget'))]
}
