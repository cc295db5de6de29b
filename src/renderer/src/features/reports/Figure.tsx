import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Report, ReportFigure } from '../../../../shared/commands/reports'
import type { ChartLabels } from './charts'

/** What each figure component gets: the report, its summary sentence, and how to download its CSV. */
export interface FigureProps {
  report: Report
  summary: string
  download: () => void
}

export interface Column<R> {
  key: string
  header: string
  cell: (row: R) => ReactNode
  /** Numbers line up on the right. */
  numeric?: boolean
}

/** The figure's numbers as a table, rendered only once someone opens it (ten years of days is long). */
function DataTable<R>({ caption, columns, rows }: { caption: string; columns: Column<R>[]; rows: R[] }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <details className="figure-data" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('reports.showData')}</summary>
      {open &&
        (rows.length === 0 ? (
          <p className="muted">{t('reports.noRows')}</p>
        ) : (
          <table className="data-table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.key} scope="col" className={c.numeric ? 'numeric' : undefined}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  {columns.map((c) => (
                    <td key={c.key} className={c.numeric ? 'numeric' : undefined}>
                      {c.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </details>
  )
}

/**
 * One figure: its heading, a sentence saying what it shows, the chart (an image named by both), the
 * numbers as a table, and its CSV.
 */
export function Figure<R>({
  figure,
  title,
  summary,
  chart,
  columns,
  rows,
  onDownload,
}: {
  figure: ReportFigure
  title: string
  summary: string
  chart: ((labels: ChartLabels) => ReactNode) | null
  columns: Column<R>[]
  rows: R[]
  onDownload: () => void
}) {
  const { t } = useTranslation()
  const labels = { labelledBy: `report-${figure}-title`, describedBy: `report-${figure}-summary` }
  return (
    <section className="report-figure" aria-labelledby={labels.labelledBy}>
      <div className="figure-head">
        <h3 id={labels.labelledBy}>{title}</h3>
        <button
          type="button"
          className="small"
          onClick={onDownload}
          aria-label={t('reports.downloadFigure', { figure: title })}
        >
          {t('reports.csv')}
        </button>
      </div>
      <p id={labels.describedBy} className="figure-summary">
        {summary}
      </p>
      {chart?.(labels)}
      <DataTable caption={title} columns={columns} rows={rows} />
    </section>
  )
}
