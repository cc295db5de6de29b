/** Pure helpers for the inbox's row cursor and multi-row selection; ids in list order. */

/** The ids from `from` to `to` inclusive, in list order whichever comes first; just `to` if `from` is gone. */
export function rangeBetween(order: readonly number[], from: number | null, to: number): number[] {
  const end = order.indexOf(to)
  if (end < 0) return []
  const start = from === null ? -1 : order.indexOf(from)
  if (start < 0) return [to]
  return order.slice(Math.min(start, end), Math.max(start, end) + 1)
}

/** Where the cursor goes after j/k: the first row when there was none, never past either end. */
export function movedIndex(length: number, current: number, delta: number): number | null {
  if (length === 0) return null
  if (current < 0) return 0
  return Math.min(Math.max(current + delta, 0), length - 1)
}

/** The row that takes the cursor's place when its row leaves the list (done, snoozed): the one now at its index. */
export function followingIndex(length: number, formerIndex: number): number | null {
  return length === 0 ? null : Math.min(Math.max(formerIndex, 0), length - 1)
}

/** Only rows still on screen stay selected: a bulk action must never reach a row the user cannot see. */
export function keepLoaded(selected: ReadonlySet<number>, order: readonly number[]): ReadonlySet<number> {
  const loaded = new Set(order)
  const kept = [...selected].filter((id) => loaded.has(id))
  return kept.length === selected.size ? selected : new Set(kept)
}
