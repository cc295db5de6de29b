import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../index'
import { generateDemo } from './generate'
import { startDemoTraffic, type DemoTraffic } from './live'

let dataDir: string
let core: Core
let traffic: DemoTraffic | null = null

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-live-'))
  core = openCore({ dataDir, host: 'web', version: 'test', demo: 'never' })
  // A small demo is enough: what matters is the demo workspaces and their paused accounts.
  generateDemo(core.db, { scale: 0.02 })
})
afterAll(async () => {
  await traffic?.close()
  await core?.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

/** Resolves when `check` holds, re-checked on every db:changed event (no sleeps). */
function whenChanged(check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (check()) return resolve()
    const off = core.on('db:changed', () => {
      if (!check()) return
      off()
      resolve()
    })
  })
}

describe('live demo traffic', () => {
  it('connects the bakery’s X, Facebook, Bluesky and Mastodon accounts to the emulators and brings new mentions in', async () => {
    const count = (sql: string, ...params: unknown[]) => core.db.prepare(sql).pluck().get(...params) as number
    const pausedBefore = count("SELECT count(*) FROM accounts WHERE state = 'paused'")
    traffic = await startDemoTraffic(core, { mail: false })
    expect(traffic).not.toBeNull()
    if (!traffic) return
    const active = core.db.prepare("SELECT id, channel FROM accounts WHERE state = 'active' ORDER BY channel").all() as { id: number; channel: string }[]
    expect(active.map((a) => a.channel)).toEqual(['bluesky', 'facebook', 'mastodon', 'x'])
    // X and Facebook were paused demo accounts; Bluesky and Mastodon are added by the first live start.
    expect(count("SELECT count(*) FROM accounts WHERE state = 'paused'")).toBe(pausedBefore - 2)
    const xAccount = active.find((a) => a.channel === 'x')?.id ?? 0

    const fromEmulator = (text: string) => count('SELECT count(*) FROM messages WHERE account_id = ? AND body_text LIKE ?', xAccount, `%${text}%`)
    core.startBackground()
    const mention = traffic.emulators.x.control.addMention({ text: `@${traffic.emulators.x.control.me.username} Live-Test ${Date.now()}` })
    await whenChanged(() => fromEmulator(mention.text) === 1)
    expect(fromEmulator(mention.text)).toBe(1)

    const onChannel = (channel: string, text: string) =>
      count('SELECT count(*) FROM messages m JOIN accounts a ON a.id = m.account_id WHERE a.channel = ? AND m.body_text LIKE ?', channel, `%${text}%`)
    const stamp = Date.now()
    traffic.emulators.bluesky.control.addMention({ text: `@${traffic.emulators.bluesky.control.me.handle} Bluesky-Test ${stamp}` })
    traffic.emulators.mastodon.control.addMention({ text: `Mastodon-Test ${stamp}` })
    await whenChanged(() => onChannel('bluesky', `Bluesky-Test ${stamp}`) === 1 && onChannel('mastodon', `Mastodon-Test ${stamp}`) === 1)
  }, 30_000)

  it('does nothing without demo workspaces', async () => {
    const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-live-empty-'))
    const empty = openCore({ dataDir: emptyDir, host: 'web', version: 'test', demo: 'never' })
    try {
      expect(await startDemoTraffic(empty)).toBeNull()
    } finally {
      await empty.close()
      fs.rmSync(emptyDir, { recursive: true, force: true })
    }
  })
})
