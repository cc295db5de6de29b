import type { PullPage } from '../connectors/types'
import { latestPerExternalId, type IngestBatch, type IngestOutcome } from '../store/ingest'

/**
 * How long one slice of a page may hold the host's thread. A 100-item page in one transaction held
 * it for 20–100 ms (the most while the code was still cold): the budget for a stall is 50 ms. Not
 * much less: each transaction costs ~0.7 ms besides its items (the commit), so a warm page on a
 * quiet machine (~10 ms) should stay whole.
 */
const SLICE_MS = 12
const FIRST_SLICE = 10
const MAX_SLICE = 200

const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Writes a pulled page in slices sized by time, each its own transaction, giving the event loop a
 * turn between them; each slice's cost per item sets the size of the next. The cursor is saved with
 * the last slice, so a sync cut short between slices fetches the page again, which the upsert makes
 * harmless. A repeated item is resolved for the whole page first (the last copy wins), as one
 * transaction would.
 */
export function createSlicedPageWriter(ingest: (batch: IngestBatch) => IngestOutcome, accountId: number) {
  let size = FIRST_SLICE
  return async (page: PullPage): Promise<IngestOutcome> => {
    const items = latestPerExternalId(page.items)
    const total = { inserted: 0, updated: 0, conversationIds: new Set<number>(), contactIds: new Set<number>() }
    let at = 0
    do {
      // Even slices: 100 items at 80 a slice go as 50 and 50, not as 80 and a costly 20.
      const slices = Math.ceil((items.length - at) / size)
      const slice = items.slice(at, at + Math.ceil((items.length - at) / Math.max(1, slices)))
      at += slice.length
      const last = at >= items.length
      const started = performance.now()
      const outcome = ingest({ accountId, items: slice, ...(last && page.cursor ? { cursor: page.cursor } : {}) })
      size = nextSize(size, performance.now() - started, slice.length)
      total.inserted += outcome.inserted
      total.updated += outcome.updated
      outcome.conversationIds.forEach((id) => total.conversationIds.add(id))
      outcome.contactIds.forEach((id) => total.contactIds.add(id))
      if (!last) await yieldTurn()
    } while (at < items.length)
    return { ...total, conversationIds: [...total.conversationIds], contactIds: [...total.contactIds] }
  }
}

/** Halfway towards the size that would have taken SLICE_MS, so one slow slice doesn't swing it. */
function nextSize(size: number, ms: number, items: number): number {
  if (items === 0) return size
  const ideal = (SLICE_MS / Math.max(ms, 0.01)) * items
  return Math.round(Math.min(MAX_SLICE, Math.max(1, (size + ideal) / 2)))
}
