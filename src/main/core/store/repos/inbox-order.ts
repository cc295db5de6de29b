import { EarshotError } from '../../../../shared/errors'

/**
 * Inbox orders by a stored clock column (due time, priority anchor): first every conversation whose
 * clock runs, earliest key first, then the rest newest first. Both parts page by keyset over their
 * own index, so page 1,000 costs what page 1 costs; the cursor says which part a page ended in.
 */
export type ClockColumn = 'sla_due_at' | 'priority_at'

interface OrderedKeyset {
  part: 'clock' | 'rest'
  /** The clock column's value in the 'clock' part, last_message_at in the 'rest' part. */
  at: number
  id: number
}

export const encodeOrderedKeyset = (k: OrderedKeyset): string =>
  Buffer.from(`${k.part}:${k.at}:${k.id}`).toString('base64url')

export function decodeOrderedKeyset(cursor: string): OrderedKeyset {
  const match = /^(clock|rest):(-?\d{1,16}):(\d{1,16})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
  if (!match) throw new EarshotError('INVALID', 'The paging cursor is not valid; start again from the first page.')
  return { part: match[1] as OrderedKeyset['part'], at: Number(match[2]), id: Number(match[3]) }
}

/** The SQL a query adds for one part of the order; values only as bound parameters. */
export interface PartQuery {
  where: string[]
  orderBy: string
  params: Record<string, unknown>
  limit: number
}

export interface KeyedRow {
  id: number
  last_message_at: number
}

/**
 * Pages through the two parts. `run` executes one part's query; `clockOf` reads the clock column of
 * a row. `restToo` is false when a filter already demands a running clock (overdue, due soon).
 */
export function orderedPage<R extends KeyedRow>(
  column: ClockColumn,
  page: { after?: string; limit: number; restToo: boolean },
  run: (part: PartQuery) => R[],
  clockOf: (row: R) => number | null,
): { rows: R[]; next: string | null } {
  const after = page.after ? decodeOrderedKeyset(page.after) : null
  let rows: R[] = []
  if (!after || after.part === 'clock') {
    const where = [`c.${column} IS NOT NULL`]
    if (after) where.push(`(c.${column}, c.id) > (@afterAt, @afterId)`)
    rows = run({ where, orderBy: `c.${column} ASC, c.id ASC`, params: keysetParams(after), limit: page.limit + 1 })
    if (rows.length > page.limit || !page.restToo)
      return pageOf(rows, page.limit, (r) => ({ part: 'clock', at: clockOf(r)!, id: r.id }))
  }
  const restAfter = after?.part === 'rest' ? after : null
  const where = [`c.${column} IS NULL`]
  if (restAfter) where.push('(c.last_message_at, c.id) < (@afterAt, @afterId)')
  const rest = run({
    where,
    orderBy: 'c.last_message_at DESC, c.id DESC',
    params: keysetParams(restAfter),
    limit: page.limit - rows.length + 1,
  })
  return pageOf([...rows, ...rest], page.limit, (r) =>
    clockOf(r) === null
      ? { part: 'rest', at: r.last_message_at, id: r.id }
      : { part: 'clock', at: clockOf(r)!, id: r.id },
  )
}

const keysetParams = (k: OrderedKeyset | null): Record<string, unknown> => (k ? { afterAt: k.at, afterId: k.id } : {})

function pageOf<R>(rows: R[], limit: number, key: (row: R) => OrderedKeyset): { rows: R[]; next: string | null } {
  const hasMore = rows.length > limit
  const kept = hasMore ? rows.slice(0, limit) : rows
  const last = kept.at(-1)
  return { rows: kept, next: hasMore && last ? encodeOrderedKeyset(key(last)) : null }
}
