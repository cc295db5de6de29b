import type { HeatmapCell } from '../../../../shared/commands/reports'
import type { Db } from '../../store/db'
import { DAY_MS, HOUR_MS, zoneOffsetMs } from '../zone'
import type { LocalDay } from './range'
import { dayParams, type ReportScope } from './scope'

const PER_DAY = `SELECT hour, sum(incoming) AS incoming FROM report_hours
  WHERE workspace_id = @workspaceId AND hour >= @firstHour AND hour < @endHour
  GROUP BY hour`

/** The local hour of day (0–23) in which a UTC hour begins; on the days the clocks change, hour by hour. */
function localHourOf(timeZone: string, day: LocalDay): (hour: number) => number {
  // On a 24-hour day the offset is the one at its start: local midnight's wall time minus its instant.
  const steadyOffset = day.endMs - day.startMs === DAY_MS ? Date.parse(`${day.date}T00:00:00Z`) - day.startMs : null
  return (hour) => {
    const at = hour * HOUR_MS
    const local = at + (steadyOffset ?? zoneOffsetMs(timeZone, at))
    return ((Math.floor(local / HOUR_MS) % 24) + 24) % 24
  }
}

/** Incoming messages per local weekday and hour: all 7 × 24 cells, Monday 0:00 first. */
export function busiestHours(db: Db, scope: ReportScope): HeatmapCell[] {
  const cells: HeatmapCell[] = []
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) cells.push({ weekday, hour, incoming: 0 })
  }
  const perDay = db.prepare(PER_DAY)
  scope.days.forEach((day, i) => {
    const localHour = localHourOf(scope.range.timeZone, day)
    const rows = perDay.all(dayParams(scope, day)) as { hour: number; incoming: number }[]
    for (const row of [...rows, ...scope.unfoldedByDay[i]!]) {
      cells[(day.weekday - 1) * 24 + localHour(row.hour)]!.incoming += row.incoming
    }
  })
  return cells
}
