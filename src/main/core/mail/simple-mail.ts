import { isAscii } from 'node:buffer'
import { TextDecoder } from 'node:util'
import { decodeWords, type Address, type Attachment, type Email, type HeaderLine } from 'postal-mime'
import { readAddressList } from './simple-address'
import { decodeBody, lineEnd, type TransferEncoding } from './simple-body'

/** The parts of postal-mime's result that parseMail reads. */
export type MailFields = Pick<
  Email,
  | 'headerLines'
  | 'date'
  | 'from'
  | 'to'
  | 'cc'
  | 'subject'
  | 'messageId'
  | 'inReplyTo'
  | 'references'
  | 'text'
  | 'html'
  | 'attachments'
>

/**
 * The common mail — one text/plain or text/html part in UTF-8, ASCII or Latin-1, 7bit, 8bit,
 * quoted-printable or base64, on its own or in a multipart/mixed with plain attachments — read
 * without postal-mime's streaming machinery (an await per line, a Blob per part), which cost most
 * of the import's parse time. The result is exactly what postal-mime 4 gives for the same bytes
 * (simple-mail.test.ts compares both on every kind of mail we know); anything else returns null
 * and goes to postal-mime.
 */
export function readSimpleMail(raw: Buffer): MailFields | null {
  const root = readPart(raw, 0, raw.length)
  if (!root) return null
  const body = readBody(raw, root)
  if (!body) return null
  // Filled in place: an object spread followed by more properties takes V8's slow path (~4 µs each).
  const fields: MailFields = { attachments: body.attachments, headerLines: root.headerLines }
  addAddressFields(fields, root.headers)
  addWordFields(fields, root.headers)
  addDateField(fields, root.headers)
  const text = body.texts.join('\n')
  if (text) fields[body.html ? 'html' : 'text'] = text
  return fields
}

interface Header {
  key: string
  value: string
}

/** A MIME part: its headers and where its body lies in the raw bytes. */
interface Part {
  headers: Header[]
  headerLines: HeaderLine[]
  /** Header bytes without line ends, which postal-mime limits across the whole message. */
  headerSize: number
  bodyStart: number
  end: number
}

/** postal-mime's limit; a larger header block is its error to report. */
const MAX_HEADERS_SIZE = 2 * 1024 * 1024

/** raw[start, end) as a part: header lines up to the first empty one, decoded as postal-mime does (UTF-8, BOM kept). */
function readPart(raw: Buffer, start: number, end: number): Part | null {
  const lines: Array<[number, number]> = []
  let headerSize = 0
  let pos = start
  let bodyStart = end
  while (pos < end) {
    const found = raw.indexOf(0x0a, pos)
    const newline = found < 0 || found > end ? end : found
    const stop = lineEnd(raw, pos, newline)
    const lineStart = pos
    pos = newline + 1
    if (stop === lineStart) {
      bodyStart = Math.min(pos, end)
      break
    }
    headerSize += stop - lineStart
    if (headerSize > MAX_HEADERS_SIZE) return null
    lines.push([lineStart, stop])
  }
  const ascii = isAscii(raw.subarray(start, Math.min(pos, end)))
  const text = lines.map(([from, to]) =>
    ascii ? raw.toString('latin1', from, to) : HEADER_DECODER.decode(raw.subarray(from, to)),
  )
  const { headers, headerLines } = unfoldHeaders(text)
  return { headers, headerLines, headerSize, bodyStart, end }
}

const HEADER_DECODER = new TextDecoder('utf-8', { ignoreBOM: true })

/** Only SP and HTAB, by index (a regex retries at every blank of a long run). */
function trimWsp(s: string): string {
  let start = 0
  let end = s.length
  while (start < end && (s.charCodeAt(start) === 0x20 || s.charCodeAt(start) === 0x09)) start++
  while (end > start && (s.charCodeAt(end - 1) === 0x20 || s.charCodeAt(end - 1) === 0x09)) end--
  return s.slice(start, end)
}

/** Folded lines joined to one header each, keys lower-cased, values trimmed (postal-mime's processHeaders). */
function unfoldHeaders(lines: readonly string[]): { headers: Header[]; headerLines: HeaderLine[] } {
  const folded: string[][] = []
  for (const line of lines) {
    const first = line.charCodeAt(0)
    if (folded.length > 0 && (first === 0x20 || first === 0x09)) folded[folded.length - 1]!.push(line)
    else folded.push([line])
  }
  const headers: Header[] = []
  const headerLines: HeaderLine[] = []
  for (const parts of folded) {
    const rawLine = parts.length === 1 ? parts[0]! : parts.join('\n')
    const rawSep = rawLine.indexOf(':')
    const rawKey = trimWsp(rawSep < 0 ? rawLine : rawLine.slice(0, rawSep)).toLowerCase()
    headerLines.push({ key: rawKey, line: rawLine })
    const unfolded = parts.length === 1 ? rawLine : parts.join('')
    const sep = unfolded.indexOf(':')
    const key = parts.length === 1 ? rawKey : trimWsp(sep < 0 ? unfolded : unfolded.slice(0, sep)).toLowerCase()
    const value = sep < 0 ? '' : unfolded.slice(sep + 1)
    headers.push({ key, value: trimWsp(value.includes('\r') ? value.replace(/[\r\n]+/g, ' ') : value) })
  }
  return { headers, headerLines }
}

const first = (headers: readonly Header[], key: string): string | undefined => headers.find((h) => h.key === key)?.value

interface Body {
  html: boolean
  texts: string[]
  attachments: Attachment[]
}

/** The body of a single text part, or of a multipart/mixed of text parts (one kind) and plain attachments. */
function readBody(raw: Buffer, root: Part): Body | null {
  const mixed = MIXED.exec(first(root.headers, 'content-type') ?? 'text/plain')
  if (!mixed) {
    const text = readTextPart(raw, root)
    return text && { html: text.html, texts: [text.text], attachments: [] }
  }
  const body: Body = { html: false, texts: [], attachments: [] }
  let headerSize = root.headerSize
  const kinds = new Set<boolean>()
  for (const [start, end] of mixedParts(raw, root.bodyStart, mixed[1] ?? mixed[2]!)) {
    const part = readPart(raw, start, end)
    if (!part || (headerSize += part.headerSize) > MAX_HEADERS_SIZE) return null
    if (isTextPart(part)) {
      const text = readTextPart(raw, part)
      if (!text) return null
      kinds.add(text.html)
      body.texts.push(text.text)
      body.html = text.html
    } else {
      const attachment = readAttachmentPart(raw, part)
      if (!attachment) return null
      body.attachments.push(attachment)
    }
  }
  // Plain and HTML parts side by side would be converted into each other: postal-mime's business.
  return kinds.size > 1 ? null : body
}

/** A boundary as a token or a quoted string of the characters real boundaries use, and no other parameter. */
const MIXED = /^multipart\/mixed[ \t]*;[ \t]*boundary[ \t]*=[ \t]*(?:"([\w'+,./:=?-]+)"|([\w'+,./:=?-]+))[ \t]*;?$/i

/**
 * The parts' ranges between boundary lines (a line of `--boundary`, `--` after it for the last, then
 * only blanks), found as postal-mime finds them: on any line after the headers, preamble and
 * epilogue ignored, a missing last boundary closing the last part at the end.
 */
function mixedParts(raw: Buffer, bodyStart: number, boundary: string): Array<[number, number]> {
  const marker = Buffer.from(`--${boundary}`, 'latin1')
  const parts: Array<[number, number]> = []
  let partStart = -1
  for (let at = raw.indexOf(marker, bodyStart); at >= 0; at = raw.indexOf(marker, at + 1)) {
    if (at !== bodyStart && raw[at - 1] !== 0x0a) continue
    const found = raw.indexOf(0x0a, at)
    const newline = found < 0 ? raw.length : found
    const kind = boundaryKind(raw, at + marker.length, lineEnd(raw, at, newline))
    if (!kind) continue
    if (partStart >= 0) parts.push([partStart, at])
    if (kind === 'last') return parts
    partStart = Math.min(newline + 1, raw.length)
  }
  if (partStart >= 0) parts.push([partStart, raw.length])
  return parts
}

function boundaryKind(raw: Buffer, after: number, stop: number): 'next' | 'last' | null {
  const last = stop - after >= 2 && raw[after] === 0x2d && raw[after + 1] === 0x2d
  for (let i = last ? after + 2 : after; i < stop; i++) if (raw[i] !== 0x20 && raw[i] !== 0x09) return null
  return last ? 'last' : 'next'
}

/** Only a bare type and charset: parameters such as format=flowed change the text. */
const SIMPLE_CONTENT_TYPE =
  /^text\/(plain|html)[ \t]*(?:;[ \t]*charset[ \t]*=[ \t]*(?:"([\w.:-]+)"|([\w.:-]+))[ \t]*)?;?$/i
const SIMPLE_TRANSFER_ENCODING = /^(7bit|8bit|binary|quoted-printable|base64)$/i
/** Labels TextDecoder takes as they are, so the decoder is the one postal-mime would pick. */
const SIMPLE_CHARSETS = new Set([
  'utf-8',
  'utf8',
  'us-ascii',
  'ascii',
  'iso-8859-1',
  'iso8859-1',
  'latin1',
  'windows-1252',
  'cp1252',
  'iso-8859-15',
])
const DISPOSITION =
  /^(attachment|inline)[ \t]*(?:;[ \t]*filename[ \t]*=[ \t]*(?:"([^"\\]*)"|([^ \t;"()\\]+))[ \t]*)?;?$/i
/** Any type but the ones postal-mime treats specially (multiparts, messages, calendars), with at most a name. */
const ATTACHMENT_TYPE =
  /^([\w!#$&^.+-]+\/[\w!#$&^.+-]+)[ \t]*(?:;[ \t]*name[ \t]*=[ \t]*(?:"([^"\\]*)"|([^ \t;"()\\]+))[ \t]*)?;?$/i
const SPECIAL_TYPES = /^(multipart|message)\/|^(text\/calendar|application\/ics)$/i

/** Text unless its disposition says attachment (postal-mime's isInlineTextNode); a part's default type is text/plain. */
function isTextPart(part: Part): boolean {
  const type = (first(part.headers, 'content-type') ?? 'text/plain').toLowerCase()
  const disposition = DISPOSITION.exec(first(part.headers, 'content-disposition') ?? 'inline')
  return /^text\/(plain|html)\b/.test(type) && disposition?.[1]!.toLowerCase() !== 'attachment'
}

function transferEncoding(part: Part): TransferEncoding | null {
  const transfer = SIMPLE_TRANSFER_ENCODING.exec(first(part.headers, 'content-transfer-encoding') ?? '8bit')
  if (!transfer) return null
  const name = transfer[1]!.toLowerCase()
  return name === 'quoted-printable' || name === 'base64' ? name : 'plain'
}

/** A text part in a charset we decode as postal-mime would; the first of each content header counts. */
function readTextPart(raw: Buffer, part: Part): { html: boolean; text: string } | null {
  const type = SIMPLE_CONTENT_TYPE.exec(first(part.headers, 'content-type') ?? 'text/plain')
  const encoding = transferEncoding(part)
  const disposition = first(part.headers, 'content-disposition')
  if (!type || !encoding || (disposition !== undefined && !/^inline$/i.test(disposition))) return null
  const charset = (type[2] ?? type[3] ?? 'utf8').toLowerCase()
  if (!SIMPLE_CHARSETS.has(charset)) return null
  return {
    html: type[1]!.toLowerCase() === 'html',
    text: decoderFor(charset).decode(decodeBody(raw, part.bodyStart, part.end, encoding)),
  }
}

/** An attachment as postal-mime's collectAttachment describes it, with its content as an ArrayBuffer. */
function readAttachmentPart(raw: Buffer, part: Part): Attachment | null {
  const type = ATTACHMENT_TYPE.exec(first(part.headers, 'content-type') ?? 'text/plain')
  const dispositionValue = first(part.headers, 'content-disposition')
  const disposition = dispositionValue === undefined ? null : DISPOSITION.exec(dispositionValue)
  const encoding = transferEncoding(part)
  if (!type || SPECIAL_TYPES.test(type[1]!) || (dispositionValue !== undefined && !disposition) || !encoding)
    return null
  const filename = disposition?.[2] || disposition?.[3] || type[2] || type[3] || null
  const bytes = decodeBody(raw, part.bodyStart, part.end, encoding)
  const attachment: Attachment = {
    filename: filename ? decodeWords(filename) : null,
    mimeType: type[1]!.toLowerCase(),
    disposition: disposition ? disposition[1]!.toLowerCase() : null,
    content: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  }
  const description = first(part.headers, 'content-description')
  if (description) attachment.description = decodeWords(description)
  const contentId = first(part.headers, 'content-id')
  if (contentId) attachment.contentId = contentId
  return attachment
}

const decoders = new Map<string, TextDecoder>()
function decoderFor(charset: string): TextDecoder {
  let decoder = decoders.get(charset)
  if (!decoder) decoders.set(charset, (decoder = new TextDecoder(charset)))
  return decoder
}

function addAddressFields(fields: MailFields, headers: readonly Header[]): void {
  const from = headers.find((h) => h.key === 'from')
  if (from?.value) {
    const parsed = readAddressList(from.value)
    if (parsed.length > 0) fields.from = parsed[0]
  }
  for (const key of ['to', 'cc'] as const) {
    const all: Address[] = []
    for (const h of headers) if (h.key === key && h.value) all.push(...readAddressList(h.value))
    if (all.length > 0) fields[key] = all
  }
}

function addWordFields(fields: MailFields, headers: readonly Header[]): void {
  const names = [
    ['subject', 'subject'],
    ['message-id', 'messageId'],
    ['in-reply-to', 'inReplyTo'],
    ['references', 'references'],
  ] as const
  for (const [key, field] of names) {
    const header = headers.find((h) => h.key === key)
    if (header?.value) fields[field] = decodeWords(header.value)
  }
}

function addDateField(fields: MailFields, headers: readonly Header[]): void {
  const header = headers.find((h) => h.key === 'date')
  if (!header) return
  const date = new Date(header.value)
  // postal-mime asks toString() whether the date is valid; getTime() says the same without formatting it.
  fields.date = Number.isNaN(date.getTime()) ? header.value : date.toISOString()
}
