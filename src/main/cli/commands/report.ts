import { REPORT_FIGURES, type Report, type ReportFigure } from '../../../shared/commands/reports'
import type { Workspace } from '../../../shared/domain'
import { reportCsv } from '../../../shared/reportCsv'
import { openReader, type Core } from '../../core/index'
import { resolveDataDir } from '../data-dir'
import { printReport } from './report-text'
import { EXIT, UsageError, cliVersion, parseCommandArgs, resolveWorkspace, unwrap, type CliCommand } from '../support'

const USAGE = `Usage: earshot report [options]

Every figure of the reports view for one workspace: messages per channel and day, first-reply
time (median, p90) in business time, answers within target, outcomes, mood per day, busiest
hours, complainers with the widest reach, sales outcomes, and the product feedback. Reads beside
a running app.

Options:
  --from D        first day, YYYY-MM-DD (in the workspace's time zone)
  --to D          last day, included; default: the last 30 days up to today
  --workspace W   name or id; needed when there is more than one workspace
  --format F      text (default), json or csv (the reports view's CSV download)
  --json          the same as --format json
  --figure F      only one figure: ${REPORT_FIGURES.join(', ')}
  --data-dir DIR  the data directory (default: the desktop app's)`

const DATE = /^\d{4}-\d{2}-\d{2}$/
const FORMATS = ['text', 'json', 'csv'] as const
type Format = (typeof FORMATS)[number]

function parseFormat(values: { format?: string; json?: boolean }): Format {
  const format = values.json ? 'json' : (values.format ?? 'text')
  if (values.json && values.format !== undefined && values.format !== 'json')
    throw new UsageError('report: --json and --format disagree')
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`report: --format must be text, json or csv, not "${format}"`)
  return format as Format
}

function parseDay(flag: string, value: string | undefined): string | undefined {
  if (value !== undefined && !DATE.test(value))
    throw new UsageError(`report: --${flag} must be a date as YYYY-MM-DD, not "${value}"`)
  return value
}

function parseFigure(value: string | undefined): ReportFigure | undefined {
  if (value !== undefined && !(REPORT_FIGURES as readonly string[]).includes(value))
    throw new UsageError(`report: --figure must be one of ${REPORT_FIGURES.join(', ')}, not "${value}"`)
  return value as ReportFigure | undefined
}

/** The workspace named, else the only one there is; a choice among several is the user's. */
async function reportWorkspace(core: Core, given: string | undefined): Promise<Workspace> {
  const named = await resolveWorkspace(core, given)
  if (named) return named
  const all = unwrap<Workspace[]>(await core.invoke('workspaces:list', {}))
  if (all.length === 1) return all[0]!
  throw new UsageError(
    `report: choose a workspace with --workspace. Workspaces: ${all.map((w) => `${w.id} ${w.name}`).join(', ') || 'none'}`,
  )
}

/** Only the chosen figure, beside what says what the report covers. */
function only(report: Report, figure: ReportFigure | undefined): Partial<Report> {
  return figure === undefined
    ? report
    : { workspaceId: report.workspaceId, range: report.range, [figure]: report[figure] }
}

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'Print the reports: volume, reply times, outcomes, mood, busiest hours, complainers, sales',
  usage: USAGE,
  async run(argv) {
    const { values } = parseCommandArgs(
      'report',
      argv,
      {
        from: { type: 'string' },
        to: { type: 'string' },
        workspace: { type: 'string' },
        format: { type: 'string' },
        json: { type: 'boolean' },
        figure: { type: 'string' },
        'data-dir': { type: 'string' },
      },
      false,
    )
    if (values.help) {
      console.log(USAGE)
      return EXIT.ok
    }
    const format = parseFormat(values)
    const figure = parseFigure(values.figure)
    const from = parseDay('from', values.from)
    const to = parseDay('to', values.to)
    const core = openReader({ dataDir: resolveDataDir(values['data-dir']), host: 'web', version: cliVersion() })
    try {
      const workspace = await reportWorkspace(core, values.workspace)
      const report = unwrap<Report>(await core.invoke('report:get', { workspaceId: workspace.id, from, to }))
      if (format === 'json') console.log(JSON.stringify(only(report, figure), null, 2))
      else if (format === 'csv')
        process.stdout.write(reportCsv(report, figure === undefined ? REPORT_FIGURES : [figure]))
      else printReport(workspace, report, figure)
      return EXIT.ok
    } finally {
      await core.close()
    }
  },
}
