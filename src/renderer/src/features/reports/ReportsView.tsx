import { useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Report, ReportFigure } from '../../../../shared/commands/reports'
import { reportCsv } from '../../../../shared/reportCsv'
import { api } from '../../api/client'
import { useDbChanged, useQuery } from '../../api/hooks'
import { ErrorMessage, Loading } from '../../components/Feedback'
import { FirstReplyFigure, OutcomesFigure, WithinTargetFigure } from './ConversationFigures'
import { downloadCsv } from './download'
import type { FigureProps } from './Figure'
import { HeatmapFigure, SentimentFigure, VolumeFigure } from './MessageFigures'
import { ComplainersFigure, ProductFeedbackFigure, SalesFigure } from './PeopleFigures'
import { useReportRange } from './reportStore'
import { reportSummaries } from './reportText'

const FIGURES: [ReportFigure, (props: FigureProps) => ReactNode][] = [
  ['volume', VolumeFigure],
  ['firstReply', FirstReplyFigure],
  ['withinTarget', WithinTargetFigure],
  ['outcomes', OutcomesFigure],
  ['sentiment', SentimentFigure],
  ['heatmap', HeatmapFigure],
  ['complainers', ComplainersFigure],
  ['sales', SalesFigure],
  ['productFeedback', ProductFeedbackFigure],
]

/** How the workspace is doing over a range of days: every figure `earshot report` prints, as charts. */
export function ReportsView({ workspaceId }: { workspaceId: number }) {
  const { t } = useTranslation()
  const { from, to } = useReportRange()
  const { data, error, loading, reload } = useQuery(`report:${workspaceId}:${from}:${to}`, () =>
    api.invoke('report:get', { workspaceId, ...(from ? { from } : {}), ...(to ? { to } : {}) }),
  )
  useDbChanged(['conversations', 'messages', 'contacts', 'tags', 'settings'], workspaceId, reload)
  return (
    <section className="view reports" aria-labelledby="reports-heading" aria-busy={loading}>
      <div className="view-head">
        <h2 id="reports-heading">{t('reports.heading')}</h2>
        {data && (
          <button
            type="button"
            onClick={() => downloadCsv(`earshot-report-${data.range.from}-${data.range.to}.csv`, reportCsv(data))}
          >
            {t('reports.downloadAll')}
          </button>
        )}
      </div>
      {data && <RangeForm key={`${data.range.from}:${data.range.to}`} report={data} />}
      <ErrorMessage error={error} />
      {data ? <Figures report={data} /> : !error && <Loading />}
    </section>
  )
}

/** The days shown, in the workspace's time zone; both ends included. */
function RangeForm({ report }: { report: Report }) {
  const { t } = useTranslation()
  const setRange = useReportRange((s) => s.setRange)
  const [from, setFrom] = useState(report.range.from)
  const [to, setTo] = useState(report.range.to)
  const apply = (e: FormEvent) => {
    e.preventDefault()
    if (from && to) setRange(from, to)
  }
  return (
    <form className="field-row report-range" onSubmit={apply} aria-label={t('reports.range')}>
      <label className="field">
        <span>{t('reports.from')}</span>
        <input type="date" required value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('reports.to')}</span>
        <input type="date" required value={to} min={from} onChange={(e) => setTo(e.target.value)} />
      </label>
      <button type="submit">{t('reports.show')}</button>
      <button type="button" onClick={() => setRange(null, null)}>
        {t('reports.last30')}
      </button>
      <span className="muted small">{t('reports.timeZone', { zone: report.range.timeZone })}</span>
    </form>
  )
}

function Figures({ report }: { report: Report }) {
  const { t, i18n } = useTranslation()
  const summaries = reportSummaries(t, i18n.language, report)
  const { from, to } = report.range
  return (
    <div className="report-figures">
      {FIGURES.map(([figure, Component]) => (
        <Component
          key={figure}
          report={report}
          summary={summaries[figure]}
          // The same text as `earshot report --figure <figure> --format csv`.
          download={() => downloadCsv(`earshot-report-${figure}-${from}-${to}.csv`, reportCsv(report, [figure]))}
        />
      ))}
    </div>
  )
}
