import fs from 'node:fs'
import type { Sentiment } from '../../../shared/domain'
import { moodOfMessage } from '../insight/sentiment'
import { storeAttachmentContent, type AttachmentMeta } from './attachments'
import { parseMail, type ParsedMail } from './parse'

/**
 * One message to read: a file (maildir entry, .eml) that the parser reads itself, or bytes already
 * split out of an mbox. The same job runs in a worker thread (bulk import) or in-process.
 */
export type ParseJob = ({ source: string; file: string } | { source: string; raw: Uint8Array; receivedAt: number }) & {
  dataDir: string
  /** The shop's own addresses (lower-cased): their mails are replies, not read for mood. */
  own: readonly string[]
}

/**
 * A parsed mail whose attachment content is already on disk: only the metadata travels back. A
 * customer's mail comes with its mood, read here so the ingest thread need not (see IngestItem.mood).
 */
export type StoredMail = Omit<ParsedMail, 'attachments'> & { attachments: AttachmentMeta[]; mood: Sentiment | null }

export type ParseOutcome =
  | { source: string; raw: Uint8Array; mail: StoredMail }
  | { source: string; raw: Uint8Array; reason: string }

/** A header line first (after optional blank lines): anything else is not a mail, whatever a parser says. */
const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/

export function notMailReason(raw: Uint8Array): string | null {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)
  if (bytes.length === 0 || bytes.toString('latin1', 0, Math.min(bytes.length, 4096)).trim() === '') return 'empty message'
  const head = bytes.toString('latin1', 0, Math.min(bytes.length, 1024)).replace(/^[\r\n]+/, '')
  if (!HEADER_LINE.test(head)) return 'not an RFC 5322 message (no header block)'
  return null
}

function readJob(job: ParseJob): { raw: Buffer; receivedAt: number } {
  if ('raw' in job) return { raw: Buffer.from(job.raw.buffer, job.raw.byteOffset, job.raw.byteLength), receivedAt: job.receivedAt }
  // Synchronous on purpose: this runs in a parse worker, where blocking costs the host nothing,
  // and one open+fstat+read beats the several round trips of the promise API per small file.
  const fd = fs.openSync(job.file, 'r')
  try {
    const stat = fs.fstatSync(fd)
    const raw = Buffer.allocUnsafeSlow(stat.size)
    let read = 0
    while (read < stat.size) {
      const n = fs.readSync(fd, raw, read, stat.size - read, read)
      if (n === 0) break
      read += n
    }
    return { raw: read === stat.size ? raw : raw.subarray(0, read), receivedAt: Math.round(stat.mtimeMs) }
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * Reads, checks and parses one message and writes its attachment content to the content store.
 * Never throws for a bad message: what cannot be read comes back with a reason, to be quarantined.
 */
export async function runParseJob(job: ParseJob): Promise<ParseOutcome> {
  let read: { raw: Buffer; receivedAt: number }
  try {
    read = readJob(job)
  } catch (error) {
    return { source: job.source, raw: new Uint8Array(0), reason: `unreadable: ${(error as Error).message}` }
  }
  const { raw, receivedAt } = read
  const rejected = notMailReason(raw)
  if (rejected) return { source: job.source, raw, reason: rejected }
  try {
    const parsed = await parseMail(raw, { receivedAt })
    const attachments = parsed.attachments.map(({ content, ...meta }) => {
      storeAttachmentContent(job.dataDir, { sha256: meta.sha256, content })
      return meta
    })
    const ours = parsed.from !== null && job.own.includes(parsed.from.address)
    const mood = ours ? null : moodOfMessage(parsed.subject || null, parsed.text)
    // Object.assign: an object spread followed by more properties takes V8's slow path (µs per mail).
    return { source: job.source, raw, mail: Object.assign({}, parsed, { attachments, mood }) }
  } catch (error) {
    return { source: job.source, raw, reason: `unreadable: ${(error as Error).message}` }
  }
}
