import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../index'
import { DOVECOT_INSTALL_HINT, findDovecot } from '../mail/dovecot'
import { describeDemoMailServer } from './demo-mail'
import { DEMO_MAIL_ADDRESS, DEMO_MAIL_COUNT, DEMO_MAIL_DISPLAY_NAME, deliverDemoMails, demoMailSubjects } from './demo-mailbox'
import { generateDemo } from './generate'
import { startDemoTraffic, type DemoTraffic } from './live'

let dataDir: string
let core: Core | null = null
let traffic: DemoTraffic | null = null

const open = () => openCore({ dataDir, host: 'web', version: 'test', demo: 'never' })

beforeAll(() => {
  // Fails (never skips): CI installs Dovecot, and a developer without it should learn how to get it.
  if (!findDovecot()) throw new Error(`Dovecot is not installed; this test needs it. Install it: ${DOVECOT_INSTALL_HINT}`)
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-demo-mail-'))
  // Traversable (not listable) by others, so when root runs Dovecot as nobody the mail can live in the data dir.
  fs.chmodSync(dataDir, 0o711)
  const first = open()
  generateDemo(first.db, { scale: 0.02 })
  core = first
})
afterAll(async () => {
  await traffic?.close()
  await core?.close()
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
})

function opened(): Core {
  if (!core) throw new Error('core not open')
  return core
}

/** Resolves when `check` holds, re-checked on every db:changed event (no sleeps). */
function whenChanged(check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (check()) return resolve()
    const off = opened().on('db:changed', () => {
      if (!check()) return
      off()
      resolve()
    })
  })
}

/** Resolves when one sync of `accountId` has finished. */
function whenSynced(accountId: () => number): Promise<void> {
  return new Promise((resolve) => {
    const off = opened().on('sync:progress', (p) => {
      if (p.accountId !== accountId() || p.stage !== 'done') return
      off()
      resolve()
    })
  })
}

const count = (sql: string, ...params: unknown[]) => opened().db.prepare(sql).pluck().get(...params) as number

async function start(): Promise<Extract<DemoTraffic['mail'], { status: 'running' }>> {
  traffic = await startDemoTraffic(opened())
  expect(traffic).not.toBeNull()
  const mail = traffic?.mail
  // toMatchObject shows a failed start's message in the diff.
  expect(mail).toMatchObject({ status: 'running' })
  if (mail?.status !== 'running') throw new Error(describeDemoMailServer(mail ?? { status: 'off' }))
  return mail
}

describe('the demo mail server', () => {
  it('syncs the demo mails from a local Dovecot into a new bakery mail account', async () => {
    const mail = await start()
    expect(mail.maildir.startsWith(dataDir)).toBe(true)
    expect(describeDemoMailServer(mail)).toBe(`demo: mail imap://127.0.0.1:${mail.port} (${DEMO_MAIL_ADDRESS})`)
    const account = opened().db.prepare('SELECT channel, handle, display_name AS displayName, state FROM accounts WHERE id = ?').get(mail.accountId)
    expect(account).toEqual({ channel: 'email', handle: DEMO_MAIL_ADDRESS, displayName: DEMO_MAIL_DISPLAY_NAME, state: 'active' })

    const inAccount = () => count('SELECT count(*) FROM messages WHERE account_id = ?', mail.accountId)
    opened().startBackground()
    await whenChanged(() => inAccount() === DEMO_MAIL_COUNT)
    const subjects = opened().db.prepare('SELECT subject FROM conversations WHERE account_id = ? ORDER BY subject').pluck().all(mail.accountId)
    expect(subjects).toEqual([...demoMailSubjects()].sort())
  }, 30_000)

  it('reuses the account on the next start, on the new port, without duplicating mail', async () => {
    const before = traffic?.mail
    const firstAccount = before?.status === 'running' ? before.accountId : -1
    await traffic?.close()
    traffic = null
    await opened().close()
    core = open()

    const synced = whenSynced(() => firstAccount)
    const mail = await start()
    expect(mail.accountId).toBe(firstAccount)
    const stored = JSON.parse(opened().db.prepare("SELECT value FROM account_settings WHERE account_id = ? AND key = 'email'").pluck().get(firstAccount) as string) as {
      imap: { port: number }
    }
    expect(stored.imap.port).toBe(mail.port)
    opened().startBackground()
    await synced
    expect(count('SELECT count(*) FROM accounts WHERE handle = ?', DEMO_MAIL_ADDRESS)).toBe(1)
    expect(count('SELECT count(*) FROM messages WHERE account_id = ?', firstAccount)).toBe(DEMO_MAIL_COUNT)
    expect(deliverDemoMails(mail.maildir)).toBe(0)
  }, 30_000)
})
