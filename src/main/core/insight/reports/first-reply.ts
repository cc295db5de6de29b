import type { ChannelOrAll, FirstReplyRow } from '../../../../shared/commands/reports'
import type { Db } from '../../store/db'
import { rangeParams, type ReportScope } from './scope'
import type { Unsettled } from './unsettled'

// One JSON array crosses into JS instead of a row per conversation: a year is 100,000 of them.
const WAITS = `SELECT json_group_array(first_reply_business_ms) FROM conversations
  WHERE workspace_id = @workspaceId AND channel = @channel
    AND first_customer_message_at >= @fromMs AND first_customer_message_at < @toMs
    AND first_reply_business_ms IS NOT NULL`

/** Nearest rank: the smallest value that at least `p` per cent of the sorted values do not exceed. */
export function nearestRank(sorted: Float64Array, p: number): number | null {
  if (sorted.length === 0) return null
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/** The stored waits, with each unsettled conversation's stale value swapped for its fresh one. */
function waitsOf(stored: number[], unsettled: readonly Unsettled[]): Float64Array {
  const waits = [...stored]
  for (const u of unsettled) {
    const at = u.stored ? waits.indexOf(u.stored.businessMs) : -1
    if (at >= 0) waits.splice(at, 1)
    if (u.fresh) waits.push(u.fresh.businessMs)
  }
  return Float64Array.from(waits).sort()
}

function row(channel: ChannelOrAll, waits: Float64Array): FirstReplyRow {
  return { channel, answered: waits.length, medianMs: nearestRank(waits, 50), p90Ms: nearestRank(waits, 90) }
}

/** Median and 90th percentile of the first-reply wait in business time, per channel and for all. */
export function firstReplyTimes(db: Db, scope: ReportScope, unsettled: readonly Unsettled[]): FirstReplyRow[] {
  const read = db.prepare(WAITS).pluck()
  const perChannel = scope.channels.map((channel) => {
    const stored = JSON.parse(read.get({ ...rangeParams(scope), channel }) as string) as number[]
    return {
      channel,
      waits: waitsOf(
        stored,
        unsettled.filter((u) => u.channel === channel),
      ),
    }
  })
  const all = new Float64Array(perChannel.reduce((n, c) => n + c.waits.length, 0))
  let offset = 0
  for (const { waits } of perChannel) {
    all.set(waits, offset)
    offset += waits.length
  }
  return [...perChannel.map((c) => row(c.channel, c.waits)), row('all', all.sort())]
}
