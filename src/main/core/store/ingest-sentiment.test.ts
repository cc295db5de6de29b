import { describe, expect, it } from 'vitest'
import { item, testStore } from './test-support'

const conversationMood = (db: ReturnType<typeof testStore>['db']) =>
  db.prepare('SELECT sentiment_label FROM conversations').pluck().get()

describe('ingest reads the mood of incoming messages', () => {
  it('stores a score and label on each incoming message and none on ours', () => {
    const { db, accounts, ingest } = testStore()
    const conversation = { externalId: 't1', visibility: 'public' as const }
    ingest({
      accountId: accounts.x,
      items: [
        item({ conversation, bodyText: 'Die Torte war eine Katastrophe 😡', sentAt: 1_000 }),
        item({ conversation, direction: 'out', bodyText: 'Das tut uns sehr leid!', sentAt: 2_000 }),
      ],
    })
    const rows = db
      .prepare('SELECT direction, sentiment, sentiment_label AS label FROM messages ORDER BY sent_at')
      .all() as {
      direction: string
      sentiment: number | null
      label: string | null
    }[]
    expect(rows[0]).toMatchObject({ direction: 'in', label: 'negative' })
    expect(rows[0]!.sentiment).toBeLessThan(-0.3)
    expect(rows[1]).toEqual({ direction: 'out', sentiment: null, label: null })
  })

  it("gives the conversation its customer's latest mood, whatever order messages arrive in", () => {
    const { db, accounts, ingest } = testStore()
    const conversation = { externalId: 'thread', visibility: 'private' as const }
    ingest({
      accountId: accounts.email,
      items: [item({ conversation, bodyText: 'Vielen Dank, alles super!', sentAt: 5_000 })],
    })
    expect(conversationMood(db)).toBe('positive')
    // An older complaint arriving late does not replace the newer praise.
    ingest({
      accountId: accounts.email,
      items: [item({ conversation, bodyText: 'Furchtbar, das Paket fehlt.', sentAt: 1_000 })],
    })
    expect(conversationMood(db)).toBe('positive')
    // Our reply has no mood; the customer's newer message sets it, in the same batch or not.
    ingest({
      accountId: accounts.email,
      items: [
        item({
          conversation,
          bodyText: 'Leider ist die Lieferung wieder nicht angekommen. Sehr ärgerlich!',
          sentAt: 7_000,
        }),
        item({ conversation, direction: 'out', bodyText: 'Wir kümmern uns sofort.', sentAt: 8_000 }),
        item({ conversation, bodyText: 'Wann habt ihr morgen geöffnet?', sentAt: 6_000 }),
      ],
    })
    expect(conversationMood(db)).toBe('negative')
  })

  it('reads an edited message again, and the conversation follows it', () => {
    const { db, accounts, ingest } = testStore()
    const original = item({ bodyText: 'Der Kuchen war köstlich!' })
    ingest({ accountId: accounts.facebook, items: [original] })
    expect(conversationMood(db)).toBe('positive')
    ingest({
      accountId: accounts.facebook,
      items: [{ ...original, bodyText: 'Der Kuchen war leider furchtbar trocken.' }],
    })
    expect(db.prepare('SELECT sentiment_label FROM messages').pluck().get()).toBe('negative')
    expect(conversationMood(db)).toBe('negative')
  })

  it('links a post to the listening query that found it, also when it came in as a mention first', () => {
    const { db, accounts, ingest } = testStore()
    const queryId = Number(
      db
        .prepare(`INSERT INTO listen_queries (account_id, query, created_at) VALUES (?, 'Sonnenschein', 1)`)
        .run(accounts.x).lastInsertRowid,
    )
    const mention = item({ bodyText: '@sonnenschein_dus wieder kalt 😤' })
    ingest({
      accountId: accounts.x,
      items: [mention, item({ bodyText: 'Sonnenschein hat zu', listenQueryId: queryId })],
    })
    ingest({ accountId: accounts.x, items: [{ ...mention, listenQueryId: queryId }] })
    expect(db.prepare('SELECT count(*) FROM messages WHERE listen_query_id = ?').pluck().get(queryId)).toBe(2)
  })
})
