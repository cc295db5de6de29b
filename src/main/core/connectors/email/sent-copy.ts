import type { ImapFlow } from 'imapflow'
import { connect, imapClient, sentFolder } from './imap'
import type { EmailCredentials, EmailSettings } from './settings'

/**
 * A private keyword on the Sent copy of a reply that SMTP has not (yet) confirmed. Sent holds the
 * copy before SMTP is tried, so a crash at any point leaves a trace: no copy means nothing went out,
 * a copy with this keyword means "may have gone out", a copy without it means sent.
 */
export const PENDING_KEYWORD = '$EarshotPending'

/** The Sent copy written before SMTP; confirm() after SMTP accepted, discard() after SMTP refused. */
export interface SentCopy {
  confirm(): Promise<void>
  discard(): Promise<void>
}

/**
 * APPENDs the reply to Sent flagged pending, when the server keeps custom keywords (PERMANENTFLAGS
 * has `\*`). Returns null when it cannot (no Sent folder, no keywords): the caller then falls back to
 * SMTP first and a plain copy after, the best those servers allow.
 */
export async function reserveSentCopy(settings: EmailSettings, credentials: EmailCredentials, raw: Buffer, at: Date): Promise<SentCopy | null> {
  const client = imapClient(settings, credentials)
  await connect(client)
  try {
    const sent = await sentFolder(client)
    const box = sent ? await client.mailboxOpen(sent) : null
    if (!sent || !box?.permanentFlags?.has('\\*')) {
      await client.logout().catch(() => undefined)
      return null
    }
    const appended = await client.append(sent, raw, ['\\Seen', PENDING_KEYWORD], at)
    const uid = appended && appended.uid ? appended.uid : null
    return {
      confirm: () => onCopy(client, sent, uid, raw, (range) => client.messageFlagsRemove(range, [PENDING_KEYWORD], { uid: true })),
      discard: () => onCopy(client, sent, uid, raw, (range) => client.messageDelete(range, { uid: true })),
    }
  } catch (error) {
    await client.logout().catch(() => undefined)
    throw error
  }
}

/** Runs one STORE/EXPUNGE on the pending copy (by its APPENDUID, else found by Message-ID), then logs out. */
async function onCopy(client: ImapFlow, sent: string, uid: number | null, raw: Buffer, act: (range: string) => Promise<unknown>): Promise<void> {
  try {
    await client.mailboxOpen(sent)
    const range = uid !== null ? String(uid) : await pendingUids(client, messageIdOf(raw))
    if (range) await act(range)
  } finally {
    await client.logout().catch(() => undefined)
  }
}

async function pendingUids(client: ImapFlow, messageId: string | null): Promise<string> {
  if (!messageId) return ''
  const uids = (await client.search({ header: { 'message-id': messageId }, keyword: PENDING_KEYWORD }, { uid: true })) || []
  return uids.join(',')
}

function messageIdOf(raw: Buffer): string | null {
  const head = raw.toString('utf8', 0, Math.min(raw.length, 8192))
  return /^message-id:\s*(<[^>\r\n]+>)/im.exec(head)?.[1] ?? null
}

/** Server without keyword support: a plain copy after SMTP, so the reply at least shows in Sent. */
export async function appendPlainCopy(settings: EmailSettings, credentials: EmailCredentials, raw: Buffer, at: Date): Promise<void> {
  const client = imapClient(settings, credentials)
  await connect(client)
  try {
    const sent = await sentFolder(client)
    if (sent) await client.append(sent, raw, ['\\Seen'], at)
  } finally {
    await client.logout().catch(() => undefined)
  }
}
