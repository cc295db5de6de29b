import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Report } from '../../shared/commands/reports'
import type { Workspace } from '../../shared/domain'
import { reportCsv } from '../../shared/reportCsv'
import { openCore, type Core } from '../core/index'

const REPO = path.resolve(import.meta.dirname, '../../..')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-report-'))
const dataDir = path.join(tmp, 'data')
let app: Core
let bakery: Workspace

function earshot(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    [path.join(REPO, 'bin', 'earshot.js'), 'report', ...args, '--data-dir', dataDir],
    {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, EARSHOT_DATA_DIR: '' },
    },
  )
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

// The app stays open as the writer throughout: the report is a reader beside it.
beforeAll(async () => {
  app = openCore({ dataDir, host: 'web', version: 'test', demo: 'first-start' })
  const listed = await app.invoke('workspaces:list', {})
  if (!listed.ok) throw new Error(listed.error.message)
  bakery = (listed.value as Workspace[])[0]!
}, 120_000)
afterAll(async () => {
  await app.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

// Each run starts a Node process; on a busy two-core machine four of them take longer than the default.
describe('earshot report', { timeout: 120_000 }, () => {
  it('prints as CSV exactly what the JSON holds, while the app runs', () => {
    const json = earshot('--workspace', String(bakery.id), '--json')
    expect(json.code).toBe(0)
    const report = JSON.parse(json.stdout) as Report
    expect(report.volume.reduce((n, v) => n + v.incoming, 0)).toBeGreaterThan(0)
    const csv = earshot('--workspace', String(bakery.id), '--format', 'csv')
    expect(csv.code).toBe(0)
    expect(csv.stdout).toBe(reportCsv(report))
  })

  it('answers with the numbers the app computes for the same range', async () => {
    const range = { from: '2026-01-01', to: '2026-12-31' }
    const fromApp = await app.invoke('report:get', { workspaceId: bakery.id, ...range })
    const printed = earshot('--workspace', bakery.name, '--from', range.from, '--to', range.to, '--json')
    expect(fromApp.ok && JSON.parse(printed.stdout)).toEqual(fromApp.ok && fromApp.value)
  })

  it('prints one figure, and a readable summary', () => {
    const oneFigure = earshot('--workspace', String(bakery.id), '--figure', 'firstReply', '--format', 'csv')
    // The range's two lines, a blank line, then the figure's block.
    expect(oneFigure.stdout.split('\n').slice(2, 4)).toEqual(['', 'figure,channel,answered,medianMs,p90Ms'])
    const text = earshot('--workspace', String(bakery.id))
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('First reply, in business time')
    expect(text.stdout).toContain('Busiest hours: ')
  })

  it('refuses what it cannot answer, naming the way out', () => {
    const ambiguous = earshot()
    expect(ambiguous.code).toBe(2)
    expect(ambiguous.stderr).toContain('choose a workspace with --workspace')
    expect(earshot('--workspace', String(bakery.id), '--from', '1.3.2026').code).toBe(2)
    expect(earshot('--workspace', String(bakery.id), '--figure', 'mood').code).toBe(2)
    const backwards = earshot('--workspace', String(bakery.id), '--from', '2026-03-09', '--to', '2026-03-01')
    expect(backwards.code).toBe(1)
    expect(backwards.stderr).toContain('the first day must not come after the last')
  })
})
