import { useTranslation } from 'react-i18next'
import type { ChannelOrAll, FirstReplyRow, OutcomeRow, WithinTargetRow } from '../../../../shared/commands/reports'
import { RowBars, Legend } from './charts'
import { Figure, type Column, type FigureProps } from './Figure'
import { formatDuration, formatNumber, formatShare } from './reportFormat'

const OUTCOME_PARTS = [
  ['answeredInChannel', 'outcome-answered'],
  ['redirectedHotline', 'outcome-hotline'],
  ['redirectedEmail', 'outcome-email'],
  ['redirectedOther', 'outcome-other'],
  ['unanswered', 'outcome-unanswered'],
] as const

export function useChannelLabel() {
  const { t } = useTranslation()
  return (channel: ChannelOrAll) => (channel === 'all' ? t('reports.allChannels') : t(`channel.${channel}`))
}

/** The first-reply wait per channel: the darker part of each bar is the median, the whole bar the p90. */
export function FirstReplyFigure({ report, summary, download }: FigureProps) {
  const { t, i18n } = useTranslation()
  const channel = useChannelLabel()
  const lang = i18n.language
  const columns: Column<FirstReplyRow>[] = [
    { key: 'channel', header: t('reports.column.channel'), cell: (r) => channel(r.channel) },
    {
      key: 'answered',
      header: t('reports.column.answered'),
      cell: (r) => formatNumber(lang, r.answered),
      numeric: true,
    },
    {
      key: 'medianMs',
      header: t('reports.column.median'),
      cell: (r) => formatDuration(lang, r.medianMs),
      numeric: true,
    },
    { key: 'p90Ms', header: t('reports.column.p90'), cell: (r) => formatDuration(lang, r.p90Ms), numeric: true },
  ]
  return (
    <Figure
      figure="firstReply"
      title={t('reports.figure.firstReply')}
      summary={summary}
      rows={report.firstReply}
      columns={columns}
      onDownload={download}
      chart={(labels) => (
        <>
          <RowBars
            labels={labels}
            rows={report.firstReply.map((r) => ({
              key: r.channel,
              label: channel(r.channel),
              segments: [
                { key: 'median', value: r.medianMs ?? 0, className: 'bar-median' },
                { key: 'p90', value: (r.p90Ms ?? 0) - (r.medianMs ?? 0), className: 'bar-p90' },
              ],
              text: `${formatDuration(lang, r.medianMs)} · ${formatDuration(lang, r.p90Ms)}`,
            }))}
          />
          <Legend
            series={[
              { key: 'median', label: t('reports.column.median'), className: 'bar-median' },
              { key: 'p90', label: t('reports.column.p90'), className: 'bar-p90' },
            ]}
          />
        </>
      )}
    />
  )
}

export function WithinTargetFigure({ report, summary, download }: FigureProps) {
  const { t, i18n } = useTranslation()
  const channel = useChannelLabel()
  const lang = i18n.language
  const columns: Column<WithinTargetRow>[] = [
    { key: 'channel', header: t('reports.column.channel'), cell: (r) => channel(r.channel) },
    {
      key: 'answered',
      header: t('reports.column.answered'),
      cell: (r) => formatNumber(lang, r.answered),
      numeric: true,
    },
    {
      key: 'withinTarget',
      header: t('reports.column.withinTarget'),
      cell: (r) => formatNumber(lang, r.withinTarget),
      numeric: true,
    },
    { key: 'share', header: t('reports.column.share'), cell: (r) => formatShare(lang, r.share), numeric: true },
  ]
  return (
    <Figure
      figure="withinTarget"
      title={t('reports.figure.withinTarget')}
      summary={summary}
      rows={report.withinTarget}
      columns={columns}
      onDownload={download}
      chart={(labels) => (
        <RowBars
          labels={labels}
          max={1}
          rows={report.withinTarget.map((r) => ({
            key: r.channel,
            label: channel(r.channel),
            segments: [{ key: 'share', value: r.share ?? 0, className: 'bar-ok' }],
            text: formatShare(lang, r.share),
          }))}
        />
      )}
    />
  )
}

/** What became of the conversations, each channel's bar split by outcome out of its own total. */
export function OutcomesFigure({ report, summary, download }: FigureProps) {
  const { t, i18n } = useTranslation()
  const channel = useChannelLabel()
  const lang = i18n.language
  const columns: Column<OutcomeRow>[] = [
    { key: 'channel', header: t('reports.column.channel'), cell: (r) => channel(r.channel) },
    {
      key: 'conversations',
      header: t('reports.column.conversations'),
      cell: (r) => formatNumber(lang, r.conversations),
      numeric: true,
    },
    ...OUTCOME_PARTS.map(([key]) => ({
      key,
      header: t(`reports.column.${key}`),
      cell: (r: OutcomeRow) => formatNumber(lang, r[key]),
      numeric: true,
    })),
  ]
  return (
    <Figure
      figure="outcomes"
      title={t('reports.figure.outcomes')}
      summary={summary}
      rows={report.outcomes}
      columns={columns}
      onDownload={download}
      chart={(labels) => (
        <>
          <RowBars
            labels={labels}
            max={1}
            rows={report.outcomes.map((r) => ({
              key: r.channel,
              label: channel(r.channel),
              segments: OUTCOME_PARTS.map(([key, className]) => ({
                key,
                value: r.conversations === 0 ? 0 : r[key] / r.conversations,
                className,
              })),
              text: t('reports.conversationCount', {
                count: r.conversations,
                formatted: formatNumber(lang, r.conversations),
              }),
            }))}
          />
          <Legend
            series={OUTCOME_PARTS.map(([key, className]) => ({ key, label: t(`reports.column.${key}`), className }))}
          />
        </>
      )}
    />
  )
}
