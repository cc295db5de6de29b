import type { CsvEncoding, CsvField, CsvPreview, CsvSeparator } from '../../../shared/commands/archives'

/** A decoded CSV: UTF-8 when the bytes are valid UTF-8 (with or without BOM), else Windows-1252 (Excel's "CSV"). */
export function decodeCsv(bytes: Buffer): { encoding: CsvEncoding; text: string } {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
  try {
    return { encoding: 'utf-8', text: new TextDecoder('utf-8', { fatal: true }).decode(body) }
  } catch {
    return { encoding: 'windows-1252', text: decodeWindows1252(body) }
  }
}

/**
 * Windows-1252 is Latin-1 except for 0x80–0x9F, where it has € „ “ ” – — and more. Done by hand:
 * Node 20's TextDecoder('windows-1252') decodes that range as Latin-1's control characters (measured).
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c)
}

/** In order of preference when the header line holds none or as many of each. */
const SEPARATORS: readonly CsvSeparator[] = [',', ';', '\t']

/** The separator the header line uses most, outside quotes (German Excel writes ';', most tools ','). */
export function sniffSeparator(text: string): CsvSeparator {
  const counts = new Map<string, number>()
  let quoted = false
  for (const char of text) {
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) break
    else if (!quoted) counts.set(char, (counts.get(char) ?? 0) + 1)
  }
  let best: CsvSeparator = ','
  for (const s of SEPARATORS) if ((counts.get(s) ?? 0) > (counts.get(best) ?? 0)) best = s
  return best
}

export type CsvRecord = { line: number; fields: string[]; raw: string } | { line: number; error: string; raw: string }

/**
 * RFC 4180 records: fields in double quotes may hold separators, line breaks and doubled quotes.
 * Lenient where real exports are sloppy (a stray quote inside an unquoted field is kept as text);
 * a quoted field still open at the end of the file is an error record. Blank lines are skipped.
 */
export function* parseCsv(text: string, separator: CsvSeparator): Generator<CsvRecord> {
  let i = 0
  let line = 1
  while (i < text.length) {
    const startLine = line
    const start = i
    const fields: string[] = []
    let field = ''
    let quoted = false
    let wasQuoted = false
    for (; i < text.length; i++) {
      const char = text[i]!
      if (quoted) {
        if (char === '"' && text[i + 1] === '"') {
          field += '"'
          i++
        } else if (char === '"') quoted = false
        else {
          if (char === '\n') line++
          field += char
        }
      } else if (char === '"' && field === '' && !wasQuoted) {
        quoted = wasQuoted = true
      } else if (char === separator) {
        fields.push(field)
        field = ''
        wasQuoted = false
      } else if (char === '\n' || char === '\r') {
        break
      } else field += char
    }
    if (quoted) {
      yield { line: startLine, error: 'a quoted field is never closed', raw: text.slice(start) }
      return
    }
    fields.push(field)
    const raw = text.slice(start, i)
    if (text[i] === '\r' && text[i + 1] === '\n') i++
    i++
    line++
    if (fields.length > 1 || fields[0] !== '') yield { line: startLine, fields, raw }
  }
}

/** Header words (lower case, without spaces, dashes or underscores) that usually mean each field. */
const HINTS: Record<CsvField, readonly string[]> = {
  name: ['name', 'fullname', 'displayname', 'kontakt', 'contact', 'kunde', 'customer'],
  firstName: ['firstname', 'givenname', 'vorname'],
  lastName: ['lastname', 'surname', 'familyname', 'nachname'],
  email: ['email', 'emailaddress', 'mail', 'emailadresse', 'email1value', 'emailadresse1', 'e-mail'],
  x: ['x', 'twitter', 'xhandle', 'twitterhandle', 'twittername'],
}

const normalise = (header: string) => header.toLowerCase().replace(/[\s_\-.:]/g, '')

/** A first guess at the mapping from the headers, which the user confirms or corrects. */
export function suggestMapping(columns: readonly string[]): Partial<Record<CsvField, string>> {
  const mapping: Partial<Record<CsvField, string>> = {}
  for (const [field, hints] of Object.entries(HINTS) as [CsvField, readonly string[]][]) {
    const column = columns.find((c) => hints.includes(normalise(c)))
    if (column !== undefined) mapping[field] = column
  }
  if (mapping.name !== undefined) {
    delete mapping.firstName
    delete mapping.lastName
  }
  return mapping
}

const SAMPLE_ROWS = 5

/** What the mapping step shows: encoding and separator as detected, the columns and the first rows. */
export function previewCsv(bytes: Buffer): CsvPreview {
  const { encoding, text } = decodeCsv(bytes)
  const separator = sniffSeparator(text)
  const records: string[][] = []
  for (const record of parseCsv(text, separator)) {
    if ('fields' in record) records.push(record.fields)
    if (records.length > SAMPLE_ROWS) break
  }
  const columns = (records[0] ?? []).map((c) => c.trim())
  return { encoding, separator, columns, sample: records.slice(1), suggested: suggestMapping(columns) }
}
