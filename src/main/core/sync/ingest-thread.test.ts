import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { item, testStore } from '../store/test-support'
import { loadCursors } from './accounts'
import { syncHarness } from './harness'
import { startIngestThread, type IngestThread } from './ingest-thread'

const dirs: string[] = []
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }))
})
const dataFile = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-ingest-thread-'))
  dirs.push(dir)
  return path.join(dir, 'earshot.db')
}

describe('startIngestThread', () => {
  it('has no thread for an in-memory store, which another thread cannot open', () => {
    expect(startIngestThread(testStore().db)).toBeNull()
  })

  it('stores batches in the order they are written, visible to the host, and goes on after a failed one', async () => {
    const store = testStore(dataFile())
    const thread = startIngestThread(store.db) as IngestThread
    cleanups.push(
      () => store.db.close(),
      () => thread.close(),
    )
    const page = (n: number) => ({
      accountId: store.accounts.x,
      items: Array.from({ length: 50 }, (_, i) => item({ externalId: `p${n}-${i}` })),
      cursor: { stream: 'mentions', value: `after-${n}` },
    })
    const written = await Promise.all([thread.write(page(1)), thread.write(page(2)), thread.write(page(3))])
    expect(written.map((o) => o.inserted)).toEqual([50, 50, 50])
    expect(store.db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(150)
    expect(loadCursors(store.db, store.accounts.x).get('mentions')).toBe('after-3')
    await expect(thread.write({ accountId: 999, items: [item()] })).rejects.toThrow('Account 999 does not exist')
    expect((await thread.write(page(4))).inserted).toBe(50)
  })
})

describe('sync into a database file', () => {
  it('stores pages on the thread, in order, and a new mention on the next sync', async () => {
    const h = await syncHarness({ mentions: 250, dataFile: dataFile() })
    cleanups.push(() => h.close())
    const changed: number[][] = []
    h.events.on('db:changed', (change) => void changed.push(change.ids ?? []))
    expect(await h.engine.syncOnce(h.accounts.x)).toMatchObject({ status: 'synced' })
    const mentions =
      "SELECT count(*) AS n FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.visibility = 'public'"
    expect(h.count(mentions)).toBe(250)
    expect(changed.flat()).toHaveLength(h.count('SELECT count(*) AS n FROM conversations'))
    const newest = h.emulators.x.control.state.tweets.at(-1)?.id
    expect(JSON.parse(loadCursors(h.db, h.accounts.x).get('mentions') ?? '{}')).toEqual({ since_id: newest })
    const live = h.emulators.x.control.addMention({ text: '@sonnenschein_dus Sind die Brezeln noch warm?' })
    await h.engine.syncOnce(h.accounts.x)
    expect(h.count('SELECT count(*) AS n FROM messages WHERE external_id = ?', live.id)).toBe(1)
  })

  it('stops at a page the store refuses: the pages before it stay with their cursor, none after it is stored', async () => {
    const h = await syncHarness({ mentions: 300, dataFile: dataFile() })
    cleanups.push(() => h.close())
    // Mentions come newest first, 100 a page: this one is on the second page.
    const onSecondPage = h.emulators.x.control.state.mentions.at(-150)!.id
    h.db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON messages WHEN new.external_id = '${onSecondPage}'
               BEGIN SELECT RAISE(ABORT, 'disk full'); END`)
    expect(await h.engine.syncOnce(h.accounts.x)).toMatchObject({
      status: 'failed',
      kind: 'internal',
      message: 'disk full',
    })
    expect(h.count('SELECT count(*) AS n FROM messages')).toBe(100)
    expect(JSON.parse(loadCursors(h.db, h.accounts.x).get('mentions') ?? '{}')).toHaveProperty('pagination_token')

    h.db.exec('DROP TRIGGER refuse')
    h.clock.advance(60_000)
    expect(await h.engine.syncOnce(h.accounts.x)).toMatchObject({ status: 'synced' })
    expect(
      h.count(
        "SELECT count(*) AS n FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.visibility = 'public'",
      ),
    ).toBe(300)
  })
})
