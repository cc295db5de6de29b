import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDovecot, type Dovecot } from '../../../../test/dovecot/dovecot'
import { EventBus } from '../events'
import { testStore } from '../store/test-support'
import { addEmailAccount } from './account-setup'
import { memorySecrets } from './harness'
import { syncOnceAndDrain } from './runtime'

let dovecot: Dovecot
let dataDir: string
beforeAll(async () => {
  dovecot = await startDovecot()
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-email-runtime-'))
})
afterAll(async () => {
  await dovecot?.stop()
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
})

const plain = (id: string) =>
  ['From: Anna <anna@example.de>', 'To: support@shop.de', `Subject: Frage ${id}`, `Message-ID: <${id}@example.de>`,
    'Date: Tue, 14 Nov 2023 10:00:00 +0100', '', `Body ${id}`, ''].join('\r\n')

const withAttachment = (id: string) =>
  ['From: Ben <ben@example.de>', 'To: support@shop.de', `Subject: Rechnung ${id}`, `Message-ID: <${id}@example.de>`,
    'Date: Tue, 14 Nov 2023 11:00:00 +0100', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b1"', '',
    '--b1', 'Content-Type: text/plain; charset=utf-8', '', 'Anbei die Rechnung.', '',
    '--b1', 'Content-Type: application/pdf; name="rechnung.pdf"', 'Content-Disposition: attachment; filename="rechnung.pdf"',
    'Content-Transfer-Encoding: base64', '', Buffer.from('%PDF-1.4 test').toString('base64'), '--b1--', ''].join('\r\n')

describe('email accounts in the sync runtime', () => {
  it('syncs a mail account configured as the CLI does it, with attachments', async () => {
    const store = testStore()
    const secrets = memorySecrets()
    const accountId = addEmailAccount(store.db, secrets, {
      workspaceId: store.workspaceId,
      password: dovecot.password,
      settings: {
        imap: { host: dovecot.host, port: dovecot.port, secure: false, starttls: false, user: dovecot.user },
        smtp: { host: '127.0.0.1', port: 1, secure: false, starttls: false },
        address: 'support@shop.de',
        aliases: [],
      },
    })
    await dovecot.append('INBOX', plain('r1'))
    await dovecot.append('INBOX', withAttachment('r2'))
    const deps = { db: store.db, events: new EventBus(), secrets, dataDir }
    const first = await syncOnceAndDrain(deps, [accountId])
    expect(first.results.map((r) => r.outcome)).toEqual([{ status: 'synced', inserted: 2, updated: 0 }])
    const count = (sql: string) => store.db.prepare(sql).pluck().get(accountId) as number
    expect(count('SELECT count(*) FROM messages WHERE account_id = ?')).toBe(2)
    expect(count('SELECT count(*) FROM attachments a JOIN messages m ON m.id = a.message_id WHERE m.account_id = ?')).toBe(1)
    expect(store.db.prepare("SELECT value FROM account_settings WHERE account_id = ? AND key = 'email'").pluck().get(accountId)).not.toContain(dovecot.password)

    const again = await syncOnceAndDrain(deps, [accountId])
    expect(again.results[0]?.outcome).toEqual({ status: 'synced', inserted: 0, updated: 0 })
    store.db.close()
  })
})
