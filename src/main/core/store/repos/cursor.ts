import { EarshotError } from '../../../../shared/errors'

/**
 * Keyset cursors: the (time, id) of the last row a page ended on, opaque to callers. Keyset paging
 * costs the same on page 1 and page 10,000, where OFFSET would rescan everything before it.
 */
export interface Keyset {
  at: number
  id: number
}

export const encodeKeyset = (k: Keyset): string => Buffer.from(`${k.at}:${k.id}`).toString('base64url')

export function decodeKeyset(cursor: string): Keyset {
  const match = /^(-?\d{1,16}):(\d{1,16})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
  if (!match) throw new EarshotError('INVALID', 'The paging cursor is not valid; start again from the first page.')
  return { at: Number(match[1]), id: Number(match[2]) }
}

/** Runs a query for limit+1 rows so we know whether another page follows without counting. */
export function pageOf<R, T>(rows: R[], limit: number, map: (row: R) => T, key: (row: R) => Keyset) {
  const hasMore = rows.length > limit
  const pageRows = hasMore ? rows.slice(0, limit) : rows
  const last = pageRows.at(-1)
  return { items: pageRows.map(map), next: hasMore && last ? encodeKeyset(key(last)) : null }
}
