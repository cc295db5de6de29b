import { afterEach, describe, expect, it } from 'vitest'
import { secretRef } from '../secrets'
import { addListenQuery } from './accounts'
import { SESSION_SECRET, connectBlueskyAccount } from './bluesky-accounts'
import { openNetworkHarness } from './open-network-harness'
import { getOutboxItem, queueReply } from './outbox-queue'

type Harness = Awaited<ReturnType<typeof openNetworkHarness>>
let h: Harness | null = null
afterEach(async () => {
  await h?.close()
  h = null
})

const messagesOf = (harness: Harness) =>
  harness.count('SELECT count(*) FROM messages WHERE account_id = ?', harness.accounts.bluesky)
const cursorOf = (harness: Harness, stream: string) =>
  JSON.parse(
    (harness.db
      .prepare('SELECT cursor FROM sync_cursors WHERE account_id = ? AND stream = ?')
      .pluck()
      .get(harness.accounts.bluesky, stream) as string | undefined) ?? '{}',
  ) as { floor?: string; resume?: unknown }
const requestsTo = (harness: Harness, route: string) =>
  harness.emulators.bluesky.control.requests().filter((r) => r.route === route)
/** The conversation holding a post, by the post's URI. */
const conversationOf = (harness: Harness, uri: string) =>
  harness.db
    .prepare(
      'SELECT c.id, c.external_id FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.external_id = ?',
    )
    .get(uri) as {
    id: number
    external_id: string
  }

describe('Bluesky sync', () => {
  it('reads mentions and replies page by page, then only what is new', async () => {
    h = await openNetworkHarness({ mentions: 30, pageSize: 10 })
    const bsky = h.emulators.bluesky.control
    expect(await h.engine.syncOnce(h.accounts.bluesky)).toMatchObject({ status: 'synced', inserted: 30 })
    // 30 mentions and replies among 36 notifications: `reasons` leaves the likes at the server, 3 pages of 10.
    const pages = requestsTo(h, 'notifications')
    expect(pages).toHaveLength(3)
    expect(pages.every((r) => r.path.includes('reasons=mention&reasons=reply'))).toBe(true)
    expect(messagesOf(h)).toBe(30)
    expect(cursorOf(h, 'notifications')).toEqual({ floor: bsky.state.notifications.at(-1)?.indexedAt })

    h.clock.advance(60_000)
    const fresh = bsky.addMention({ text: `@${bsky.me.handle} Gibt es morgen Franzbrötchen?` })
    const before = requestsTo(h, 'notifications').length
    expect(await h.engine.syncOnce(h.accounts.bluesky)).toMatchObject({ status: 'synced', inserted: 1 })
    // Newest first, down to the floor: one page is enough.
    expect(requestsTo(h, 'notifications').length).toBe(before + 1)
    expect(h.count('SELECT count(*) FROM messages WHERE external_id = ?', fresh.uri)).toBe(1)
  })

  it('threads replies under their root and stores the authors’ follower counts, 25 profiles a call at most', async () => {
    // 80 mentions from the emulator's 31 customers: more authors in one page than one getProfiles call takes.
    h = await openNetworkHarness({ mentions: 80 })
    const bsky = h.emulators.bluesky.control
    await h.engine.syncOnce(h.accounts.bluesky)
    const reply = bsky.state.posts.find((p) => p.record.reply && p.authorDid !== bsky.me.did)
    expect(reply).toBeDefined()
    expect(conversationOf(h, reply!.uri).external_id).toBe(reply!.record.reply!.root.uri)
    const lena = h.db.prepare("SELECT followers FROM identities WHERE handle = '@lenakocht.bsky.social'").pluck().get()
    expect(lena).toBe(184_300)
    for (const call of requestsTo(h, 'profiles'))
      expect(new URL(call.path, 'http://x').searchParams.getAll('actors').length).toBeLessThanOrEqual(25)
    expect(requestsTo(h, 'profiles').length).toBeGreaterThan(1)
  })

  it('runs a listening query as its own stream, without the shop’s own posts', async () => {
    h = await openNetworkHarness({ mentions: 12 })
    const bsky = h.emulators.bluesky.control
    const queryId = addListenQuery(h.db, h.accounts.bluesky, 'sauerteig')
    const stranger = bsky.state.randomCustomer()
    const hit = bsky.state.addPost({ author: stranger, text: 'Wer backt in Düsseldorf das beste Sauerteigbrot?' })
    bsky.state.addPost({ author: bsky.me, text: 'Unser Sauerteig ruht 48 Stunden.' })
    await h.engine.syncOnce(h.accounts.bluesky)
    expect(h.count('SELECT count(*) FROM messages WHERE external_id = ?', hit.uri)).toBe(1)
    expect(h.count("SELECT count(*) FROM messages WHERE body_text LIKE 'Unser Sauerteig%'")).toBe(0)
    expect(cursorOf(h, `search:${queryId}`)).toEqual({ floor: hit.indexedAt })
    expect(requestsTo(h, 'search')[0]?.path).toContain('since=')
  })

  it('answers with the thread’s root and the post answered as reply refs, keyed by the outbox item', async () => {
    h = await openNetworkHarness({ mentions: 10 })
    const bsky = h.emulators.bluesky.control
    const shopPost = bsky.state.latestShopPost()!
    h.clock.advance(1000)
    const answer = bsky.addMention({ text: 'Habt ihr auch glutenfreie Brötchen?', replyTo: shopPost })
    await h.engine.syncOnce(h.accounts.bluesky)
    const thread = conversationOf(h, answer.uri)
    expect(thread.external_id).toBe(shopPost.uri)
    const queued = queueReply(h.db, { conversationId: thread.id, bodyText: 'Ja, samstags! 🥖', now: h.clock.now() })
    await h.outbox.drain()
    const [posted] = bsky.posted()
    expect(posted?.reply).toEqual({
      root: { uri: shopPost.uri, cid: shopPost.cid },
      parent: { uri: answer.uri, cid: answer.cid },
    })
    expect(getOutboxItem(h.db, queued.id)).toMatchObject({ state: 'sent', remoteId: posted?.uri })
    expect(h.count("SELECT count(*) FROM messages WHERE direction = 'out' AND conversation_id = ?", thread.id)).toBe(1)

    // 300 graphemes, as Bluesky counts them, and not one more.
    expect(() =>
      queueReply(h!.db, { conversationId: thread.id, bodyText: `${'👍🏽'.repeat(300)}!`, now: h!.clock.now() }),
    ).toThrow(/at most 300/)
    expect(queueReply(h.db, { conversationId: thread.id, bodyText: '👍🏽'.repeat(300), now: h.clock.now() }).state).toBe(
      'queued',
    )
    await h.outbox.drain()
    expect(bsky.posted()).toHaveLength(2)

    // A mention that starts a thread is both root and parent.
    const topLevel = bsky.addMention({ text: `@${bsky.me.handle} Wann öffnet ihr sonntags?` })
    await h.engine.syncOnce(h.accounts.bluesky)
    queueReply(h.db, { conversationId: conversationOf(h, topLevel.uri).id, bodyText: 'Um 8 Uhr.', now: h.clock.now() })
    await h.outbox.drain()
    expect(bsky.posted()[2]?.reply).toEqual({
      root: { uri: topLevel.uri, cid: topLevel.cid },
      parent: { uri: topLevel.uri, cid: topLevel.cid },
    })
  })

  it('sends a reply once when the first answer was lost: found by its record key, before or after a restart', async () => {
    h = await openNetworkHarness({ mentions: 5 })
    const bsky = h.emulators.bluesky.control
    await h.engine.syncOnce(h.accounts.bluesky)
    const thread = h.db
      .prepare(
        "SELECT id FROM conversations WHERE account_id = ? AND channel = 'bluesky' ORDER BY last_message_at DESC",
      )
      .pluck()
      .get(h.accounts.bluesky) as number
    const delivered = queueReply(h.db, { conversationId: thread, bodyText: 'Schon unterwegs.', now: h.clock.now() })
    const lost = queueReply(h.db, { conversationId: thread, bodyText: 'Noch nicht gesendet.', now: h.clock.now() })
    // The first reply reached Bluesky, then the app crashed before recording it.
    const account = {
      id: h.accounts.bluesky,
      workspaceId: h.workspaceId,
      channel: 'bluesky' as const,
      handle: '',
      displayName: '',
      state: 'active' as const,
    }
    const connector = h.connectorFor(account)!
    const job = h.db
      .prepare('SELECT idempotency_key AS idempotencyKey, created_at AS queuedAt FROM outbox WHERE id = ?')
      .get(delivered.id) as { idempotencyKey: string; queuedAt: number }
    const latest = h.db
      .prepare("SELECT external_id FROM messages WHERE conversation_id = ? AND direction = 'in' ORDER BY sent_at DESC")
      .pluck()
      .get(thread) as string
    const sendJob = {
      id: delivered.id,
      ...job,
      bodyText: 'Schon unterwegs.',
      conversationExternalId: '',
      inReplyToExternalId: latest,
      recipientExternalId: '',
      visibility: 'public' as const,
      subject: null,
    }
    const first = await connector.send(sendJob, new AbortController().signal)
    // Sending the same item again: the PDS refuses the taken key with a 500, the record is found.
    expect(await connector.send(sendJob, new AbortController().signal)).toEqual(first)
    h.db.prepare("UPDATE outbox SET state = 'sending', attempts = 1 WHERE id IN (?, ?)").run(delivered.id, lost.id)

    await h.outbox.reconcile()
    expect(getOutboxItem(h.db, delivered.id)).toMatchObject({ state: 'sent', remoteId: first.externalId })
    expect(getOutboxItem(h.db, lost.id).state).toBe('queued')
    await h.outbox.drain()
    expect(bsky.posted().map((p) => p.text)).toEqual(['Schon unterwegs.', 'Noch nicht gesendet.'])
  })
})

describe('Bluesky limits and credentials', () => {
  it('waits for RateLimit-Reset after a 429, and makes no request once RateLimit-Remaining is 0', async () => {
    h = await openNetworkHarness({ mentions: 30, pageSize: 10 })
    const bsky = h.emulators.bluesky.control
    bsky.fault('notifications', { kind: 'rate-limit', resetInSeconds: 240 })
    expect(await h.engine.syncOnce(h.accounts.bluesky)).toMatchObject({ status: 'failed', kind: 'rate-limit' })
    const resetAt = Math.ceil((h.clock.now() + 240_000) / 1000) * 1000
    expect(h.engine.nextSyncAt(h.accounts.bluesky)).toBe(resetAt)
    const before = bsky.requests().length
    h.clock.advance(239_000)
    expect(await h.engine.syncOnce(h.accounts.bluesky)).toMatchObject({ status: 'skipped', reason: 'not-due' })
    expect(bsky.requests().length).toBe(before)

    // Two notification pages left in this window: the second says 0 remain, so the third waits.
    h.clock.set(resetAt)
    bsky.setLimit('notifications', 2)
    const outcome = await h.engine.syncOnce(h.accounts.bluesky)
    expect(outcome).toMatchObject({ status: 'failed', kind: 'rate-limit' })
    expect(requestsTo(h, 'notifications').filter((r) => r.at >= resetAt)).toHaveLength(2)
    expect(messagesOf(h)).toBe(20)
    expect(cursorOf(h, 'notifications').resume).toBeDefined()
    h.clock.advance(5 * 60_000)
    expect(await h.engine.syncOnce(h.accounts.bluesky)).toMatchObject({ status: 'synced', inserted: 10 })
  })

  it('refreshes an expired session (one renewal for sync and outbox together), and asks to reconnect when that fails', async () => {
    h = await openNetworkHarness({ mentions: 5 })
    const bsky = h.emulators.bluesky.control
    expect(await h.engine.syncOnce(h.accounts.bluesky)).toMatchObject({ status: 'synced', inserted: 5 })
    const stored = () => h!.secrets.get(secretRef(h!.accounts.bluesky, SESSION_SECRET))
    const first = stored()
    bsky.expireAccessTokens()
    const account = {
      id: h.accounts.bluesky,
      workspaceId: h.workspaceId,
      channel: 'bluesky' as const,
      handle: '',
      displayName: '',
      state: 'active' as const,
    }
    const [a, b] = [h.connectorFor(account)!, h.connectorFor(account)!]
    const readAll = async (connector: typeof a) => {
      let items = 0
      for await (const page of connector.pull(new Map(), new AbortController().signal)) items += page.items.length
      return items
    }
    // Both meet the expired token at once; the refresh token works once, so only one may renew.
    expect(await Promise.all([readAll(a), readAll(b)])).toEqual([5, 5])
    expect(requestsTo(h, 'refreshSession')).toHaveLength(1)
    expect(stored()).not.toBe(first)

    bsky.revokeSessions()
    bsky.expireAccessTokens()
    expect(await h.engine.syncOnce(h.accounts.bluesky)).toMatchObject({ status: 'failed', kind: 'auth' })
    expect(h.db.prepare('SELECT state FROM accounts WHERE id = ?').pluck().get(h.accounts.bluesky)).toBe('reconnect')

    // Signing in again with an app password brings the same account back, history and cursors kept.
    const again = await connectBlueskyAccount(h.db, h.secrets, {
      workspaceId: h.workspaceId,
      baseUrl: h.emulators.bluesky.baseUrl,
      identifier: bsky.identifier,
      appPassword: bsky.appPassword,
    })
    expect(again).toBe(h.accounts.bluesky)
    expect(await h.engine.syncOnce(h.accounts.bluesky)).toMatchObject({ status: 'synced', inserted: 0 })
  })

  it('refuses the account’s main password and keeps no session from it', async () => {
    h = await openNetworkHarness({ mentions: 1 })
    const bsky = h.emulators.bluesky.control
    await expect(
      connectBlueskyAccount(h.db, h.secrets, {
        workspaceId: h.workspaceId,
        baseUrl: h.emulators.bluesky.baseUrl,
        identifier: bsky.identifier,
        appPassword: bsky.mainPassword,
      }),
    ).rejects.toThrow(/app password/)
    expect(requestsTo(h, 'deleteSession')).toHaveLength(1)
    await expect(
      connectBlueskyAccount(h.db, h.secrets, {
        workspaceId: h.workspaceId,
        baseUrl: h.emulators.bluesky.baseUrl,
        identifier: bsky.identifier,
        appPassword: 'wrong',
      }),
    ).rejects.toThrow(/refused the sign-in/)
  })

  it('backs off on 5xx and garbage, keeping what was synced', async () => {
    h = await openNetworkHarness({ mentions: 5 })
    const bsky = h.emulators.bluesky.control
    bsky.fault('notifications', { kind: 'server-error', status: 502 })
    expect(await h.engine.syncOnce(h.accounts.bluesky)).toMatchObject({ status: 'failed', kind: 'transient' })
    h.clock.advance(60_000)
    bsky.fault('profiles', { kind: 'malformed' })
    expect(await h.engine.syncOnce(h.accounts.bluesky)).toMatchObject({ status: 'failed', kind: 'malformed' })
    h.clock.advance(60_000)
    expect(await h.engine.syncOnce(h.accounts.bluesky)).toMatchObject({ status: 'synced', inserted: 5 })
  })
})
