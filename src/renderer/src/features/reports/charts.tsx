/**
 * Charts as plain SVG: each is one image named by its figure's heading and described by its summary
 * sentence; the numbers themselves are in the figure's data table, which every reader can open.
 */

const WIDTH = 720

export interface ChartLabels {
  labelledBy: string
  describedBy: string
}

export interface Series {
  key: string
  label: string
  /** A CSS class giving the series its colour (reports.css). */
  className: string
  values: number[]
}

export function Legend({ series }: { series: Pick<Series, 'key' | 'label' | 'className'>[] }) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {series.map((s) => (
        <li key={s.key}>
          <span className={`swatch ${s.className}`} />
          {s.label}
        </li>
      ))}
    </ul>
  )
}

/** One bar per day, stacked by series; the scale, the first and the last day are written on the axes. */
export function DayBars({
  labels,
  days,
  series,
  dayLabel,
  valueLabel,
}: {
  labels: ChartLabels
  days: string[]
  series: Series[]
  dayLabel: (day: string) => string
  valueLabel: (n: number) => string
}) {
  const height = 160
  const top = 16
  const bottom = 20
  const totals = days.map((_, i) => series.reduce((n, s) => n + (s.values[i] ?? 0), 0))
  const max = Math.max(1, ...totals)
  const slot = WIDTH / Math.max(1, days.length)
  const scale = (n: number) => (n / max) * (height - top - bottom)
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={labels.labelledBy}
      aria-describedby={labels.describedBy}
    >
      <text x={0} y={11} className="chart-axis">
        {valueLabel(max)}
      </text>
      <line x1={0} x2={WIDTH} y1={top} y2={top} className="chart-grid" />
      <line x1={0} x2={WIDTH} y1={height - bottom} y2={height - bottom} className="chart-baseline" />
      {days.map((day, i) => {
        let y = height - bottom
        return (
          <g key={day}>
            {series.map((s) => {
              const h = scale(s.values[i] ?? 0)
              y -= h
              return h > 0 ? (
                <rect
                  key={s.key}
                  className={s.className}
                  x={i * slot + slot * 0.1}
                  y={y}
                  width={Math.max(0.5, slot * 0.8)}
                  height={h}
                />
              ) : null
            })}
          </g>
        )
      })}
      {days.length > 0 && (
        <>
          <text x={0} y={height - 4} className="chart-axis">
            {dayLabel(days[0]!)}
          </text>
          <text x={WIDTH} y={height - 4} className="chart-axis" textAnchor="end">
            {dayLabel(days.at(-1)!)}
          </text>
        </>
      )}
    </svg>
  )
}

export interface BarRow {
  key: string
  label: string
  segments: { key: string; value: number; className: string }[]
  /** Written at the end of the bar. */
  text: string
}

/** Horizontal bars, one row per channel, segments stacked; all rows on one scale up to `max`. */
export function RowBars({ labels, rows, max }: { labels: ChartLabels; rows: BarRow[]; max?: number }) {
  const rowHeight = 26
  const labelWidth = 120
  const textWidth = 220
  const barWidth = WIDTH - labelWidth - textWidth
  const scale = Math.max(1, max ?? Math.max(0, ...rows.map((r) => r.segments.reduce((n, s) => n + s.value, 0))))
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${WIDTH} ${rows.length * rowHeight + 4}`}
      role="img"
      aria-labelledby={labels.labelledBy}
      aria-describedby={labels.describedBy}
    >
      {rows.map((row, i) => {
        const y = i * rowHeight + 4
        let x = labelWidth
        return (
          <g key={row.key}>
            <text x={0} y={y + 15} className="chart-label">
              {row.label}
            </text>
            <rect x={labelWidth} y={y} width={barWidth} height={rowHeight - 8} className="chart-track" />
            {row.segments.map((s) => {
              const w = (s.value / scale) * barWidth
              const rect = <rect key={s.key} className={s.className} x={x} y={y} width={w} height={rowHeight - 8} />
              x += w
              return rect
            })}
            <text x={labelWidth + barWidth + 8} y={y + 15} className="chart-label">
              {row.text}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

/** Weekdays down, hours across; the darker a cell, the more messages came in then. */
export function Heatmap({
  labels,
  counts,
  weekdayLabel,
}: {
  labels: ChartLabels
  /** counts[weekday - 1][hour] */
  counts: number[][]
  weekdayLabel: (weekday: number) => string
}) {
  const left = 44
  const cell = (WIDTH - left) / 24
  const rowHeight = 20
  const max = Math.max(1, ...counts.flat())
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${WIDTH} ${7 * rowHeight + 18}`}
      role="img"
      aria-labelledby={labels.labelledBy}
      aria-describedby={labels.describedBy}
    >
      {counts.map((hours, w) => (
        <g key={w}>
          <text x={0} y={w * rowHeight + 14} className="chart-label">
            {weekdayLabel(w + 1)}
          </text>
          {hours.map((n, h) => (
            <rect
              key={h}
              className="heat-cell"
              x={left + h * cell + 1}
              y={w * rowHeight + 1}
              width={cell - 2}
              height={rowHeight - 2}
              fillOpacity={n === 0 ? 0.06 : 0.15 + 0.85 * (n / max)}
            />
          ))}
        </g>
      ))}
      {[0, 6, 12, 18].map((h) => (
        <text key={h} x={left + h * cell} y={7 * rowHeight + 14} className="chart-axis">
          {String(h).padStart(2, '0')}
        </text>
      ))}
    </svg>
  )
}
