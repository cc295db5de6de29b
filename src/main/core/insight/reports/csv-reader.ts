/**
 * Reads the report CSV back (for tests and the end-to-end check against `earshot report --json`): an
 * RFC 4180 reader, and the blocks of the report, each under its figure's name.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') field += text[++i]
      else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      record.push(field)
      field = ''
    } else if (ch === '\n') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
    } else field += ch
  }
  return records
}

/** Each block of a report CSV as objects keyed by its header, under the figure's name (the first column). */
export function csvBlocks(text: string): Map<string, Record<string, string>[]> {
  const blocks = new Map<string, Record<string, string>[]>()
  let header: string[] = []
  for (const record of parseCsv(text)) {
    if (record.length === 1 && record[0] === '') continue
    if (record[0] === 'figure') {
      header = record
      continue
    }
    const row = Object.fromEntries(header.slice(1).map((column, i) => [column, record[i + 1]!]))
    blocks.set(record[0]!, [...(blocks.get(record[0]!) ?? []), row])
  }
  return blocks
}

/** How a JSON value of the report reads in its CSV: empty for null, a leading apostrophe before a formula. */
export const asCsvText = (value: unknown): string =>
  value === null ? '' : typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value)
