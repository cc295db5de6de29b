import type { Report, ReportFigure } from '../../../shared/commands/reports'
import type { Workspace } from '../../../shared/domain'

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
const n = (value: number): string => value.toLocaleString('en-US')
const percent = (share: number | null): string => (share === null ? '–' : `${(share * 100).toFixed(1)} %`)

/** Business time as "2 h 05 min" (or "45 min"); '–' when there is nothing to measure. */
function duration(ms: number | null): string {
  if (ms === null) return '–'
  const minutes = Math.round(ms / 60_000)
  const hours = Math.floor(minutes / 60)
  return hours === 0 ? `${minutes} min` : `${hours} h ${String(minutes % 60).padStart(2, '0')} min`
}

/** Columns padded to their widest cell: the first to the left, the rest (numbers) to the right. */
function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) =>
    '  ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  return [line(head), ...rows.map(line)]
}

const sections: { [F in ReportFigure]: (report: Report) => string[] } = {
  volume: (r) => {
    const totals = new Map<string, [number, number]>()
    for (const v of r.volume) {
      const [incoming, outgoing] = totals.get(v.channel) ?? [0, 0]
      totals.set(v.channel, [incoming + v.incoming, outgoing + v.outgoing])
    }
    const rows = [...totals].map(([channel, [i, o]]) => [channel, n(i), n(o)])
    return ['Messages (per day: --format csv or --json)', ...table(['channel', 'in', 'out'], rows)]
  },
  firstReply: (r) => [
    'First reply, in business time',
    ...table(
      ['channel', 'answered', 'median', 'p90'],
      r.firstReply.map((f) => [f.channel, n(f.answered), duration(f.medianMs), duration(f.p90Ms)]),
    ),
  ],
  withinTarget: (r) => [
    'Answered within the first-reply target',
    ...table(
      ['channel', 'answered', 'in time', 'share'],
      r.withinTarget.map((w) => [w.channel, n(w.answered), n(w.withinTarget), percent(w.share)]),
    ),
  ],
  outcomes: (r) => [
    'Outcomes of the conversations begun in the range',
    ...table(
      ['channel', 'conversations', 'answered here', 'to hotline', 'to email', 'elsewhere', 'unanswered'],
      r.outcomes.map((o) => [
        o.channel,
        ...[
          o.conversations,
          o.answeredInChannel,
          o.redirectedHotline,
          o.redirectedEmail,
          o.redirectedOther,
          o.unanswered,
        ].map(n),
      ]),
    ),
  ],
  sentiment: (r) => {
    const sum = (key: 'negative' | 'neutral' | 'positive') => r.sentiment.reduce((t, d) => t + d[key], 0)
    return [
      `Mood of incoming messages: ${n(sum('negative'))} negative, ${n(sum('neutral'))} neutral, ${n(sum('positive'))} positive`,
    ]
  },
  heatmap: (r) => {
    const busiest = [...r.heatmap]
      .sort((a, b) => b.incoming - a.incoming)
      .filter((c) => c.incoming > 0)
      .slice(0, 3)
    const cells = busiest.map(
      (c) => `${WEEKDAYS[c.weekday - 1]} ${String(c.hour).padStart(2, '0')}:00 (${n(c.incoming)})`,
    )
    return [`Busiest hours: ${cells.join(', ') || 'none'}`]
  },
  complainers: (r) => [
    'Complainers with the widest reach',
    ...(r.complainers.length === 0
      ? ['  none']
      : table(
          ['contact', 'reach', 'negative'],
          r.complainers.map((c) => [`${c.name}${c.vip ? ' (VIP)' : ''}`, n(c.reach), n(c.negativeMessages)]),
        )),
  ],
  sales: (r) => [
    'Sales outcomes by channel',
    ...(r.sales.length === 0
      ? ['  none']
      : table(
          ['channel', 'outcome', 'contacts', 'value'],
          r.sales.map((s) => [
            s.channel,
            s.kind,
            n(s.contacts),
            s.valueMinor === null ? '' : `${(s.valueMinor / 100).toFixed(2)} ${s.currency}`,
          ]),
        )),
  ],
  productFeedback: (r) => [
    `Product feedback: ${n(r.productFeedback.length)} conversations (their text: --figure productFeedback --format csv)`,
  ],
}

export function printReport(workspace: Workspace, report: Report, figure: ReportFigure | undefined): void {
  const { from, to, timeZone } = report.range
  const lines = [`Report for ${workspace.name} (${workspace.id}), ${from} to ${to} (${timeZone})`]
  const figures = figure === undefined ? (Object.keys(sections) as ReportFigure[]) : [figure]
  for (const f of figures) lines.push('', ...sections[f](report))
  console.log(lines.join('\n'))
}
