import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDovecot, type Dovecot } from '../../../../../test/dovecot/dovecot'
import { startSmtpSink } from '../../../../../test/dovecot/smtp-sink'
import { ConnectorError, type OutboxJob } from '../types'
import { PENDING_KEYWORD } from './sent-copy'
import type { EmailSettings } from './settings'
import { findSentReply, MAYBE_SENT_MESSAGE, outboxMessageId, sendReply, type SendStep } from './smtp'

let dovecot: Dovecot
let sink: Awaited<ReturnType<typeof startSmtpSink>>
beforeAll(async () => {
  dovecot = await startDovecot()
  sink = await startSmtpSink()
})
afterAll(async () => {
  await sink?.stop()
  await dovecot?.stop()
})

const settings = (smtpPort: number): EmailSettings => ({
  imap: { host: dovecot.host, port: dovecot.port, secure: false, starttls: false, user: dovecot.user },
  smtp: { host: '127.0.0.1', port: smtpPort, secure: false, starttls: false },
  address: 'support@shop.de',
  aliases: [],
})
const job = (key: string): OutboxJob => ({
  id: 1, idempotencyKey: key, bodyText: 'Danke!', conversationExternalId: '<root@example.de>', inReplyToExternalId: '<root@example.de>',
  recipientExternalId: 'anna@example.de', visibility: 'private', subject: 'Frage',
})
const credentials = () => ({ password: dovecot.password })
const signal = new AbortController().signal

/** The Sent copies of one job, with their flags. */
async function sentCopies(key: string): Promise<string[][]> {
  const c = await dovecot.client()
  try {
    await c.mailboxOpen('Sent', { readOnly: true })
    const uids = (await c.search({ header: { 'message-id': outboxMessageId(key, 'support@shop.de') } }, { uid: true })) || []
    if (uids.length === 0) return []
    const flags: string[][] = []
    for await (const m of c.fetch(uids.join(','), { uid: true, flags: true }, { uid: true })) flags.push([...(m.flags ?? [])].sort())
    return flags
  } finally {
    await c.logout()
  }
}

const crashAt = (step: SendStep) => (at: SendStep) => {
  if (at === step) throw new Error(`simulated crash at ${step}`)
}

describe('sending a reply: never twice, never a failed one shown as sent', () => {
  it('keeps one confirmed copy in Sent after a normal send, which findSent reports as sent', async () => {
    const ref = await sendReply(job('ok-1'), settings(sink.port), credentials(), signal)
    expect(await sentCopies('ok-1')).toEqual([['\\Seen']])
    expect(await findSentReply(job('ok-1'), settings(sink.port), credentials(), signal)).toMatchObject({ externalId: ref.externalId })
  })

  it('answers "may have been sent" after a crash between the Sent copy and SMTP: no resend, not shown as sent', async () => {
    const before = sink.messages.length
    await expect(sendReply(job('crash-1'), settings(sink.port), credentials(), signal, crashAt('sent-copy-reserved'))).rejects.toThrow('simulated')
    expect(sink.messages.length).toBe(before)
    expect(await sentCopies('crash-1')).toEqual([[PENDING_KEYWORD, '\\Seen'].sort()])
    const error = await findSentReply(job('crash-1'), settings(sink.port), credentials(), signal).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConnectorError)
    expect(error).toMatchObject({ kind: 'rejected', message: MAYBE_SENT_MESSAGE })
  })

  it('answers "may have been sent" after a crash between SMTP accepting and the keyword update', async () => {
    const before = sink.messages.length
    await expect(sendReply(job('crash-2'), settings(sink.port), credentials(), signal, crashAt('smtp-accepted'))).rejects.toThrow('simulated')
    expect(sink.messages.length).toBe(before + 1)
    const error = await findSentReply(job('crash-2'), settings(sink.port), credentials(), signal).catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'rejected', message: MAYBE_SENT_MESSAGE })
  })

  it('removes the pending copy when SMTP refuses, so the job is safe to send again', async () => {
    const error = await sendReply(job('refused-1'), settings(1), credentials(), signal).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConnectorError)
    expect(await sentCopies('refused-1')).toEqual([])
    expect(await findSentReply(job('refused-1'), settings(sink.port), credentials(), signal)).toBeNull()
  })

  it('finds nothing for a job that never started', async () => {
    expect(await findSentReply(job('never-1'), settings(sink.port), credentials(), signal)).toBeNull()
  })
})
