import { ImapFlow, type MailboxObject } from 'imapflow'
import { storeAttachmentContent, type AttachmentMeta } from '../../mail/attachments'
import { parseMail } from '../../mail/parse'
import type { ThreadRepo } from '../../mail/repo'
import { createThreader } from '../../mail/thread'
import { mailToIngest } from '../../mail/to-ingest'
import type { PullPage } from '../types'
import { toConnectorError } from './errors'
import { decodeFolderCursor, encodeFolderCursor, type EmailCredentials, type EmailSettings, type FolderCursor } from './settings'

/** Messages fetched per page (and so per ingest transaction). */
const PAGE_SIZE = 200

/** What a mail page carries beyond the items: the store has no columns for these, the engine applies them. */
export interface EmailPullPage extends PullPage {
  /** Attachment rows per message external id; the content is already under `<dataDir>/attachments`. */
  attachments: Map<string, AttachmentMeta[]>
  /** Messages that could not be parsed, to be quarantined by (workspace, source). */
  quarantined: { source: string; reason: string; raw: Buffer }[]
  /** CONDSTORE/QRESYNC: flag changes and expunged UIDs since the saved HIGHESTMODSEQ. */
  changes: { flags: { uid: number; flags: string[] }[]; vanished: number[] }
}

export function imapClient(settings: EmailSettings, credentials: EmailCredentials): ImapFlow {
  return new ImapFlow({
    host: settings.imap.host,
    port: settings.imap.port,
    secure: settings.imap.secure,
    doSTARTTLS: settings.imap.secure ? undefined : settings.imap.starttls,
    auth: 'password' in credentials
      ? { user: settings.imap.user, pass: credentials.password }
      : { user: settings.imap.user, accessToken: credentials.accessToken },
    qresync: true,
    logger: false,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
  })
}

export async function connect(client: ImapFlow): Promise<void> {
  try {
    await client.connect()
  } catch (error) {
    throw toConnectorError(error, 'IMAP login')
  }
}

/** The folders to sync: the user's choice, else INBOX and whatever the server marks \Sent. */
export async function foldersToSync(client: ImapFlow, settings: EmailSettings): Promise<string[]> {
  if (settings.folders?.length) return settings.folders
  const sent = await sentFolder(client)
  return sent && sent !== 'INBOX' ? ['INBOX', sent] : ['INBOX']
}

export async function sentFolder(client: ImapFlow): Promise<string | null> {
  const list = await client.list()
  return list.find((f) => f.specialUse === '\\Sent')?.path ?? list.find((f) => /^(sent|gesendet)/i.test(f.name))?.path ?? null
}

const cursorOf = (box: MailboxObject, uidNext: number, final: boolean, saved: FolderCursor | null): FolderCursor => ({
  uidValidity: box.uidValidity.toString(),
  uidNext,
  // HIGHESTMODSEQ moves only once the whole folder is in, so a crash midway re-reads the flag changes.
  highestModseq: final ? (box.highestModseq?.toString() ?? null) : (saved?.highestModseq ?? null),
})

export interface FolderSyncContext {
  client: ImapFlow
  settings: EmailSettings
  threads: ThreadRepo
  dataDir: string
  signal: AbortSignal
}

/**
 * One folder, incrementally: new UIDs from the saved UIDNEXT (never trusting `uidNext:*`, which
 * returns the last message when nothing is new), flag changes and expunges since HIGHESTMODSEQ, and a
 * full pass when UIDVALIDITY changed (Message-IDs keep that from duplicating anything).
 */
export async function* syncFolder(ctx: FolderSyncContext, folder: string, savedValue: string | undefined): AsyncGenerator<EmailPullPage> {
  const { client } = ctx
  let saved = decodeFolderCursor(savedValue)
  // A Set: the server may report one expunge both in SELECT (VANISHED EARLIER) and in the FETCH.
  const vanishedSet = new Set<number>()
  const onExpunge = (event: { path: string; uid?: number; vanished?: boolean }) => {
    if (event.path === folder && event.vanished && event.uid) vanishedSet.add(event.uid)
  }
  client.on('expunge', onExpunge)
  try {
    const box = await client.mailboxOpen(folder, {
      readOnly: true,
      ...(saved?.highestModseq ? { uidValidity: saved.uidValidity, changedSince: saved.highestModseq } : {}),
    })
    if (saved && saved.uidValidity !== box.uidValidity.toString()) saved = null
    const flags = await flagChanges(client, box, saved)
    const changes = { flags, vanished: [...vanishedSet].sort((a, b) => a - b) }
    const from = saved?.uidNext ?? 1
    const found = box.exists > 0 && box.uidNext > from ? ((await client.search({ uid: `${from}:*` }, { uid: true })) || []) : []
    const uids = found.filter((uid) => uid >= from).sort((a, b) => a - b)
    if (uids.length === 0) {
      yield { items: [], attachments: new Map(), quarantined: [], changes, cursor: { stream: folder, value: encodeFolderCursor(cursorOf(box, Math.max(box.uidNext, from), true, saved)) } }
      return
    }
    for (let i = 0; i < uids.length; i += PAGE_SIZE) {
      ctx.signal.throwIfAborted()
      const chunk = uids.slice(i, i + PAGE_SIZE)
      const final = i + PAGE_SIZE >= uids.length
      const page = await fetchPage(ctx, folder, box, chunk)
      const uidNext = final ? Math.max(box.uidNext, chunk.at(-1)! + 1) : chunk.at(-1)! + 1
      yield { ...page, changes: i === 0 ? changes : { flags: [], vanished: [] }, cursor: { stream: folder, value: encodeFolderCursor(cursorOf(box, uidNext, final, saved)) } }
    }
  } catch (error) {
    throw toConnectorError(error, `IMAP sync of ${folder}`)
  } finally {
    client.off('expunge', onExpunge)
  }
}

async function flagChanges(client: ImapFlow, box: MailboxObject, saved: FolderCursor | null) {
  if (!saved?.highestModseq || box.noModseq || box.highestModseq === undefined) return []
  if (box.highestModseq <= BigInt(saved.highestModseq) || box.exists === 0) return []
  const changed: { uid: number; flags: string[] }[] = []
  for await (const msg of client.fetch(`1:${saved.uidNext - 1}`, { uid: true, flags: true }, { uid: true, changedSince: BigInt(saved.highestModseq) })) {
    changed.push({ uid: msg.uid, flags: [...(msg.flags ?? [])] })
  }
  return changed
}

async function fetchPage(ctx: FolderSyncContext, folder: string, box: MailboxObject, uids: number[]) {
  const own = new Set([ctx.settings.address.toLowerCase(), ...ctx.settings.aliases.map((a) => a.toLowerCase())])
  const threader = createThreader(ctx.threads)
  const page: Omit<EmailPullPage, 'cursor' | 'changes'> = { items: [], attachments: new Map(), quarantined: [] }
  const fetched: { uid: number; source: Buffer; internalDate: number }[] = []
  for await (const msg of ctx.client.fetch(uids.join(','), { uid: true, source: true, internalDate: true }, { uid: true })) {
    if (!msg.source || msg.uid < uids[0]!) continue
    const date = msg.internalDate instanceof Date ? msg.internalDate.getTime() : Date.now()
    fetched.push({ uid: msg.uid, source: msg.source, internalDate: date })
  }
  for (const { uid, source, internalDate } of fetched) {
    try {
      const parsed = await parseMail(source, { receivedAt: internalDate })
      for (const attachment of parsed.attachments) storeAttachmentContent(ctx.dataDir, attachment)
      const { item, attachments } = mailToIngest(parsed, source, own, threader)
      page.items.push(item)
      if (attachments.length) page.attachments.set(item.externalId, attachments)
    } catch (error) {
      page.quarantined.push({ source: `imap:${folder}:${box.uidValidity}:${uid}`, reason: `unreadable: ${(error as Error).message}`, raw: source })
    }
  }
  return page
}
