import { isAscii } from 'node:buffer'
import crypto from 'node:crypto'
import PostalMime, { type Address, type Attachment } from 'postal-mime'
import { sanitizeMailHtml } from './sanitize'
import { readSimpleMail } from './simple-mail'

export interface MailAddress {
  /** Lower-cased, so it can serve as an identity's external id. */
  address: string
  name: string
}

export interface ParsedAttachment {
  filename: string | null
  contentType: string
  size: number
  sha256: string
  contentId: string | null
  inline: boolean
  /** The decoded bytes; the caller writes them to the content store once and drops them. */
  content: Buffer
}

/** One mail in channel-neutral form: what import and IMAP sync both feed to threading and ingest. */
export interface ParsedMail {
  /** With angle brackets, as in the header; null when the message has none. */
  messageId: string | null
  inReplyTo: string | null
  /** Oldest first: references[0] is the thread root when the sender's client kept the chain. */
  references: string[]
  from: MailAddress | null
  to: MailAddress[]
  cc: MailAddress[]
  subject: string
  sentAt: number
  /** True when Date was missing or unreadable and sentAt is the receive time instead. */
  dateFallback: boolean
  text: string
  /** Sanitised; remote images are blocked until the user allows the sender. */
  html: string | null
  trackersRemoved: number
  attachments: ParsedAttachment[]
}

export interface ParseOptions {
  /** Used as the date when the message has none (IMAP INTERNALDATE, file mtime, import time). */
  receivedAt: number
}

/** A stable key for a message without a Message-ID: the hash of its bytes. */
export const rawMessageKey = (raw: Buffer): string => `sha256:${crypto.createHash('sha256').update(raw).digest('hex')}`

/**
 * Parses one RFC 5322 message. postal-mime decodes charsets (TextDecoder), encoded words and nested
 * multiparts; we measured it at ~2.3× mailparser's simpleParser on the import benchmark's corpus
 * (3,260 vs 1,400 msg/s on one core). The common single-part mail takes a shortcut with the same
 * result (simple-mail.ts). We normalise the result and sanitise the HTML here, once, so no caller
 * can forget.
 */
export async function parseMail(raw: Buffer, options: ParseOptions): Promise<ParsedMail> {
  const repaired = repairHeaderBytes(raw)
  // Every message/rfc822 part is kept as an attachment (a forwarded mail is a file, not our body text).
  const mail =
    readSimpleMail(repaired) ??
    (await PostalMime.parse(repaired, { forceRfc822Attachments: true, attachmentEncoding: 'arraybuffer' }))
  const date = headerDate(mail.headerLines.find((h) => h.key === 'date')?.line, mail.date)
  const sanitised = typeof mail.html === 'string' && mail.html.trim() ? sanitizeMailHtml(mail.html) : null
  const text = mail.text ?? (typeof mail.html === 'string' ? htmlFallbackText(mail.html) : '')
  return {
    messageId: normaliseMessageId(mail.messageId),
    inReplyTo: normaliseMessageId(firstId(mail.inReplyTo)),
    references: referencesOf(mail.references),
    from: firstAddress(mail.from ? [mail.from] : undefined),
    to: addressesOf(mail.to),
    cc: addressesOf(mail.cc),
    subject: (mail.subject ?? '').trim(),
    sentAt: date ?? options.receivedAt,
    dateFallback: date === null,
    text: text.trim(),
    html: sanitised?.html ?? null,
    trackersRemoved: sanitised?.trackersRemoved ?? 0,
    attachments: mail.attachments.map(toAttachment),
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Raw 8-bit headers are read as UTF-8 by the MIME parser; older clients wrote them in Latin-1/Windows-1252,
 * which would turn "Grüße" into replacement characters. When the header block is not valid UTF-8 we
 * re-encode it from Latin-1, the overwhelmingly common case in our (German) mailboxes.
 */
export function repairHeaderBytes(raw: Buffer): Buffer {
  const crlfEnd = raw.indexOf('\r\n\r\n')
  const lfEnd = raw.indexOf('\n\n')
  const end = Math.min(crlfEnd < 0 ? raw.length : crlfEnd, lfEnd < 0 ? raw.length : lfEnd)
  const header = raw.subarray(0, end)
  if (isAscii(header)) return raw
  try {
    strictUtf8.decode(header)
    return raw
  } catch {
    return Buffer.concat([Buffer.from(header.toString('latin1'), 'utf8'), raw.subarray(end)])
  }
}

/**
 * A mail dated at import time would sort wrongly forever, so a missing or unreadable Date is
 * reported as a fallback rather than guessed. We read the header line ourselves (comments removed);
 * postal-mime's own reading (an ISO string when it could parse the value) is the second chance.
 */
function headerDate(line: string | undefined, parsed: string | undefined): number | null {
  if (!line) return null
  const value = line.slice(line.indexOf(':') + 1).replace(/\([^)]*\)/g, ' ').trim()
  const direct = Date.parse(value)
  if (!Number.isNaN(direct)) return direct
  const second = parsed ? Date.parse(parsed) : Number.NaN
  return Number.isNaN(second) ? null : second
}

function toAttachment(a: Attachment): ParsedAttachment {
  const content = toBuffer(a.content)
  return {
    filename: a.filename ?? null,
    contentType: a.mimeType || 'application/octet-stream',
    size: content.length,
    sha256: crypto.createHash('sha256').update(content).digest('hex'),
    contentId: a.contentId ? a.contentId.replace(/^<|>$/g, '') : null,
    inline: a.disposition === 'inline' || Boolean(a.related),
    content,
  }
}

/** With attachmentEncoding 'arraybuffer' content is binary; the string case cannot occur but is typed. */
function toBuffer(content: ArrayBuffer | Uint8Array | string): Buffer {
  if (typeof content === 'string') return Buffer.from(content, 'utf8')
  if (content instanceof ArrayBuffer) return Buffer.from(content)
  return Buffer.from(content.buffer, content.byteOffset, content.byteLength)
}

/** Message-IDs compare as written, but some clients add whitespace or drop the brackets. */
export function normaliseMessageId(value: string | undefined | null): string | null {
  if (!value) return null
  const trimmed = value.trim()
  const match = /<[^<>\s]+>/.exec(trimmed)
  if (match) return match[0]
  if (!trimmed || /\s/.test(trimmed)) return null
  return `<${trimmed}>`
}

function firstId(value: string | undefined): string | undefined {
  if (!value) return undefined
  return /<[^<>\s]+>/.exec(value)?.[0] ?? value
}

function referencesOf(value: string | undefined): string[] {
  if (!value) return []
  return [...new Set(value.match(/<[^<>\s]+>/g) ?? [])]
}

function addressesOf(value: readonly Address[] | undefined): MailAddress[] {
  const found: MailAddress[] = []
  // Loops, not flatMap/filter/map: this runs for every address header of every imported mail.
  for (const entry of value ?? []) {
    for (const a of entry.group ?? [entry]) {
      if (a.address && a.address.includes('@'))
        found.push({ address: a.address.trim().toLowerCase(), name: (a.name ?? '').trim() })
    }
  }
  return found
}

function firstAddress(value: readonly Address[] | undefined): MailAddress | null {
  return addressesOf(value)[0] ?? null
}

/** A last resort for HTML-only mail that the parser could not turn into text. */
function htmlFallbackText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
}
