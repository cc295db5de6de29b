import { describe, expect, it } from 'vitest'
import type { IngestBatch } from '../store/ingest'
import { item, testStore } from '../store/test-support'
import { loadCursors } from './accounts'
import { createSlicedPageWriter } from './sliced-write'

const page = (count: number, cursor = 'after-page') => ({
  items: Array.from({ length: count }, (_, i) =>
    item({ externalId: `t${i}`, conversation: { externalId: `t${i}`, visibility: 'public' as const } }),
  ),
  cursor: { stream: 'mentions', value: cursor },
})

describe('createSlicedPageWriter', () => {
  it('stores a page in several transactions, the event loop getting turns between them, and the cursor with the last', async () => {
    const { db, accounts, ingest } = testStore()
    const slices: IngestBatch[] = []
    const write = createSlicedPageWriter((batch) => (slices.push(batch), ingest(batch)), accounts.x)
    let turns = 0
    const ticking = setInterval(() => turns++, 0)
    const outcome = await write(page(300))
    clearInterval(ticking)
    expect(outcome).toMatchObject({ inserted: 300, updated: 0 })
    expect(outcome.conversationIds).toHaveLength(300)
    expect(slices.length).toBeGreaterThan(1)
    expect(slices.slice(0, -1).every((s) => s.cursor === undefined)).toBe(true)
    expect(slices.at(-1)!.cursor).toEqual({ stream: 'mentions', value: 'after-page' })
    expect(turns).toBeGreaterThan(0)
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(300)
  })

  it('keeps the old cursor when the sync stops between slices, and a replay of the page adds nothing twice', async () => {
    const { db, accounts, ingest } = testStore()
    let calls = 0
    const failing = createSlicedPageWriter((batch) => {
      if (++calls === 2) throw new Error('connection lost')
      return ingest(batch)
    }, accounts.x)
    await expect(failing(page(100))).rejects.toThrow('connection lost')
    expect(loadCursors(db, accounts.x).get('mentions')).toBeUndefined()
    const stored = db.prepare('SELECT count(*) FROM messages').pluck().get() as number
    expect(stored).toBeGreaterThan(0)
    const replay = await createSlicedPageWriter(ingest, accounts.x)(page(100))
    expect(replay.inserted).toBe(100 - stored)
    expect(loadCursors(db, accounts.x).get('mentions')).toBe('after-page')
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(100)
  })

  it('resolves an item repeated within the page for the whole page, the last copy winning', async () => {
    const { db, accounts, ingest } = testStore()
    const conversation = { externalId: 'thread', visibility: 'public' as const }
    const items = [
      item({ externalId: 'x1', conversation, bodyText: 'first copy' }),
      ...page(40).items,
      item({ externalId: 'x1', conversation, bodyText: 'edited copy' }),
    ]
    const outcome = await createSlicedPageWriter(ingest, accounts.x)({ items, cursor: null })
    expect(outcome.inserted).toBe(41)
    expect(db.prepare("SELECT body_text FROM messages WHERE external_id = 'x1'").pluck().get()).toBe('edited copy')
    expect(db.prepare("SELECT message_count, snippet FROM conversations WHERE external_id = 'thread'").get()).toEqual({
      message_count: 1,
      snippet: 'edited copy',
    })
  })
})
