import fs from 'node:fs'
import path from 'node:path'

/** One message found on disk, with a key that names it the same way on every run. */
export interface RawSource {
  /** `mbox:<file>#<n>`, `maildir:<dir>/<unique name>` or `file:<path>`; the quarantine's natural key. */
  source: string
  raw: Buffer
  /** The file's mtime: the receive time when the message has no usable Date. */
  receivedAt: number
}

/** A maildir's messages are listed once, when it is found: counting and reading both need the list. */
export type Found =
  | { kind: 'mbox'; file: string }
  | { kind: 'file'; file: string }
  | { kind: 'maildir'; messages: { source: string; file: string }[] }

const isDir = (p: string) => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false

function sniffMbox(file: string): boolean {
  const fd = fs.openSync(file, 'r')
  try {
    const head = Buffer.alloc(5)
    return fs.readSync(fd, head, 0, 5, 0) === 5 && head.toString('latin1') === 'From '
  } finally {
    fs.closeSync(fd)
  }
}

/** Walks the given paths: maildirs (cur/new, Maildir++ subfolders), mbox files and single .eml files. */
export function findSources(paths: readonly string[]): Found[] {
  const found: Found[] = []
  const visit = (p: string) => {
    const stat = fs.statSync(p)
    if (!stat.isDirectory()) {
      found.push(sniffMbox(p) ? { kind: 'mbox', file: p } : { kind: 'file', file: p })
      return
    }
    const maildir = isDir(path.join(p, 'cur')) || isDir(path.join(p, 'new'))
    if (maildir) found.push({ kind: 'maildir', messages: maildirMessages(p) })
    for (const entry of fs.readdirSync(p, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      // A maildir's own files (dovecot-uidlist, indexes, subscriptions) are bookkeeping, not mail;
      // its subdirectories other than cur/new/tmp are Maildir++ folders (.Sent, .Archive).
      if (maildir && (!entry.isDirectory() || ['cur', 'new', 'tmp'].includes(entry.name))) continue
      if (entry.name === '.notmuch' || (entry.isFile() && entry.name.startsWith('.'))) continue
      if (entry.isDirectory() || entry.isFile()) visit(path.join(p, entry.name))
    }
  }
  for (const p of paths) visit(path.resolve(p))
  return found
}

function maildirMessages(dir: string): { source: string; file: string }[] {
  return ['new', 'cur'].flatMap((sub) => {
    const folder = path.join(dir, sub)
    if (!isDir(folder)) return []
    return (
      fs
        .readdirSync(folder)
        .filter((name) => !name.startsWith('.'))
        .sort()
        // Maildir flags after ':' change when a message is read; the unique part before it does not.
        // Joined as strings: path.join normalised each of a large maildir's names again, per message.
        .map((name) => ({ source: `maildir:${dir}/${name.split(':')[0]}`, file: `${folder}${path.sep}${name}` }))
    )
  })
}

/** How many messages the sources hold, for progress: mbox files are scanned for their From_ lines. */
export async function countMessages(found: readonly Found[]): Promise<number> {
  let total = 0
  for (const f of found) {
    if (f.kind === 'file') total++
    else if (f.kind === 'maildir') total += f.messages.length
    else total += await countMboxMessages(f.file)
  }
  return total
}

async function countMboxMessages(file: string): Promise<number> {
  let count = 0
  let lineStart = true
  let previousBlank = true
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]
      if (lineStart && previousBlank && byte === 0x46 && chunk.toString('latin1', i, i + 5) === 'From ') count++
      if (byte === 0x0a) {
        previousBlank = lineStart
        lineStart = true
      } else if (byte !== 0x0d) {
        if (lineStart) previousBlank = false
        lineStart = false
      }
    }
  }
  return count
}

/** One message to hand to the parser: a file it reads itself, or bytes split out of an mbox. */
export type MessageJob = { source: string; file: string } | RawSource

/**
 * Every message of the found sources, in order. Files are named, not read: the parse worker reads
 * them, so the host's thread does no per-file I/O. mbox files are split here, one message at a time.
 */
export async function* messageJobs(found: readonly Found[]): AsyncGenerator<MessageJob> {
  for (const f of found) {
    if (f.kind === 'mbox') {
      yield* readMbox(f.file)
      continue
    }
    if (f.kind === 'file') yield { source: `file:${f.file}`, file: f.file }
    else yield* f.messages
  }
}

const FROM_ESCAPED = /^>+From /

/**
 * Splits an mbox (mboxrd): a message starts at a `From ` line after a blank line; a body line
 * written as `>From ` (or `>>From `, …) loses one `>` on the way out.
 */
export async function* readMbox(file: string): AsyncGenerator<RawSource> {
  const receivedAt = Math.round(fs.statSync(file).mtimeMs)
  let index = 0
  let lines: Buffer[] = []
  let started = false
  let previousBlank = true
  const finish = (): RawSource => {
    // The blank line before the next From_ line belongs to the mbox, not to the message.
    if (lines.length > 0 && isBlank(lines.at(-1)!)) lines.pop()
    const raw = Buffer.concat(lines)
    lines = []
    return { source: `mbox:${file}#${index++}`, raw, receivedAt }
  }
  for await (const line of readLines(file)) {
    if (previousBlank && line.length >= 5 && line.toString('latin1', 0, 5) === 'From ') {
      if (started) yield finish()
      started = true
      previousBlank = false
      continue
    }
    previousBlank = isBlank(line)
    if (!started) continue
    lines.push(line[0] === 0x3e && FROM_ESCAPED.test(line.toString('latin1', 0, 64)) ? line.subarray(1) : line)
  }
  if (started) yield finish()
}

const isBlank = (line: Buffer) => line.length === 0 || (line.length <= 2 && /^\r?\n$/.test(line.toString('latin1')))

/** Lines with their line endings, as Buffers (bodies may be 8-bit in any charset). */
async function* readLines(file: string): AsyncGenerator<Buffer> {
  let carry: Buffer = Buffer.alloc(0)
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const data = carry.length ? Buffer.concat([carry, chunk]) : chunk
    let start = 0
    for (let nl = data.indexOf(0x0a, start); nl !== -1; nl = data.indexOf(0x0a, start)) {
      yield data.subarray(start, nl + 1)
      start = nl + 1
    }
    carry = Buffer.from(data.subarray(start))
  }
  if (carry.length) yield carry
}
