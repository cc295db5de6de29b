import { describe, expect, it } from 'vitest'
import type { EventMap } from '../../../../shared/contract'
import { EventBus } from '../../events'
import { item, testStore } from '../../store/test-support'
import { BACKFILL_BATCH, runSentimentBackfill } from './backfill'

describe('sentiment backfill', () => {
  it('reads every incoming message stored before moods were read, in batches, and the conversations follow', async () => {
    const { db, workspaceId, accounts, ingest } = testStore()
    const count = BACKFILL_BATCH * 2 + 17
    const items = Array.from({ length: count }, (_, n) =>
      item({
        conversation: { externalId: `c${n % 40}`, visibility: 'public' },
        bodyText: n % 2 === 0 ? 'Furchtbar, schon wieder kalt 😡' : 'Wunderbar, danke!',
        sentAt: 1_000 + n,
      }),
    )
    ingest({
      accountId: accounts.x,
      items: [
        ...items,
        item({
          conversation: { externalId: 'c0', visibility: 'public' },
          direction: 'out',
          bodyText: 'Danke!',
          sentAt: 1,
        }),
      ],
    })
    // As a database from before migration 0080 looks after the upgrade.
    db.exec(
      'UPDATE messages SET sentiment = NULL, sentiment_label = NULL; UPDATE conversations SET sentiment = NULL, sentiment_label = NULL',
    )
    // Their clocks and priorities were settled without the moods.
    db.exec('UPDATE conversations SET sla_dirty = 0')
    const expected = db.prepare(`SELECT id FROM messages WHERE direction = 'in'`).pluck().all()

    const events = new EventBus()
    const changes: EventMap['db:changed'][] = []
    events.on('db:changed', (e) => changes.push(e))
    expect(await runSentimentBackfill({ db, events })).toBe(count)

    expect(db.prepare(`SELECT id FROM messages WHERE sentiment_label IS NOT NULL`).pluck().all()).toEqual(expected)
    expect(
      db.prepare(`SELECT count(*) FROM messages WHERE direction = 'out' AND sentiment IS NOT NULL`).pluck().get(),
    ).toBe(0)
    // Each conversation shows its latest customer message's mood (the last of each 40th: odd n are praise).
    const moods = db.prepare('SELECT external_id, sentiment_label FROM conversations').all() as {
      external_id: string
      sentiment_label: string
    }[]
    for (const { external_id: id, sentiment_label: label } of moods) {
      const last = Math.max(...Array.from({ length: count }, (_, n) => n).filter((n) => `c${n % 40}` === id))
      expect(label).toBe(last % 2 === 0 ? 'negative' : 'positive')
    }
    // A mood moves priority: each conversation's is worked out again.
    expect(db.prepare('SELECT count(*) FROM conversations WHERE sla_dirty = 0').pluck().get()).toBe(0)
    expect(changes).toEqual([{ tables: ['messages', 'conversations'], workspaceId }])
    // Nothing left: a second run reads nothing and announces nothing.
    expect(await runSentimentBackfill({ db, events })).toBe(0)
    expect(changes).toHaveLength(1)
  })

  it('stops between batches when asked to', async () => {
    const { db, accounts, ingest } = testStore()
    ingest({ accountId: accounts.x, items: Array.from({ length: BACKFILL_BATCH * 3 }, () => item()) })
    db.exec('UPDATE messages SET sentiment = NULL, sentiment_label = NULL')
    const abort = new AbortController()
    const events = new EventBus()
    events.on('db:changed', () => undefined)
    const run = runSentimentBackfill({ db, events, signal: abort.signal })
    abort.abort()
    expect(await run).toBe(BACKFILL_BATCH)
    expect(db.prepare('SELECT count(*) FROM messages WHERE sentiment IS NULL').pluck().get()).toBe(BACKFILL_BATCH * 2)
  })
})
