import { describe, expect, it } from 'vitest'
import { prepareIngestStatements } from './ingest-statements'
import { item, testStore } from './test-support'

describe('ingest', () => {
  it('stores a message with its contact, identity and conversation', () => {
    const { db, accounts, ingest } = testStore()
    const out = ingest({ accountId: accounts.email, items: [item({ bodyText: 'Wo bleibt meine Bestellung?' })] })
    expect(out.inserted).toBe(1)
    expect(db.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(1)
    expect(db.prepare('SELECT external_id FROM identities').pluck().get()).toBe('anna@example.de')
    const conv = db.prepare('SELECT message_count, snippet, first_customer_message_at, first_reply_at FROM conversations').get()
    expect(conv).toMatchObject({ message_count: 1, snippet: 'Wo bleibt meine Bestellung?', first_reply_at: null })
  })

  it('is an upsert: replaying a batch adds nothing and leaves the index as it was', () => {
    const { db, accounts, ingest } = testStore()
    const batch = [item(), item(), item()]
    ingest({ accountId: accounts.x, items: batch })
    const again = ingest({ accountId: accounts.x, items: batch })
    expect(again).toMatchObject({ inserted: 0, updated: 0 })
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(3)
    expect(db.prepare(`SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'Nachricht'`).pluck().get()).toBe(3)
  })

  it('updates an edited message in place, index included', () => {
    const { db, accounts, ingest } = testStore()
    const original = item({ bodyText: 'Kuchen war trocken' })
    ingest({ accountId: accounts.facebook, items: [original] })
    const out = ingest({ accountId: accounts.facebook, items: [{ ...original, bodyText: 'Kuchen war köstlich' }] })
    expect(out).toMatchObject({ inserted: 0, updated: 1 })
    expect(db.prepare(`SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'trocken'`).pluck().get()).toBe(0)
    expect(db.prepare(`SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'köstlich'`).pluck().get()).toBe(1)
  })

  it('resolves the same person on a channel to one contact and keeps their reach current', () => {
    const { db, accounts, ingest } = testStore()
    const customer = { externalId: '42', handle: 'heather', displayName: 'Heather', followers: 1000 }
    ingest({ accountId: accounts.x, items: [item({ customer })] })
    ingest({ accountId: accounts.x, items: [item({ customer: { ...customer, followers: 1_200_000 } })] })
    expect(db.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(1)
    expect(db.prepare('SELECT followers FROM identities').pluck().get()).toBe(1_200_000)
  })

  it('computes reply times from message times, whatever order they arrive in', () => {
    const { db, accounts, ingest } = testStore()
    const conversation = { externalId: 'thread-1', visibility: 'private' as const }
    const reply = item({ conversation, direction: 'out', sentAt: 5_000, bodyText: 'Antwort' })
    const question = item({ conversation, direction: 'in', sentAt: 2_000, bodyText: 'Frage' })
    const earlierOut = item({ conversation, direction: 'out', sentAt: 1_000, bodyText: 'Newsletter' })
    ingest({ accountId: accounts.email, items: [reply] })
    ingest({ accountId: accounts.email, items: [question, earlierOut] })
    const conv = db.prepare('SELECT * FROM conversations').get() as Record<string, unknown>
    expect(conv).toMatchObject({
      message_count: 3,
      first_customer_message_at: 2_000,
      first_reply_at: 5_000,
      last_message_at: 5_000,
      snippet: 'Antwort',
    })
  })

  it('reopens a finished conversation when the customer writes again', () => {
    const { db, accounts, ingest } = testStore()
    const conversation = { externalId: 't', visibility: 'public' as const }
    ingest({ accountId: accounts.x, items: [item({ conversation, sentAt: 1_000 })] })
    db.prepare(`UPDATE conversations SET status = 'done'`).run()
    ingest({ accountId: accounts.x, items: [item({ conversation, sentAt: 500 })] })
    expect(db.prepare('SELECT status FROM conversations').pluck().get()).toBe('done')
    ingest({ accountId: accounts.x, items: [item({ conversation, sentAt: 2_000 })] })
    expect(db.prepare('SELECT status FROM conversations').pluck().get()).toBe('open')
  })

  it('saves the cursor with its batch, and a failing batch leaves neither rows nor cursor behind', () => {
    const { db, accounts, ingest } = testStore()
    ingest({ accountId: accounts.x, items: [item()], cursor: { stream: 'mentions', value: 'since:100' } })
    const bad = item({ bodyText: null as unknown as string })
    expect(() =>
      ingest({ accountId: accounts.x, items: [item(), bad], cursor: { stream: 'mentions', value: 'since:200' } }),
    ).toThrow()
    expect(db.prepare('SELECT cursor FROM sync_cursors').pluck().get()).toBe('since:100')
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(1)
  })

  it("finds a batch's known people by the identities index, one search per person", () => {
    const { db } = testStore()
    // A plan that walks the workspace's identities for each person made a large import ten times slower.
    const { source } = prepareIngestStatements(db).findIdentities
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${source}`).all({ ids: '["a@b.de"]', workspaceId: 1, channel: 'email' })
    expect((plan as { detail: string }[]).map((p) => p.detail)).toEqual([
      expect.stringMatching(/^SCAN j/),
      expect.stringMatching(/^SEARCH i USING .*INDEX sqlite_autoindex_identities_1 \(workspace_id=\? AND channel=\? AND external_id=\?\)/),
    ])
  })

  it('keeps the same external id apart on different accounts', () => {
    const { db, accounts, ingest } = testStore()
    ingest({ accountId: accounts.x, items: [item({ externalId: 'same' })] })
    ingest({ accountId: accounts.facebook, items: [item({ externalId: 'same' })] })
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(2)
  })
})

describe('ingest and the full-text index', () => {
  it('indexes every new message once, across batches and with repeats inside a batch', () => {
    const { db, accounts, ingest } = testStore()
    const a = item({ bodyText: 'Erster Entwurf' })
    ingest({ accountId: accounts.x, items: [a, item(), { ...a, bodyText: 'Zweiter Entwurf' }] })
    ingest({ accountId: accounts.x, items: [item(), item()] })
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(4)
    expect(db.prepare(`SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'Entwurf'`).pluck().get()).toBe(1)
    expect(db.prepare(`SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'Zweiter'`).pluck().get()).toBe(1)
    // The index agrees with the table row for row.
    expect(() => db.prepare(`INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow()
  })
})
