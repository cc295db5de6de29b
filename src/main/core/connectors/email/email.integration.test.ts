import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDovecot, type Dovecot } from '../../../../../test/dovecot/dovecot'
import { startSmtpSink } from '../../../../../test/dovecot/smtp-sink'
import { parseMail } from '../../mail/parse'
import { createThreadRepo } from '../../mail/repo'
import { testStore } from '../../store/test-support'
import { ConnectorError, type OutboxJob } from '../types'
import { createEmailPageWriter } from './apply'
import { createEmailConnector } from './connector'
import type { EmailPullPage } from './imap'
import type { EmailSettings } from './settings'
import { watchFolder } from './watch'

let dovecot: Dovecot
let dataDir: string
beforeAll(async () => {
  dovecot = await startDovecot()
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-email-'))
})
afterAll(async () => {
  await dovecot?.stop()
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
})

const mail = (id: string, extra: string[] = [], from = 'Anna <anna@example.de>') =>
  [`From: ${from}`, 'To: support@shop.de', `Subject: Frage ${id}`, `Message-ID: <${id}@example.de>`,
    'Date: Tue, 14 Nov 2023 10:00:00 +0100', ...extra, '', `Body ${id}`, ''].join('\r\n')

function harness(smtpPort = 1, password = dovecot.password) {
  const store = testStore()
  const accountId = store.accounts.email
  const settings: EmailSettings = {
    imap: { host: dovecot.host, port: dovecot.port, secure: false, starttls: false, user: dovecot.user },
    smtp: { host: '127.0.0.1', port: smtpPort, secure: false, starttls: false },
    address: 'support@shop.de',
    aliases: [],
  }
  const connector = createEmailConnector({ settings, credentials: () => ({ password }), threads: createThreadRepo(store.db, accountId), dataDir })
  const write = createEmailPageWriter(store.db, accountId)
  const cursors = new Map<string, string>()
  const sync = async () => {
    const pages: EmailPullPage[] = []
    for await (const page of connector.pull(cursors, new AbortController().signal)) {
      write(page)
      if (page.cursor) cursors.set(page.cursor.stream, page.cursor.value)
      pages.push(page)
    }
    return pages
  }
  const count = () => store.db.prepare('SELECT count(*) FROM messages').pluck().get() as number
  return { store, connector, settings, sync, count, cursors }
}

describe('email connector against Dovecot', () => {
  it('syncs, then only new mail, flag changes and expunges, then a UIDVALIDITY change without duplicates', async () => {
    const h = harness()
    await dovecot.append('INBOX', mail('a1'))
    await dovecot.append('INBOX', mail('a2', ['In-Reply-To: <a1@example.de>', 'References: <a1@example.de>']))
    await h.sync()
    expect(h.count()).toBe(2)
    expect(JSON.parse(h.cursors.get('INBOX')!)).toMatchObject({ uidNext: 3 })
    expect([...h.cursors.keys()].sort()).toEqual(['INBOX', 'Sent'])

    // Nothing new: the uidNext:* trap must not bring the last message back.
    const idle = await h.sync()
    expect(idle.flatMap((p) => p.items)).toHaveLength(0)

    await dovecot.append('INBOX', mail('a3'))
    const next = await h.sync()
    expect(next.flatMap((p) => p.items).map((i) => i.externalId)).toEqual(['<a3@example.de>'])
    expect(h.count()).toBe(3)

    const c = await dovecot.client()
    await c.mailboxOpen('INBOX')
    await c.messageFlagsAdd('1', ['\\Seen'], { uid: true })
    await c.messageDelete('2', { uid: true })
    await c.logout()
    const changes = (await h.sync()).find((p) => p.cursor?.stream === 'INBOX')!.changes
    expect(changes.flags).toEqual([{ uid: 1, flags: ['\\Seen'] }])
    expect(changes.vanished).toEqual([2])

    // Recreating the folder gives it a new UIDVALIDITY: a full pass, no duplicate rows.
    const d = await dovecot.client()
    await d.mailboxCreate('Archive')
    await d.logout()
    h.settings.folders = ['Archive']
    await dovecot.append('Archive', mail('a1'))
    await h.sync()
    const before = JSON.parse(h.cursors.get('Archive')!) as { uidValidity: string }
    const e = await dovecot.client()
    await e.mailboxDelete('Archive')
    await e.mailboxCreate('Archive')
    await e.logout()
    await dovecot.append('Archive', mail('a1'))
    await dovecot.append('Archive', mail('b9'))
    await h.sync()
    expect(JSON.parse(h.cursors.get('Archive')!).uidValidity).not.toBe(before.uidValidity)
    expect(h.count()).toBe(4)
  })

  it('reports a wrong password as an auth error and keeps what it had', async () => {
    const h = harness(1, 'wrong')
    const error = await h.sync().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConnectorError)
    expect((error as ConnectorError).kind).toBe('auth')
    expect((error as ConnectorError).message).not.toContain('wrong')
  })

  it('calls back on IDLE when mail arrives and reconnects after the server restarts', async () => {
    const h = harness()
    let resolveChange: (() => void) | null = null
    const changed = () => new Promise<void>((resolve) => (resolveChange = resolve))
    let first = changed()
    const watch = watchFolder(h.settings, () => ({ password: dovecot.password }), 'INBOX', () => resolveChange?.())
    await first // the initial "catch up" callback
    first = changed()
    await dovecot.append('INBOX', mail('idle1'))
    await first

    first = changed()
    await dovecot.restart()
    await first // reconnected and caught up
    first = changed()
    await dovecot.append('INBOX', mail('idle2'))
    await first
    await watch.close()

    // A sync after the restart carries on from its cursor.
    await h.sync()
    expect(h.count()).toBeGreaterThanOrEqual(2)
  }, 60_000)

  it('sends a threaded reply through SMTP, keeps a copy in Sent and finds it after a crash', async () => {
    const sink = await startSmtpSink()
    try {
      const h = harness(sink.port)
      const job: OutboxJob = {
        id: 1, idempotencyKey: 'job-42', bodyText: 'Danke, ist unterwegs.', conversationExternalId: '<root@example.de>',
        inReplyToExternalId: '<last@example.de>', recipientExternalId: 'anna@example.de', visibility: 'private', subject: 'Frage root',
      }
      const signal = new AbortController().signal
      expect(await h.connector.findSent(job, signal)).toBeNull()
      const captured = sink.next()
      const ref = await h.connector.send(job, signal)
      const sent = await parseMail((await captured).raw, { receivedAt: 0 })
      expect(sent.messageId).toBe('<earshot-job-42@shop.de>')
      expect(sent.inReplyTo).toBe('<last@example.de>')
      expect(sent.references).toEqual(['<root@example.de>', '<last@example.de>'])
      expect(sent.subject).toBe('Re: Frage root')
      expect(ref.externalId).toBe('<earshot-job-42@shop.de>')
      // As after a crash between sending and marking 'sent': the reply is found, not sent again.
      expect(await h.connector.findSent(job, signal)).toMatchObject({ externalId: '<earshot-job-42@shop.de>' })
      const pages = await h.sync()
      const out = pages.flatMap((p) => p.items).find((i) => i.externalId === '<earshot-job-42@shop.de>')
      expect(out).toMatchObject({ direction: 'out', customer: { externalId: 'anna@example.de' } })
    } finally {
      await sink.stop()
    }
  })
})
