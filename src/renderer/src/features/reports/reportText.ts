import type { TFunction } from 'i18next'
import type { Report, ReportFigure } from '../../../../shared/commands/reports'
import { formatScore } from '../../components/format'
import { formatMoney } from '../contact/money'
import { formatDay, formatDuration, formatHour, formatNumber, formatShare, formatWeekday } from './reportFormat'

const sum = <T>(rows: readonly T[], value: (row: T) => number): number => rows.reduce((n, r) => n + value(r), 0)

/**
 * One sentence per figure saying what its chart shows: read out by screen readers with the chart, and
 * the quickest way for anyone to take the figure in.
 */
export function reportSummaries(t: TFunction, lang: string, report: Report): Record<ReportFigure, string> {
  const n = (value: number) => formatNumber(lang, value)
  return {
    volume: volumeText(t, lang, report),
    firstReply: (() => {
      const all = report.firstReply.at(-1)!
      return all.answered === 0
        ? t('reports.summary.firstReplyNone')
        : t('reports.summary.firstReply', {
            median: formatDuration(lang, all.medianMs),
            p90: formatDuration(lang, all.p90Ms),
            count: all.answered,
            answered: n(all.answered),
          })
    })(),
    withinTarget: (() => {
      const all = report.withinTarget.at(-1)!
      return all.answered === 0
        ? t('reports.summary.firstReplyNone')
        : t('reports.summary.withinTarget', {
            share: formatShare(lang, all.share),
            count: all.answered,
            answered: n(all.answered),
          })
    })(),
    outcomes: (() => {
      const all = report.outcomes.at(-1)!
      return t('reports.summary.outcomes', {
        count: all.conversations,
        total: n(all.conversations),
        answered: n(all.answeredInChannel),
        redirected: n(all.redirectedHotline + all.redirectedEmail + all.redirectedOther),
        unanswered: n(all.unanswered),
      })
    })(),
    sentiment: (() => {
      const scored = report.sentiment.filter((d) => d.averageScore !== null)
      const count = sum(scored, (d) => d.negative + d.neutral + d.positive)
      if (count === 0) return t('reports.summary.sentimentNone')
      const mean = sum(scored, (d) => d.averageScore! * (d.negative + d.neutral + d.positive)) / count
      return t('reports.summary.sentiment', {
        negative: n(sum(report.sentiment, (d) => d.negative)),
        neutral: n(sum(report.sentiment, (d) => d.neutral)),
        positive: n(sum(report.sentiment, (d) => d.positive)),
        mean: formatScore(lang, mean),
      })
    })(),
    heatmap: (() => {
      const busiest = report.heatmap.reduce((best, c) => (c.incoming > best.incoming ? c : best))
      return busiest.incoming === 0
        ? t('reports.summary.heatmapNone')
        : t('reports.summary.heatmap', {
            weekday: formatWeekday(lang, busiest.weekday),
            hour: formatHour(lang, busiest.hour),
            count: busiest.incoming,
            messages: n(busiest.incoming),
          })
    })(),
    complainers: (() => {
      const top = report.complainers[0]
      return top === undefined
        ? t('reports.summary.complainersNone')
        : t('reports.summary.complainers', { name: top.name, reach: n(top.reach), count: top.negativeMessages })
    })(),
    sales: (() => {
      const sales = report.sales.filter((s) => s.kind === 'sale')
      if (report.sales.length === 0) return t('reports.summary.salesNone')
      const values = sales.map((s) => formatMoney(lang, s.valueMinor!, s.currency!)).join(', ')
      return t('reports.summary.sales', {
        count: sum(report.sales, (s) => s.contacts),
        outcomes: n(sum(report.sales, (s) => s.contacts)),
        sales: n(sum(sales, (s) => s.contacts)),
        value: values || formatNumber(lang, 0),
      })
    })(),
    productFeedback: t('reports.summary.productFeedback', { count: report.productFeedback.length }),
  }
}

function volumeText(t: TFunction, lang: string, report: Report): string {
  const perDay = new Map<string, number>()
  for (const v of report.volume) perDay.set(v.day, (perDay.get(v.day) ?? 0) + v.incoming)
  const [busiestDay, busiest] = [...perDay].reduce((best, d) => (d[1] > best[1] ? d : best), ['', 0])
  const incoming = sum(report.volume, (v) => v.incoming)
  return t(busiest === 0 ? 'reports.summary.volumeNone' : 'reports.summary.volume', {
    incoming: formatNumber(lang, incoming),
    outgoing: formatNumber(
      lang,
      sum(report.volume, (v) => v.outgoing),
    ),
    day: busiestDay && formatDay(lang, busiestDay),
    count: busiest,
    busiest: formatNumber(lang, busiest),
  })
}
