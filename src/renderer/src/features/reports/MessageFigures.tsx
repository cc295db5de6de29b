import { useTranslation } from 'react-i18next'
import type { SentimentRow, VolumeRow } from '../../../../shared/commands/reports'
import { formatScore } from '../../components/format'
import { DayBars, Heatmap, Legend } from './charts'
import { Figure, type Column, type FigureProps } from './Figure'
import { formatDay, formatHour, formatNumber, formatWeekday } from './reportFormat'

const MOODS = ['negative', 'neutral', 'positive'] as const

/** Messages per day, each day's bar split by channel; the table adds in and out per channel. */
export function VolumeFigure({ report, summary, download }: FigureProps) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const days = report.sentiment.map((d) => d.day)
  const channels = [...new Set(report.volume.map((v) => v.channel))]
  const series = channels.map((channel) => {
    const byDay = new Map(
      report.volume.filter((v) => v.channel === channel).map((v) => [v.day, v.incoming + v.outgoing]),
    )
    return {
      key: channel,
      label: t(`channel.${channel}`),
      className: `series-${channel}`,
      values: days.map((d) => byDay.get(d) ?? 0),
    }
  })
  const columns: Column<VolumeRow>[] = [
    { key: 'day', header: t('reports.column.day'), cell: (r) => formatDay(lang, r.day) },
    { key: 'channel', header: t('reports.column.channel'), cell: (r) => t(`channel.${r.channel}`) },
    {
      key: 'incoming',
      header: t('reports.column.incoming'),
      cell: (r) => formatNumber(lang, r.incoming),
      numeric: true,
    },
    {
      key: 'outgoing',
      header: t('reports.column.outgoing'),
      cell: (r) => formatNumber(lang, r.outgoing),
      numeric: true,
    },
  ]
  return (
    <Figure
      figure="volume"
      title={t('reports.figure.volume')}
      summary={summary}
      rows={report.volume}
      columns={columns}
      onDownload={download}
      chart={(labels) => (
        <>
          <DayBars
            labels={labels}
            days={days}
            series={series}
            dayLabel={(d) => formatDay(lang, d)}
            valueLabel={(n) => formatNumber(lang, n)}
          />
          <Legend series={series} />
        </>
      )}
    />
  )
}

/** Incoming messages per day by mood; the table adds the day's mean score. */
export function SentimentFigure({ report, summary, download }: FigureProps) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const series = MOODS.map((mood) => ({
    key: mood,
    label: t(`sentiment.label.${mood}`),
    className: `mood-${mood}`,
    values: report.sentiment.map((d) => d[mood]),
  }))
  const columns: Column<SentimentRow>[] = [
    { key: 'day', header: t('reports.column.day'), cell: (r) => formatDay(lang, r.day) },
    ...MOODS.map((mood) => ({
      key: mood,
      header: t(`sentiment.label.${mood}`),
      cell: (r: SentimentRow) => formatNumber(lang, r[mood]),
      numeric: true,
    })),
    {
      key: 'averageScore',
      header: t('reports.column.averageScore'),
      cell: (r) => (r.averageScore === null ? '–' : formatScore(lang, r.averageScore)),
      numeric: true,
    },
  ]
  return (
    <Figure
      figure="sentiment"
      title={t('reports.figure.sentiment')}
      summary={summary}
      rows={report.sentiment}
      columns={columns}
      onDownload={download}
      chart={(labels) => (
        <>
          <DayBars
            labels={labels}
            days={report.sentiment.map((d) => d.day)}
            series={series}
            dayLabel={(d) => formatDay(lang, d)}
            valueLabel={(n) => formatNumber(lang, n)}
          />
          <Legend series={series} />
        </>
      )}
    />
  )
}

/** Incoming messages by weekday and hour in the workspace's time zone; the table is the same grid in numbers. */
export function HeatmapFigure({ report, summary, download }: FigureProps) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const counts = Array.from({ length: 7 }, (_, w) =>
    Array.from({ length: 24 }, (_, h) => report.heatmap[w * 24 + h]?.incoming ?? 0),
  )
  const weekdays = counts.map((hours, w) => ({ weekday: w + 1, hours }))
  const columns: Column<(typeof weekdays)[number]>[] = [
    { key: 'weekday', header: t('reports.column.weekday'), cell: (r) => formatWeekday(lang, r.weekday) },
    ...Array.from({ length: 24 }, (_, h) => ({
      key: String(h),
      header: formatHour(lang, h),
      cell: (r: (typeof weekdays)[number]) => formatNumber(lang, r.hours[h]!),
      numeric: true,
    })),
  ]
  return (
    <Figure
      figure="heatmap"
      title={t('reports.figure.heatmap', { zone: report.range.timeZone })}
      summary={summary}
      rows={weekdays}
      columns={columns}
      onDownload={download}
      chart={(labels) => <Heatmap labels={labels} counts={counts} weekdayLabel={(w) => formatWeekday(lang, w)} />}
    />
  )
}
