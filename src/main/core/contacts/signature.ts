import { normalizeEmail, normalizeHandle, normalizePhone } from './normalize'

/** What a mail's signature says about its sender: other addresses, handles and phone numbers. */
export interface SignatureFacts {
  emails: string[]
  handles: string[]
  phones: string[]
}

/** Where quoted text starts: everything below is someone else's words, often ours with our own handle. */
const QUOTE_START = [
  /^>/,
  /^On .+ wrote:\s*$/i,
  /^Am .+ schrieb .+:\s*$/i,
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Forwarded message|Weitergeleitete Nachricht)/i,
  /^(From|Von):\s+\S/,
]
/** The usual "-- " line above a signature (RFC 3676), also without its trailing space. */
const DELIMITER = /^--\s*$/
const SIGN_OFF =
  /^((viele|liebe|beste|herzliche|freundliche|sonnige)\s+)?grü(ß|ss)e\b|^mit freundlichen grü|^(lg|vg|mfg|gruß|gruss)\b|^((best|kind|warm)\s+)?regards\b|^(best|cheers|thanks|thank you|danke|sincerely)\b/i
/** A signature is a few lines; a sign-off further up than this is a sentence, not a signature. */
const MAX_SIGNATURE_LINES = 10

const EMAIL_IN_TEXT = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi
/** "@name" not preceded by a word character (which would make it part of an address). */
const HANDLE_IN_TEXT = /(?:^|[^\w@.])@([a-z0-9_]{2,30})\b(?!\.[a-z])/gi
const PROFILE_URL = /\b(?:twitter|x|facebook|fb)\.com\/([a-z0-9_.]{2,50})/gi
const PHONE_IN_TEXT = /(?:\+|\b00|\b0)?\d[\d ()/.-]{6,}\d/g
const PHONE_LABEL = /\b(tel|telefon|phone|fon|mobil|mobile|handy|cell|whatsapp)\b|^[tm]\s*[:.]/i

/** The lines of the signature block, or none when the mail has no recognisable signature. */
export function signatureLines(body: string): string[] {
  const lines: string[] = []
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    if (QUOTE_START.some((re) => re.test(line.trim()))) break
    lines.push(line.trim())
  }
  const delimiter = lines.findLastIndex((l) => DELIMITER.test(l))
  const start = delimiter >= 0 ? delimiter : lines.findLastIndex((l) => SIGN_OFF.test(l))
  if (start < 0) return []
  const block = lines.slice(start + 1).filter((l) => l.length > 0)
  return block.length <= MAX_SIGNATURE_LINES ? block : []
}

export function readSignature(body: string): SignatureFacts {
  const emails = new Set<string>()
  const handles = new Set<string>()
  const phones = new Set<string>()
  const add = (set: Set<string>, value: string | null) => value !== null && set.add(value)
  for (const line of signatureLines(body)) {
    for (const [address] of line.matchAll(EMAIL_IN_TEXT)) add(emails, normalizeEmail(address))
    for (const [, handle] of line.matchAll(HANDLE_IN_TEXT)) add(handles, normalizeHandle(handle ?? ''))
    for (const [, handle] of line.matchAll(PROFILE_URL)) add(handles, normalizeHandle(handle ?? ''))
    const withoutAddresses = line.replace(EMAIL_IN_TEXT, ' ')
    for (const [number] of withoutAddresses.matchAll(PHONE_IN_TEXT)) {
      if (PHONE_LABEL.test(line) || /^(\+|00)/.test(number)) add(phones, normalizePhone(number))
    }
  }
  return { emails: [...emails], handles: [...handles], phones: [...phones] }
}
