import type { VolumeRow } from '../../../../shared/commands/reports'
import type { Channel } from '../../../../shared/domain'
import type { Db } from '../../store/db'
import { dayParams, type ReportScope } from './scope'

const PER_DAY = `SELECT account_id AS accountId, sum(incoming) AS incoming, sum(outgoing) AS outgoing FROM report_hours
  WHERE workspace_id = @workspaceId AND hour >= @firstHour AND hour < @endHour
  GROUP BY account_id`

/** Messages in and out per channel and local day; every day and channel of the range, zeros included. */
export function volumeByChannelAndDay(db: Db, scope: ReportScope): VolumeRow[] {
  const perDay = db.prepare(PER_DAY)
  return scope.days.flatMap((day, i) => {
    const counts = new Map<Channel, VolumeRow>(
      scope.channels.map((channel) => [channel, { day: day.date, channel, incoming: 0, outgoing: 0 }]),
    )
    const rows = perDay.all(dayParams(scope, day)) as { accountId: number; incoming: number; outgoing: number }[]
    for (const row of [...rows, ...scope.unfoldedByDay[i]!]) {
      const count = counts.get(scope.channelOfAccount.get(row.accountId)!)!
      count.incoming += row.incoming
      count.outgoing += row.outgoing
    }
    return [...counts.values()]
  })
}
