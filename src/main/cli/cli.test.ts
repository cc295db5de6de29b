import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore } from '../core/index'
import type { SearchResult } from '../../shared/domain'
import type { Stats } from './commands/stats'
import { defaultDataDir } from './data-dir'

const REPO = path.resolve(import.meta.dirname, '../../..')
const BIN = path.join(REPO, 'bin', 'earshot.js')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-cli-'))
const dataDir = path.join(tmp, 'data')

/** Runs the real CLI in its own process, as a user would. */
function earshot(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, EARSHOT_DATA_DIR: '' } })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** A minimal RFC 4180 reader: enough to count records whose fields hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let field = ''
  let record: string[] = []
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"'
      i++
    } else if (ch === '"') {
      quoted = !quoted
    } else if (!quoted && ch === ',') {
      record.push(field)
      field = ''
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      i++
    } else {
      field += ch
    }
  }
  return records
}

beforeAll(async () => {
  await openCore({ dataDir, host: 'web', version: 'test', demo: 'first-start' }).close()
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

describe('earshot CLI', () => {
  it('stats counts every table and messages per channel', () => {
    const run = earshot('stats', '--json', '--data-dir', dataDir)
    expect(run.code).toBe(0)
    const stats = JSON.parse(run.stdout) as Stats
    expect(stats.tables.workspaces).toBe(3)
    expect(stats.tables.messages).toBeGreaterThan(20_000)
    expect(Object.keys(stats.messagesByChannel).sort()).toEqual(['email', 'facebook', 'x'])
    const perWorkspace = stats.workspaces.reduce((sum, w) => sum + Object.values(w.messagesByChannel).reduce((a, b) => a + b, 0), 0)
    expect(perWorkspace).toBe(stats.tables.messages)
    expect(earshot('stats', '--data-dir', dataDir).stdout).toContain('Demo · Bäckerei Sonnenschein')
  })

  it('search finds a known demo phrase', () => {
    const run = earshot('search', 'Brautpaaren', '--json', '--data-dir', dataDir)
    expect(run.code).toBe(0)
    const result = JSON.parse(run.stdout) as SearchResult
    expect(result.messages.map((m) => m.authorName)).toContain('Helene Armbruster')
    const human = earshot('search', 'Kardamomknoten', '--workspace', 'Demo · Bäckerei Sonnenschein', '--limit', '5', '--data-dir', dataDir)
    expect(human.code).toBe(0)
    expect(human.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(1)
    expect(human.stdout).toContain('Kardamomknoten')
  })

  it('exports JSON and CSV with one record per row', () => {
    const stats = JSON.parse(earshot('stats', '--json', '--data-dir', dataDir).stdout) as Stats
    const jsonDir = path.join(tmp, 'export-json')
    expect(earshot('export', '--out', jsonDir, '--data-dir', dataDir).code).toBe(0)
    const messages = JSON.parse(fs.readFileSync(path.join(jsonDir, 'messages.json'), 'utf8')) as unknown[]
    expect(messages).toHaveLength(stats.tables.messages)
    const contacts = JSON.parse(fs.readFileSync(path.join(jsonDir, 'contacts.json'), 'utf8')) as { identities: unknown[] }[]
    expect(contacts).toHaveLength(stats.tables.contacts)
    expect(contacts.every((c) => c.identities.length >= 1)).toBe(true)
    for (const table of ['workspaces', 'identities', 'conversations', 'notes']) expect(fs.existsSync(path.join(jsonDir, `${table}.json`))).toBe(true)

    const csvDir = path.join(tmp, 'export-csv')
    const csv = earshot('export', '--out', csvDir, '--format', 'csv', '--workspace', 'Demo · Bäckerei Sonnenschein', '--data-dir', dataDir)
    expect(csv.code).toBe(0)
    const rows = parseCsv(fs.readFileSync(path.join(csvDir, 'messages.csv'), 'utf8'))
    const bakery = stats.workspaces.find((w) => w.name === 'Demo · Bäckerei Sonnenschein')
    const bakeryMessages = Object.values(bakery?.messagesByChannel ?? {}).reduce((a, b) => a + b, 0)
    expect(rows.length - 1).toBe(bakeryMessages)
    expect(rows.every((r) => r.length === rows[0]?.length)).toBe(true)
    expect(csv.stdout).toContain('messages.csv')
  })

  it('rejects bad input with exit code 2 and one clear line', () => {
    const unknown = earshot('frobnicate')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/unknown command "frobnicate".*serve, search, export, stats/)
    expect(earshot('search', '--data-dir', dataDir).code).toBe(2)
    expect(earshot('search', 'x', '--order', 'sideways', '--data-dir', dataDir).stderr).toContain('--order must be newest or relevance')
    expect(earshot('export', '--data-dir', dataDir).stderr).toContain('--out DIR is required')
    expect(earshot('stats', '--bogus').code).toBe(2)
    expect(earshot('search', '--help').stdout).toContain('Usage: earshot search')
  })

  it('fails clearly on a missing data directory and creates nothing', () => {
    const missing = path.join(tmp, 'missing')
    for (const args of [['stats'], ['search', 'Bestellung'], ['export', '--out', path.join(tmp, 'never')]]) {
      const run = earshot(...args, '--data-dir', missing)
      expect(run.code).toBe(1)
      expect(run.stderr).toContain(`There is no Earshot data in ${missing}`)
    }
    expect(fs.existsSync(missing)).toBe(false)
    const empty = path.join(tmp, 'empty')
    fs.mkdirSync(empty)
    expect(earshot('stats', '--data-dir', empty).code).toBe(1)
    expect(fs.readdirSync(empty)).toEqual([])
  })

  it('defaults to the folder Electron uses for userData', () => {
    expect(defaultDataDir({ EARSHOT_DATA_DIR: '/srv/e' }, 'linux', '/home/u')).toBe('/srv/e')
    expect(defaultDataDir({}, 'linux', '/home/u')).toBe('/home/u/.config/Earshot')
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/u')).toBe('/x/Earshot')
    expect(defaultDataDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/Earshot')
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toContain('Earshot')
  })
})

describe('earshot serve', () => {
  it('serves the API, refuses a second writer, and releases the lock on SIGTERM', async () => {
    const staticDir = path.join(tmp, 'web')
    fs.mkdirSync(staticDir, { recursive: true })
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Earshot</title>')
    const server = spawn(process.execPath, [BIN, 'serve', '--data-dir', dataDir, '--static-dir', staticDir], { cwd: REPO })
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)))
    const firstLine = await new Promise<string>((resolve) => createInterface({ input: server.stdout }).once('line', resolve))
    const match = /^Earshot is running at (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)$/.exec(firstLine)
    expect(match).not.toBeNull()
    const [, origin, token] = match ?? []
    const reply = await fetch(`${origin}/api/app:info`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}' })
    expect(reply.status).toBe(200)
    expect(await reply.json()).toMatchObject({ ok: true, value: { host: 'web', dataDir } })

    const second = earshot('serve', '--data-dir', dataDir, '--static-dir', staticDir)
    expect(second.code).toBe(3)
    expect(second.stderr).toContain(`in use by process ${server.pid}`)

    server.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(fs.existsSync(path.join(dataDir, 'earshot.lock'))).toBe(false)
  })

  it('says how to build the web app when it is missing', () => {
    const run = earshot('serve', '--data-dir', path.join(tmp, 'unbuilt'), '--static-dir', path.join(tmp, 'no-web'))
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('npm run serve')
    expect(fs.existsSync(path.join(tmp, 'unbuilt'))).toBe(false)
  })
})
