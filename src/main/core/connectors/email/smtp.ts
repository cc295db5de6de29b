import nodemailer from 'nodemailer'
import MailComposer from 'nodemailer/lib/mail-composer'
import { replySubject } from '../../../../shared/replyRules'
import type { OutboxJob, RemoteRef } from '../types'
import { ConnectorError } from '../types'
import { toConnectorError } from './errors'
import { connect, imapClient, sentFolder } from './imap'
import { appendPlainCopy, PENDING_KEYWORD, reserveSentCopy } from './sent-copy'
import type { EmailCredentials, EmailSettings } from './settings'

/** The same key always yields the same Message-ID, so a reply can be found in Sent after a crash. */
export function outboxMessageId(idempotencyKey: string, fromAddress: string): string {
  const domain = fromAddress.split('@')[1] ?? 'earshot.invalid'
  const safeKey = idempotencyKey.replace(/[^A-Za-z0-9._-]/g, '_')
  return `<earshot-${safeKey}@${domain}>`
}

/** The reply's bytes, built once: what SMTP sends is exactly what Sent keeps. */
export async function composeReply(job: OutboxJob, settings: EmailSettings, now = new Date()): Promise<{ raw: Buffer; messageId: string }> {
  const messageId = outboxMessageId(job.idempotencyKey, settings.address)
  const references = [...new Set([job.conversationExternalId, job.inReplyToExternalId].filter((r): r is string => Boolean(r)))]
  const composer = new MailComposer({
    from: settings.address,
    to: job.recipientExternalId,
    subject: replySubject(job.subject),
    text: job.bodyText,
    messageId,
    date: now,
    ...(job.inReplyToExternalId ? { inReplyTo: job.inReplyToExternalId } : {}),
    ...(references.length ? { references } : {}),
  })
  const raw = await new Promise<Buffer>((resolve, reject) => composer.compile().build((err, message) => (err ? reject(err) : resolve(message))))
  return { raw, messageId }
}

function smtpTransport(settings: EmailSettings, credentials: EmailCredentials) {
  const user = settings.smtp.user ?? settings.imap.user
  return nodemailer.createTransport({
    host: settings.smtp.host,
    port: settings.smtp.port,
    secure: settings.smtp.secure,
    requireTLS: !settings.smtp.secure && settings.smtp.starttls,
    ignoreTLS: !settings.smtp.secure && !settings.smtp.starttls,
    auth: 'password' in credentials ? { user, pass: credentials.password } : { type: 'OAuth2', user, accessToken: credentials.accessToken },
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  })
}

/** Where a send can be interrupted; tests throw from a probe to simulate a crash at that point. */
export type SendStep = 'sent-copy-reserved' | 'smtp-accepted'

/**
 * Sends a reply so that a crash at any point is settled by findSentReply without a second send:
 * 1. APPEND the exact bytes to Sent with $EarshotPending, 2. SMTP, 3. remove the keyword.
 * An SMTP refusal deletes the pending copy again (nothing went out). Servers without custom keywords
 * get SMTP first and a plain copy after: a crash between the two can still resend there.
 */
export async function sendReply(
  job: OutboxJob,
  settings: EmailSettings,
  credentials: EmailCredentials,
  signal: AbortSignal,
  probe: (step: SendStep) => void | Promise<void> = () => undefined,
): Promise<RemoteRef> {
  signal.throwIfAborted()
  const sentAt = new Date()
  const { raw, messageId } = await composeReply(job, settings, sentAt)
  const copy = await reserveSentCopy(settings, credentials, raw, sentAt).catch((error: unknown) => {
    throw toConnectorError(error, 'IMAP copy to Sent')
  })
  await probe('sent-copy-reserved')
  try {
    await smtpSend(job, settings, credentials, raw)
  } catch (error) {
    // Refused or unreachable: nothing went out, so the pending copy must not block a retry.
    await copy?.discard().catch(() => undefined)
    throw error
  }
  await probe('smtp-accepted')
  // If this fails the copy stays pending and findSent answers "may have been sent": never a resend.
  if (copy) await copy.confirm().catch(() => undefined)
  else await appendPlainCopy(settings, credentials, raw, sentAt).catch(() => undefined)
  return { externalId: messageId, sentAt: sentAt.getTime() }
}

async function smtpSend(job: OutboxJob, settings: EmailSettings, credentials: EmailCredentials, raw: Buffer): Promise<void> {
  const transport = smtpTransport(settings, credentials)
  try {
    await transport.sendMail({ envelope: { from: settings.address, to: [job.recipientExternalId] }, raw })
  } catch (error) {
    throw toConnectorError(error, 'SMTP send')
  } finally {
    transport.close()
  }
}

export const MAYBE_SENT_MESSAGE = 'This reply may already have been sent: check the Sent folder before sending it again.'

/**
 * After a crash in 'sending': what does Sent say about this job's Message-ID? A copy without the
 * pending keyword: sent. Only pending copies: the crash fell between APPEND and the keyword's removal,
 * so SMTP may have delivered it: a 'rejected' error, neither resent nor shown as sent. None: not sent.
 */
export async function findSentReply(job: OutboxJob, settings: EmailSettings, credentials: EmailCredentials, signal: AbortSignal): Promise<RemoteRef | null> {
  signal.throwIfAborted()
  const messageId = outboxMessageId(job.idempotencyKey, settings.address)
  const client = imapClient(settings, credentials)
  await connect(client)
  try {
    const sent = await sentFolder(client)
    if (!sent) throw new ConnectorError('rejected', 'The mailbox has no Sent folder to look the reply up in.')
    await client.mailboxOpen(sent, { readOnly: true })
    const uids = (await client.search({ header: { 'message-id': messageId } }, { uid: true })) || []
    if (uids.length === 0) return null
    for await (const msg of client.fetch(uids.join(','), { uid: true, flags: true, internalDate: true }, { uid: true })) {
      if (msg.flags?.has(PENDING_KEYWORD)) continue
      const at = msg.internalDate instanceof Date ? msg.internalDate.getTime() : Date.now()
      return { externalId: messageId, sentAt: at }
    }
    throw new ConnectorError('rejected', MAYBE_SENT_MESSAGE)
  } catch (error) {
    throw toConnectorError(error, 'IMAP look-up in Sent')
  } finally {
    await client.logout().catch(() => undefined)
  }
}
