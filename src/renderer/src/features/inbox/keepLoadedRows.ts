import type { Page } from '../../../../shared/domain'

/**
 * After a change in the workspace the inbox reloads its top (at most a few hundred rows, one request).
 * A person who had scrolled further down keeps the rows loaded beyond that top, after it: the list
 * must not shrink under them and throw them back hundreds of rows. The rows kept are the ones after
 * the reloaded top's last row; any that the reload brought again (moved up by new activity) are not
 * repeated. They show what they showed until the list is loaded again (a filter, a view, a workspace).
 */
export function keepLoadedRows<T extends { id: number }>(loaded: Page<T>, top: Page<T>): Page<T> {
  const last = top.items.at(-1)
  // The reload reached the end of the list: it holds everything there is.
  if (top.next === null || last === undefined) return top
  const at = loaded.items.findIndex((row) => row.id === last.id)
  if (at < 0) return top
  const reloaded = new Set(top.items.map((row) => row.id))
  const beyond = loaded.items.slice(at + 1).filter((row) => !reloaded.has(row.id))
  return beyond.length === 0 ? top : { items: [...top.items, ...beyond], next: loaded.next }
}
