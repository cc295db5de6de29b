import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { REPORT_FIGURES, type Report } from '../src/shared/commands/reports'
import { CSV_COLUMNS, reportCsv } from '../src/shared/reportCsv'
import { asCsvText, csvBlocks } from '../src/main/core/insight/reports/csv-reader'
import { expect, test } from './support/fixtures'
import { repoRoot } from './support/paths'
import { ReportsPage } from './support/reports-page'

const DAY_MS = 86_400_000
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** `earshot report` beside the running app, as a person at a terminal would run it. */
function earshotReport(dataDir: string, ...args: string[]): string {
  return execFileSync(
    process.execPath,
    [path.join(repoRoot, 'bin', 'earshot.js'), 'report', ...args, '--data-dir', dataDir],
    {
      encoding: 'utf8',
      env: { ...process.env, EARSHOT_DATA_DIR: '' },
    },
  )
}

test('the reports view charts the demo workspace, and its CSV is what `earshot report --json` says', async ({
  app,
}) => {
  const reports = new ReportsPage(app.page)
  await reports.open()
  await expect(reports.heading).toBeVisible()
  for (const chart of [
    'Messages per day and channel',
    'First reply in business time: median and 90th percentile',
    'First replies within target',
    'What became of the conversations',
    'Mood of incoming messages per day',
    /^Busiest hours/,
    'Complainers with the widest reach',
  ]) {
    await expect(reports.chart(chart)).toBeVisible()
  }
  // The demo has answered conversations: the summary gives the median and p90 in words.
  await expect(reports.figure(/^First reply/)).toContainText(/half got the first answer within .+, nine in ten within/)
  const table = reports.figure('What became of the conversations')
  await table.getByText('Show the numbers').click()
  await expect(table.getByRole('row', { name: /^All channels/ })).toBeVisible()

  // Sixty days up to yesterday: fixed days, the same for the view and the command line.
  const to = isoDay(Date.now() - DAY_MS)
  const from = isoDay(Date.now() - 60 * DAY_MS)
  await reports.showDays(from, to)
  await expect(app.page.getByRole('form', { name: 'Days shown' }).getByLabel('From')).toHaveValue(from)
  const downloaded = await reports.download(app.page.getByRole('button', { name: 'Download CSV (all figures)' }))

  const listed = await app.page.request.post(new URL('/api/workspaces:list', app.page.url()).href, { data: {} })
  const [workspace] = ((await listed.json()) as { value: { id: number }[] }).value
  const json = JSON.parse(
    earshotReport(app.dataDir, '--workspace', String(workspace!.id), '--from', from, '--to', to, '--json'),
  ) as Report
  expect(json.range).toMatchObject({ from, to })

  // Value for value: every row of every figure in the download is the JSON's row.
  const blocks = csvBlocks(downloaded)
  expect(blocks.get('range')![0]).toMatchObject({ from, to, workspaceId: String(workspace!.id) })
  expect(blocks.get('volume')).toHaveLength(json.volume.length)
  expect(json.volume.reduce((n, v) => n + v.incoming, 0)).toBeGreaterThan(0)
  for (const figure of REPORT_FIGURES) {
    const expected = (json[figure] as unknown as Record<string, unknown>[]).map((row) =>
      Object.fromEntries(CSV_COLUMNS[figure].map((column) => [column, asCsvText(row[column])])),
    )
    expect(blocks.get(figure) ?? [], figure).toEqual(expected)
  }
  // And byte for byte: the download is the text `earshot report --format csv` prints.
  expect(downloaded).toBe(reportCsv(json))
  expect(downloaded).toBe(
    earshotReport(app.dataDir, '--workspace', String(workspace!.id), '--from', from, '--to', to, '--format', 'csv'),
  )
})

test('an outcome set on a conversation and a product-feedback mark show in the report', async ({ app }) => {
  const page = app.page
  await page.getByRole('grid', { name: 'Conversations' }).getByRole('row').nth(1).click()
  const controls = page.getByRole('group', { name: 'Conversation actions' })
  const outcome = controls.getByRole('combobox', { name: 'Conversation outcome' })
  await expect(outcome).toHaveValue('derived')
  await outcome.selectOption({ label: 'Sent to the hotline' })
  // The box shows the stored tag, so it ticks once the tag is on the conversation.
  const productFeedback = controls.getByRole('checkbox', { name: 'Product feedback' })
  await productFeedback.click()
  await expect(productFeedback).toBeChecked()
  await expect(controls.getByRole('list', { name: 'Tags' })).toContainText('product feedback')
  await expect(outcome).toHaveValue('redirected:hotline')

  const reports = new ReportsPage(page)
  await reports.open()
  const feedback = reports.figure('Product feedback')
  await expect(feedback).toContainText('1 conversation begun on these days is tagged as product feedback.')
  const outcomes = reports.figure('What became of the conversations')
  await outcomes.getByText('Show the numbers').click()
  await expect(
    outcomes
      .getByRole('row', { name: /^All channels/ })
      .getByRole('cell')
      .nth(3),
  ).toHaveText('1')
})
