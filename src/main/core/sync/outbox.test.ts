import { afterEach, describe, expect, it } from 'vitest'
import { createFacebookConnector } from '../connectors/facebook/connector'
import { syncHarness } from './harness'
import { getOutboxItem, queueReply } from './outbox-queue'

type Harness = Awaited<ReturnType<typeof syncHarness>>
let h: Harness | null = null
afterEach(async () => {
  await h?.close()
  h = null
})

const conversation = (harness: Harness, accountId: number, visibility: 'public' | 'private', extra = '') =>
  (harness.db.prepare(`SELECT id, external_id FROM conversations WHERE account_id = ? AND visibility = ? ${extra} ORDER BY last_message_at DESC LIMIT 1`)
    .get(accountId, visibility) as { id: number; external_id: string })

describe('outbox', () => {
  it('posts X replies and DMs with the right reference and shows them on the timeline at once', async () => {
    h = await syncHarness({ mentions: 20 })
    await h.engine.syncOnce(h.accounts.x)
    const thread = conversation(h, h.accounts.x, 'public')
    const dm = conversation(h, h.accounts.x, 'private')
    const reply = queueReply(h.db, { conversationId: thread.id, bodyText: 'Das tut uns leid! Wir melden uns per DM.', now: h.clock.now() })
    const direct = queueReply(h.db, { conversationId: dm.id, bodyText: 'Hallo! Schreiben Sie uns Ihre Bestellnummer?', now: h.clock.now() })
    await h.outbox.drain()
    const posted = h.emulators.x.control.posted()
    expect(posted.map((p) => [p.kind, p.text])).toEqual([
      ['tweet', 'Das tut uns leid! Wir melden uns per DM.'],
      ['dm', 'Hallo! Schreiben Sie uns Ihre Bestellnummer?'],
    ])
    expect(posted[0]?.inReplyToTweetId).toBe(thread.external_id)
    expect(getOutboxItem(h.db, reply.id)).toMatchObject({ state: 'sent', remoteId: posted[0]?.id, attempts: 1 })
    expect(getOutboxItem(h.db, direct.id)).toMatchObject({ state: 'sent', remoteId: posted[1]?.id })
    expect(h.count("SELECT count(*) AS n FROM messages WHERE direction = 'out' AND conversation_id = ?", thread.id)).toBe(1)
    // The next sync sees our own DM and changes nothing.
    await h.engine.syncOnce(h.accounts.x)
    expect(h.count("SELECT count(*) AS n FROM messages WHERE direction = 'out' AND conversation_id = ?", dm.id)).toBe(1)
  })

  it('refuses more than 280 characters on X before queueing', async () => {
    h = await syncHarness({ mentions: 5 })
    await h.engine.syncOnce(h.accounts.x)
    expect(() => queueReply(h!.db, { conversationId: conversation(h!, h!.accounts.x, 'public').id, bodyText: 'ü'.repeat(281) })).toThrow(/280/)
  })

  it('answers a Facebook comment and a fresh Messenger thread; refuses Messenger after 24 hours', async () => {
    h = await syncHarness()
    await h.engine.syncOnce(h.accounts.facebook)
    const comment = conversation(h, h.accounts.facebook, 'public')
    const fresh = conversation(h, h.accounts.facebook, 'private')
    const stale = conversation(h, h.accounts.facebook, 'private', `AND last_inbound_at < ${h.clock.now() - 86_400_000}`)
    queueReply(h.db, { conversationId: comment.id, bodyText: 'Danke für Ihr Feedback!', now: h.clock.now() })
    queueReply(h.db, { conversationId: fresh.id, bodyText: 'Ihre Torte ist ab 14 Uhr abholbereit.', now: h.clock.now() })
    expect(() => queueReply(h!.db, { conversationId: stale.id, bodyText: 'Hallo?', now: h!.clock.now() })).toThrow(/24 hours/)
    await h.outbox.drain()
    const posted = h.emulators.facebook.control.posted()
    expect(posted).toMatchObject([{ kind: 'comment-reply', target: comment.external_id }, { kind: 'message' }])

    // The Graph refusal itself (code 10 / 2018278) is a 'rejected', never retried.
    const fb = h.emulators.facebook
    const connector = createFacebookConnector({ baseUrl: `${fb.baseUrl}/v19.0`, token: fb.control.token ?? '', now: h.clock.now })
    const psid = fb.control.state.conversations.find((c) => c.id === stale.external_id)?.psid ?? ''
    await expect(connector.send({
      id: 0, idempotencyKey: 'k', bodyText: 'Hallo?', conversationExternalId: stale.external_id, inReplyToExternalId: null,
      recipientExternalId: psid, visibility: 'private', subject: null,
    }, new AbortController().signal)).rejects.toMatchObject({ kind: 'rejected' })
  })

  it('retries a transient failure later and fails a rejected reply at once, keeping the reason', async () => {
    h = await syncHarness({ mentions: 5 })
    await h.engine.syncOnce(h.accounts.x)
    const thread = conversation(h, h.accounts.x, 'public')
    const reply = queueReply(h.db, { conversationId: thread.id, bodyText: 'Wir kümmern uns!', now: h.clock.now() })
    h.emulators.x.control.fault('tweet:create', { kind: 'server-error', status: 502 })
    await h.outbox.drain()
    expect(getOutboxItem(h.db, reply.id)).toMatchObject({ state: 'queued', attempts: 1 })
    await h.outbox.drain()
    expect(h.emulators.x.control.posted()).toHaveLength(0)
    h.clock.advance(10_000)
    await h.outbox.drain()
    expect(getOutboxItem(h.db, reply.id)).toMatchObject({ state: 'sent', attempts: 2 })

    h.db.prepare("DELETE FROM messages WHERE conversation_id = ? AND direction = 'in'").run(thread.id)
    const orphan = queueReply(h.db, { conversationId: thread.id, bodyText: 'Ohne Bezug', now: h.clock.now() })
    await h.outbox.drain()
    expect(getOutboxItem(h.db, orphan.id)).toMatchObject({ state: 'failed', lastError: expect.stringMatching(/needs the post/) })
  })

  it('reconciles a reply left in sending: found remotely → sent, not found → sent once', async () => {
    h = await syncHarness({ mentions: 5 })
    await h.engine.syncOnce(h.accounts.x)
    const thread = conversation(h, h.accounts.x, 'public')
    const delivered = queueReply(h.db, { conversationId: thread.id, bodyText: 'Schon erledigt.', now: h.clock.now() })
    const lost = queueReply(h.db, { conversationId: thread.id, bodyText: 'Noch nicht gesendet.', now: h.clock.now() })
    // Simulate a crash after the provider accepted the first reply but before we recorded it.
    h.emulators.x.control.state.addTweet({
      author: h.emulators.x.control.me, text: 'Schon erledigt.', at: h.clock.now(),
      parent: h.emulators.x.control.state.tweets.find((t) => t.id === thread.external_id),
    })
    h.db.prepare("UPDATE outbox SET state = 'sending', attempts = 1 WHERE id IN (?, ?)").run(delivered.id, lost.id)
    await h.outbox.reconcile()
    expect(getOutboxItem(h.db, delivered.id).state).toBe('sent')
    expect(getOutboxItem(h.db, lost.id).state).toBe('queued')
    await h.outbox.drain()
    expect(h.emulators.x.control.posted().map((p) => p.text)).toEqual(['Noch nicht gesendet.'])
  })
})
