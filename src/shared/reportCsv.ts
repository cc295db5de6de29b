import { REPORT_FIGURES, type Report, type ReportFigure } from './commands/reports'

type RowOf<F extends ReportFigure> = Report[F][number]

/** A figure's columns, named as the fields of its JSON rows, in the order the CSV gives them. */
export const CSV_COLUMNS: { [F in ReportFigure]: readonly (keyof RowOf<F> & string)[] } = {
  volume: ['day', 'channel', 'incoming', 'outgoing'],
  firstReply: ['channel', 'answered', 'medianMs', 'p90Ms'],
  withinTarget: ['channel', 'answered', 'withinTarget', 'share'],
  outcomes: [
    'channel',
    'conversations',
    'answeredInChannel',
    'redirectedHotline',
    'redirectedEmail',
    'redirectedOther',
    'unanswered',
  ],
  sentiment: ['day', 'negative', 'neutral', 'positive', 'averageScore'],
  heatmap: ['weekday', 'hour', 'incoming'],
  complainers: ['contactId', 'name', 'reach', 'vip', 'negativeMessages'],
  sales: ['channel', 'kind', 'contacts', 'currency', 'valueMinor'],
  productFeedback: ['conversationId', 'day', 'channel', 'contactName', 'subject', 'text'],
}

const RANGE_COLUMNS = ['workspaceId', 'from', 'to', 'timeZone', 'fromMs', 'toMs'] as const

/**
 * Text a spreadsheet would run as a formula (customers write the product feedback and choose their
 * names) gets a leading apostrophe, the usual guard; the JSON keeps the text as written.
 */
const FORMULA_START = /^[=+\-@\t\r]/

function cell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value !== 'string') return String(value)
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

function section(name: string, columns: readonly string[], rows: readonly object[]): string {
  const lines = [['figure', ...columns].join(',')]
  for (const row of rows) {
    const values = row as Record<string, unknown>
    lines.push([name, ...columns.map((c) => cell(values[c]))].join(','))
  }
  return lines.join('\n') + '\n'
}

/** One figure as CSV: a header row, then one row per JSON row; every row starts with the figure's name. */
export function figureCsv<F extends ReportFigure>(report: Report, figure: F): string {
  return section(figure, CSV_COLUMNS[figure], report[figure] as readonly object[])
}

/**
 * The whole report as CSV: the range first, then every figure, each its own block with its own header
 * and a blank line between blocks. `earshot report --format csv` prints exactly this text, and the
 * reports view downloads it.
 */
export function reportCsv(report: Report, figures: readonly ReportFigure[] = REPORT_FIGURES): string {
  const range = section('range', RANGE_COLUMNS, [{ workspaceId: report.workspaceId, ...report.range }])
  return [range, ...figures.map((f) => figureCsv(report, f))].join('\n')
}
