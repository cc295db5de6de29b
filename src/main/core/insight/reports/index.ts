import type { Report } from '../../../../shared/commands/reports'
import type { Db } from '../../store/db'
import { busiestHours } from './heatmap'
import { topComplainers } from './complainers'
import { firstReplyTimes } from './first-reply'
import { outcomesByChannel } from './outcomes'
import { productFeedback } from './product-feedback'
import { salesByChannel } from './sales'
import { reportScope } from './scope'
import { sentimentByDay } from './sentiment'
import { unsettledConversations } from './unsettled'
import { volumeByChannelAndDay } from './volume'
import { answeredWithinTarget } from './within-target'

export { foldInSteps } from './rollup'

/**
 * Every figure of a workspace's report for a range of days (default: the last 30). One read
 * transaction, so the figures agree with each other even while the app writes beside a reader.
 */
export function buildReport(
  db: Db,
  workspaceId: number,
  given: { from?: string; to?: string },
  now = Date.now(),
): Report {
  return db.transaction(() => {
    const scope = reportScope(db, workspaceId, given, now)
    const unsettled = unsettledConversations(db, scope)
    return {
      workspaceId,
      range: scope.range,
      volume: volumeByChannelAndDay(db, scope),
      firstReply: firstReplyTimes(db, scope, unsettled),
      withinTarget: answeredWithinTarget(db, scope, unsettled),
      outcomes: outcomesByChannel(db, scope),
      sentiment: sentimentByDay(db, scope),
      heatmap: busiestHours(db, scope),
      complainers: topComplainers(db, scope),
      sales: salesByChannel(db, scope),
      productFeedback: productFeedback(db, scope),
    }
  })()
}
