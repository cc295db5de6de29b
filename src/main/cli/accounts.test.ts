import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulators, type Emulators } from '../../../emulators/index'
import { openCore } from '../core/index'
import type { AccountLine } from './commands/accounts'

const REPO = path.resolve(import.meta.dirname, '../../..')
const BIN = path.join(REPO, 'bin', 'earshot.js')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-cli-accounts-'))
const dataDir = path.join(tmp, 'data')
const SECRET_TOKEN_ENV = 'EARSHOT_TEST_TOKEN'

/** The real CLI in its own process; async, because the emulators it talks to run in this one. */
function earshot(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, env: { ...process.env, EARSHOT_DATA_DIR: '', ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

let emulators: Emulators
beforeAll(async () => {
  emulators = await startEmulators({ scenario: 'test' })
})
afterAll(async () => {
  await emulators?.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

// Each step spawns real CLI processes (~1 s of tsx start-up each, more on a loaded machine).
describe('earshot accounts, listen and sync', { timeout: 90_000 }, () => {
  const ids: Record<string, number> = {}

  it('adds X and Facebook accounts with the token from the environment only', async () => {
    const xToken = emulators.x.control.token ?? ''
    const x = await earshot(['accounts', 'add', 'x', '--token-env', SECRET_TOKEN_ENV, '--base-url', emulators.x.baseUrl, '--handle', 'shop', '--data-dir', dataDir], { [SECRET_TOKEN_ENV]: xToken })
    expect(x.stderr).toContain('Added x account')
    expect(x.code).toBe(0)
    ids.x = Number(x.stdout.trim())
    const fb = await earshot(
      ['accounts', 'add', 'facebook', '--token-env', SECRET_TOKEN_ENV, '--base-url', `${emulators.facebook.baseUrl}/v19.0`, '--provider-id', emulators.facebook.control.pageId, '--data-dir', dataDir],
      { [SECRET_TOKEN_ENV]: emulators.facebook.control.token ?? '' },
    )
    expect(fb.code).toBe(0)
    ids.facebook = Number(fb.stdout.trim())
    expect(ids.facebook).toBeGreaterThan(ids.x)

    const secretsFile = path.join(dataDir, 'secrets.json')
    expect(fs.statSync(secretsFile).mode & 0o777).toBe(0o600)
    for (const file of fs.readdirSync(dataDir).filter((f) => f.startsWith('earshot.db'))) {
      expect(fs.readFileSync(path.join(dataDir, file)).includes(xToken)).toBe(false)
    }
  })

  it('refuses secrets on the command line and other bad input', async () => {
    // Independent processes: run side by side to keep the suite fast.
    const [refused, unset, noAddress, kind, listenId, listenFb] = await Promise.all([
      earshot(['accounts', 'add', 'imap', '--host', 'h', '--user', 'a@b.de', '--password', 'hunter2', '--data-dir', dataDir]),
      earshot(['accounts', 'add', 'x', '--token-env', 'EARSHOT_NOT_SET', '--handle', 'h', '--data-dir', dataDir]),
      earshot(['accounts', 'add', 'imap', '--host', 'h', '--user', 'nobody', '--password-env', 'PATH', '--data-dir', dataDir]),
      earshot(['accounts', 'add', 'myspace', '--data-dir', dataDir]),
      earshot(['listen', 'add', 'abc', 'Brot', '--data-dir', dataDir]),
      earshot(['listen', 'add', String(ids.facebook), 'Brot', '--data-dir', dataDir]),
    ])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('--password is refused')
    expect(unset.code).toBe(2)
    expect(unset.stderr).toContain('EARSHOT_NOT_SET')
    expect(noAddress.stderr).toContain('--address')
    expect(kind.code).toBe(2)
    expect(listenId.code).toBe(2)
    expect(listenFb.code).toBe(1)
    expect(listenFb.stderr).toContain('listening queries are for X and Bluesky accounts')
  })

  it('adds an IMAP account, a listening query, and lists them', async () => {
    const imap = await earshot(
      ['accounts', 'add', 'imap', '--host', '127.0.0.1', '--port', '1', '--tls', 'off', '--user', 'laden@shop.example', '--password-env', SECRET_TOKEN_ENV, '--data-dir', dataDir],
      { [SECRET_TOKEN_ENV]: 'imap-secret-pw' },
    )
    expect(imap.code).toBe(0)
    ids.email = Number(imap.stdout.trim())
    const listen = await earshot(['listen', 'add', String(ids.x), 'Sauerteig Brot', '--data-dir', dataDir])
    expect(listen.code).toBe(0)
    expect(listen.stdout).toContain('Sauerteig Brot')

    const list = await earshot(['accounts', 'list', '--json', '--data-dir', dataDir])
    const accounts = JSON.parse(list.stdout) as AccountLine[]
    expect(accounts.map((a) => [a.id, a.channel, a.state])).toEqual([[ids.x, 'x', 'active'], [ids.facebook, 'facebook', 'active'], [ids.email, 'email', 'active']])
    expect(accounts[0]).toMatchObject({ handle: 'shop', workspace: 'My workspace', lastSyncedAt: null })
    expect(fs.readFileSync(path.join(dataDir, 'earshot.db')).includes('imap-secret-pw')).toBe(false)
  })

  it('sync --once pulls mentions and comments, reports the unreachable mail server and exits 1', async () => {
    const run = await earshot(['sync', '--once', '--data-dir', dataDir])
    const lines = run.stdout.trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(new RegExp(`^account ${ids.x} x shop: synced: [1-9]\\d* new, 0 updated$`))
    expect(lines[1]).toMatch(new RegExp(`^account ${ids.facebook} facebook .+: synced: [1-9]\\d* new`))
    expect(lines[2]).toMatch(new RegExp(`^account ${ids.email} email laden@shop.example: failed \\(transient\\)`))
    expect(run.code).toBe(1)

    emulators.x.control.addMention({ text: `@${emulators.x.control.me.username} Habt ihr morgen Dinkelbrot?` })
    const again = await earshot(['sync', '--once', '--account', String(ids.x), '--data-dir', dataDir])
    expect(again.stdout.trim()).toBe(`account ${ids.x} x shop: synced: 1 new, 0 updated`)
    expect(again.code).toBe(0)
  })

  it('fails with exit 3 while another process holds the data directory', async () => {
    const holder = openCore({ dataDir, host: 'web', version: 'test', demo: 'never' })
    try {
      const run = await earshot(['sync', '--once', '--data-dir', dataDir])
      expect(run.code).toBe(3)
    } finally {
      await holder.close()
    }
  })

  it('emulators prints one line per emulator, then tokens, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'emulators'], { cwd: REPO })
    const lines: string[] = []
    for await (const line of createInterface({ input: child.stdout })) {
      lines.push(line)
      if (line.startsWith('feed-reviews ')) break
    }
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
    child.kill('SIGTERM')
    const urls = lines.slice(0, 5)
    expect(urls.map((l) => l.split(' ')[0])).toEqual(['x', 'facebook', 'bluesky', 'mastodon', 'feeds'])
    for (const line of urls) expect(line).toMatch(/^\w+ http:\/\/127\.0\.0\.1:\d+(\/v19\.0)?$/)
    expect(lines.slice(5).map((l) => l.split(' ')[0])).toEqual([
      'x-token', 'x-user-id', 'facebook-token', 'facebook-page-id', 'bluesky-handle', 'bluesky-app-password', 'feed-blog', 'feed-reviews',
    ])
    expect(await exited).toBe(0)
  })
})

describe('earshot import', { timeout: 90_000 }, () => {
  const mail = (id: string) =>
    ['From: Anna <anna@example.de>', 'To: laden@shop.example', `Subject: Torte ${id}`, `Message-ID: <${id}@example.de>`,
      'Date: Tue, 14 Nov 2023 10:00:00 +0100', '', `Frage ${id}`, ''].join('\r\n')

  it('imports two .eml files into a new data directory, and a second run adds nothing', async () => {
    const mailDir = path.join(tmp, 'mail')
    fs.mkdirSync(mailDir)
    fs.writeFileSync(path.join(mailDir, 'a.eml'), mail('i1'))
    fs.writeFileSync(path.join(mailDir, 'b.eml'), mail('i2'))
    const importDir = path.join(tmp, 'import-data')
    const files = [path.join(mailDir, 'a.eml'), path.join(mailDir, 'b.eml')]
    const first = await earshot(['import', ...files, '--own-address', 'laden@shop.example', '--data-dir', importDir])
    expect(first.code).toBe(0)
    expect(first.stdout.trim()).toBe('Imported 2 new of 2 messages into "Imported mail".')
    expect(first.stderr).toContain('Created workspace "Imported mail"')
    expect(first.stderr).toContain('import: 2/2 messages (100%)')
    const again = await earshot(['import', ...files, '--data-dir', importDir])
    expect(again.stdout.trim()).toBe('Imported 0 new of 2 messages into "Imported mail".')
    const [listed, noPaths, missing] = await Promise.all([
      earshot(['accounts', 'list', '--json', '--data-dir', importDir]),
      earshot(['import', '--data-dir', importDir]),
      earshot(['import', path.join(tmp, 'nope.mbox'), '--data-dir', importDir]),
    ])
    const list = JSON.parse(listed.stdout) as AccountLine[]
    expect(list.map((a) => [a.workspace, a.channel, a.state])).toEqual([['Imported mail', 'email', 'paused']])
    expect(noPaths.code).toBe(2)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('not found')
  })
})

describe('earshot accounts add x --oauth', { timeout: 60_000 }, () => {
  it('prints the consent address, waits for the browser to come back, and stores a renewable user token', async () => {
    const oauthDir = path.join(tmp, 'oauth-data')
    const child = spawn(
      process.execPath,
      [BIN, 'accounts', 'add', 'x', '--oauth', '--client-id', 'earshot-desktop', '--base-url', emulators.x.baseUrl, '--data-dir', oauthDir],
      { cwd: REPO, env: { ...process.env, EARSHOT_DATA_DIR: '' } },
    )
    let stdout = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
    // The user's part: open the printed address (the emulator consents at once and redirects back).
    for await (const line of createInterface({ input: child.stderr })) {
      if (line.startsWith('http://')) {
        expect(new URL(line).searchParams.get('code_challenge_method')).toBe('S256')
        await fetch(line)
        break
      }
    }
    expect(await exited).toBe(0)
    const id = Number(stdout.trim())
    const core = openCore({ dataDir: oauthDir, host: 'web', version: 'test', demo: 'never' })
    try {
      const [account] = core.db.prepare('SELECT id, handle FROM accounts').all() as { id: number; handle: string }[]
      expect(account).toEqual({ id, handle: `@${emulators.x.control.me.username}` })
      expect(core.secretStore().get(`account:${id}:refresh`)).toMatch(/^x-refresh-/)
    } finally {
      await core.close()
    }
  })
})

describe('earshot accounts add facebook --user-token-env', { timeout: 60_000 }, () => {
  it('lists the Pages a user manages, then connects the chosen one and shows when its access ends', async () => {
    const fbDir = path.join(tmp, 'fb-pages-data')
    const env = { [SECRET_TOKEN_ENV]: emulators.facebook.control.userToken }
    const common = ['--user-token-env', SECRET_TOKEN_ENV, '--base-url', `${emulators.facebook.baseUrl}/v19.0`, '--data-dir', fbDir]
    const listed = await earshot(['accounts', 'add', 'facebook', ...common], env)
    expect(listed.code).toBe(2)
    expect(listed.stdout.trim().split('\n').map((l) => l.split('\t').slice(0, 2))).toEqual([
      [emulators.facebook.control.pageId, 'Bäckerei Sonnenschein'],
      ['104200300500', 'Sonnenschein Catering'],
    ])
    expect(listed.stderr).toContain('--page')

    const added = await earshot(['accounts', 'add', 'facebook', ...common, '--page', emulators.facebook.control.pageId], env)
    expect(added.code).toBe(0)
    const list = JSON.parse((await earshot(['accounts', 'list', '--json', '--data-dir', fbDir])).stdout) as AccountLine[]
    expect(list).toEqual([expect.objectContaining({ id: Number(added.stdout.trim()), channel: 'facebook', handle: 'Bäckerei Sonnenschein' })])
    expect(Date.parse(list[0]?.accessExpiresAt ?? '')).toBeGreaterThan(Date.now() + 80 * 86_400_000)
  })
})
