import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBlueskyEmulator, type BlueskyEmulator } from '../../../emulators/bluesky/server'
import { startMastodonEmulator, type MastodonEmulator } from '../../../emulators/mastodon/server'
import type { AccountLine } from './commands/accounts'

const REPO = path.resolve(import.meta.dirname, '../../..')
const BIN = path.join(REPO, 'bin', 'earshot.js')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-cli-open-'))
const dataDir = path.join(tmp, 'data')
const APP_PASSWORD_ENV = 'EARSHOT_TEST_APP_PASSWORD'

/** The real CLI in its own process; async, because the emulators it talks to run in this one. */
function earshot(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args, '--data-dir', dataDir], {
      cwd: REPO,
      env: { ...process.env, EARSHOT_DATA_DIR: '', ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

let bluesky: BlueskyEmulator
let mastodon: MastodonEmulator
beforeAll(async () => {
  bluesky = await startBlueskyEmulator({ mentions: 8 })
  mastodon = await startMastodonEmulator({ mentions: 6 })
})
afterAll(async () => {
  await Promise.all([bluesky?.close(), mastodon?.close()])
  fs.rmSync(tmp, { recursive: true, force: true })
})

// Each step spawns real CLI processes (~1 s of tsx start-up each, more on a loaded machine).
describe('earshot accounts add bluesky|mastodon', { timeout: 180_000 }, () => {
  const ids: Record<string, number> = {}

  it('connects Bluesky with an app password from the environment, and refuses the main password', async () => {
    const add = (password: string) =>
      earshot(
        [
          'accounts',
          'add',
          'bluesky',
          '--handle',
          `@${bluesky.control.identifier}`,
          '--app-password-env',
          APP_PASSWORD_ENV,
          '--base-url',
          bluesky.baseUrl,
        ],
        {
          [APP_PASSWORD_ENV]: password,
        },
      )
    const [main, onCommandLine, help] = await Promise.all([
      add(bluesky.control.mainPassword),
      earshot(['accounts', 'add', 'bluesky', '--handle', 'h', '--app-password', 'secret']),
      earshot(['accounts', 'add', '--help']),
    ])
    expect(main.code).toBe(1)
    expect(main.stderr).toContain('main password')
    expect(onCommandLine.code).toBe(2)
    expect(help.stdout).toContain("never the account's main password")

    const added = await add(bluesky.control.appPassword)
    expect(added.code).toBe(0)
    ids.bluesky = Number(added.stdout.trim())
    const secrets = fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')
    for (const file of fs.readdirSync(dataDir).filter((f) => f.startsWith('earshot.db'))) {
      expect(fs.readFileSync(path.join(dataDir, file)).includes('accessJwt')).toBe(false)
    }
    // Only the session is kept, never the password.
    expect(Buffer.from(secrets).includes(bluesky.control.appPassword)).toBe(false)
  })

  it('connects Mastodon in two steps: the sign-in page, then the code the instance shows', async () => {
    const first = await earshot(['accounts', 'add', 'mastodon', '--base-url', mastodon.baseUrl])
    expect(first.code).toBe(0)
    expect(first.stderr).toContain('--code=')
    const page = await (await fetch(first.stdout.trim())).text()
    const code = /value="([^"]+)"/.exec(page)?.[1] ?? ''
    // Codes are URL-safe base64: one in 64 starts with "-", which only the "=" form passes as a value.
    const second = await earshot(['accounts', 'add', 'mastodon', '--base-url', mastodon.baseUrl, `--code=${code}`])
    expect(second.stderr).toContain('Connected mastodon account')
    expect(second.code).toBe(0)
    ids.mastodon = Number(second.stdout.trim())
    expect(mastodon.control.requests().filter((r) => r.route === 'apps')).toHaveLength(1)
  })

  it('adds a Bluesky listening query, syncs both accounts once and lists them', async () => {
    const listen = await earshot(['listen', 'add', String(ids.bluesky), 'Zimtschnecken'])
    expect(listen.code).toBe(0)
    const sync = await earshot(['sync', '--once'])
    expect(sync.stdout).toMatch(
      new RegExp(`account ${ids.bluesky} bluesky @${bluesky.control.identifier}: synced: 8 new`),
    )
    expect(sync.stdout).toMatch(
      new RegExp(`account ${ids.mastodon} mastodon @sonnenschein@127\\.0\\.0\\.1:\\d+: synced: 6 new`),
    )
    expect(sync.code).toBe(0)
    const list = JSON.parse((await earshot(['accounts', 'list', '--json'])).stdout) as AccountLine[]
    expect(list.map((a) => [a.channel, a.state])).toEqual([
      ['bluesky', 'active'],
      ['mastodon', 'active'],
    ])
  })
})
