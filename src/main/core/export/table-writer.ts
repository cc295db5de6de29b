import fs from 'node:fs'

/** Rows as SQLite returns them: text, numbers, null (blobs are left out of exports). */
export type Row = Record<string, string | number | bigint | null>

export interface TableWriter {
  write(row: Row): void
  close(): number
}

const FLUSH_AT = 1 << 20

/**
 * Appends rows to a file through a 1 MB buffer with synchronous writes: rows come from a synchronous
 * SQLite iterator, and writing synchronously keeps memory flat however many rows there are.
 */
function bufferedFile(file: string) {
  const fd = fs.openSync(file, 'w')
  let buffer = ''
  return {
    append(text: string) {
      buffer += text
      if (buffer.length >= FLUSH_AT) {
        fs.writeSync(fd, buffer)
        buffer = ''
      }
    },
    close() {
      if (buffer) fs.writeSync(fd, buffer)
      fs.closeSync(fd)
    },
  }
}

/** A JSON array, one object per line, so the file can also be read line by line. */
export function jsonTableWriter(file: string, nested: readonly string[] = []): TableWriter {
  const out = bufferedFile(file)
  let count = 0
  out.append('[')
  return {
    write(row) {
      const value: Record<string, unknown> = { ...row }
      // Columns SQLite built with json_group_array come back as text; nest them as real JSON.
      for (const key of nested) if (typeof row[key] === 'string') value[key] = JSON.parse(row[key])
      out.append(
        `${count === 0 ? '\n' : ',\n'}${JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`,
      )
      count++
    },
    close() {
      out.append(count === 0 ? ']\n' : '\n]\n')
      out.close()
      return count
    },
  }
}

/** RFC 4180: CRLF line ends; a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(value: string | number | bigint | null): string {
  if (value === null) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvTableWriter(file: string, columns: readonly string[]): TableWriter {
  const out = bufferedFile(file)
  let count = 0
  out.append(`${columns.map(csvField).join(',')}\r\n`)
  return {
    write(row) {
      out.append(`${columns.map((c) => csvField(row[c] ?? null)).join(',')}\r\n`)
      count++
    },
    close() {
      out.close()
      return count
    },
  }
}
