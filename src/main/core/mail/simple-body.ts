/**
 * Body decoding for simple-mail.ts, byte for byte as postal-mime 4's decoders do it: the body is
 * read line by line (CRs at a line's end dropped), each line handed on with an LF.
 */
export type TransferEncoding = 'plain' | 'quoted-printable' | 'base64'

/** The end of the line starting at `start`, without its CRs (postal-mime keeps a CR only inside a line). */
export function lineEnd(raw: Buffer, start: number, newline: number): number {
  let end = newline
  while (end > start && raw[end - 1] === 0x0d) end--
  return end
}

/** The decoded bytes of raw[start, end), a part's body. */
export function decodeBody(raw: Buffer, start: number, end: number, encoding: TransferEncoding): Uint8Array {
  if (encoding === 'base64') return decodeBase64(raw, start, end)
  const out = Buffer.allocUnsafe(end - start + 1)
  let length = 0
  let pos = start
  while (pos < end) {
    const found = raw.indexOf(0x0a, pos)
    const newline = found < 0 || found > end ? end : found
    const stop = lineEnd(raw, pos, newline)
    length =
      encoding === 'plain'
        ? copyLine(raw, pos, stop, out, length)
        : decodeQuotedPrintableLine(raw, pos, stop, out, length)
    pos = newline + 1
  }
  return out.subarray(0, length)
}

function copyLine(raw: Buffer, start: number, end: number, out: Buffer, at: number): number {
  raw.copy(out, at, start, end)
  out[at + end - start] = 0x0a
  return at + end - start + 1
}

function hexNibble(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10
  return -1
}

/** postal-mime's QP rules: `=XX` needs two more bytes on the line, a bad escape stays literal, `=` at the end joins lines. */
function decodeQuotedPrintableLine(raw: Buffer, start: number, end: number, out: Buffer, at: number): number {
  const softBreak = end > start && raw[end - 1] === 0x3d
  const stop = softBreak ? end - 1 : end
  for (let i = start; i < stop; i++) {
    const c = raw[i]!
    if (c === 0x3d && i + 2 < stop) {
      const high = hexNibble(raw[i + 1]!)
      const low = hexNibble(raw[i + 2]!)
      if (high >= 0 && low >= 0) {
        out[at++] = (high << 4) | low
        i += 2
        continue
      }
    }
    out[at++] = c
  }
  if (!softBreak) out[at++] = 0x0a
  return at
}

const ONE_UNIT = /^[A-Za-z0-9+/\r\n]*=*[\r\n]*$/
const BASE64_VALUES = new Int8Array(256).fill(-1)
for (const [i, c] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].entries())
  BASE64_VALUES[c.charCodeAt(0)] = i

/**
 * postal-mime's base64: everything but the alphabet is dropped, and each run of `=` ends a unit that
 * is decoded on its own (a unit of 4n+1 characters loses its last one).
 */
function decodeBase64(raw: Buffer, start: number, end: number): Uint8Array {
  const text = raw.toString('latin1', start, end)
  // The usual body — the alphabet in lines, padding only at the end — is one unit: Node decodes that
  // alike (a dangling 4n+1st character dropped, partial groups kept), and 5× faster.
  if (ONE_UNIT.test(text)) return Buffer.from(text, 'base64')
  const out = Buffer.allocUnsafe(Math.ceil(((end - start) * 3) / 4) + 3)
  let length = 0
  let group = 0
  let count = 0
  // One loop, no helper closure: variables a closure shares live on the heap, which made this 3× slower.
  for (let i = start; i <= end; i++) {
    const c = i < end ? raw[i]! : 0x3d
    if (c === 0x3d) {
      // A unit ends (a run of `=`, or the body): 2 characters left hold one byte, 3 hold two, 1 holds none.
      if (count === 2) out[length++] = group >> 4
      else if (count === 3) {
        out[length++] = group >> 10
        out[length++] = (group >> 2) & 0xff
      }
      group = 0
      count = 0
      continue
    }
    const value = BASE64_VALUES[c]!
    if (value < 0) continue
    group = (group << 6) | value
    if (++count === 4) {
      out[length++] = group >> 16
      out[length++] = (group >> 8) & 0xff
      out[length++] = group & 0xff
      group = 0
      count = 0
    }
  }
  return out.subarray(0, length)
}
