import type { SentimentRow } from '../../../../shared/commands/reports'
import type { Db } from '../../store/db'
import { dayParams, type ReportScope } from './scope'

const PER_DAY = `SELECT coalesce(sum(negative), 0) AS negative, coalesce(sum(neutral), 0) AS neutral,
    coalesce(sum(positive), 0) AS positive, coalesce(sum(sentiment_micros), 0) AS sentimentMicros
  FROM report_hours WHERE workspace_id = @workspaceId AND hour >= @firstHour AND hour < @endHour`

type Moods = Pick<SentimentRow, 'negative' | 'neutral' | 'positive'> & { sentimentMicros: number }

/** Incoming messages per mood and local day, with the day's mean score. */
export function sentimentByDay(db: Db, scope: ReportScope): SentimentRow[] {
  const perDay = db.prepare(PER_DAY)
  return scope.days.map((day, i) => {
    const row: SentimentRow = { day: day.date, negative: 0, neutral: 0, positive: 0, averageScore: null }
    let micros = 0
    for (const r of [perDay.get(dayParams(scope, day)) as Moods, ...scope.unfoldedByDay[i]!]) {
      row.negative += r.negative
      row.neutral += r.neutral
      row.positive += r.positive
      micros += r.sentimentMicros
    }
    const scored = row.negative + row.neutral + row.positive
    if (scored > 0) row.averageScore = micros / 1_000_000 / scored
    return row
  })
}
