import { afterEach, describe, expect, it } from 'vitest'
import type { OutboxJob } from '../connectors/types'
import { connectMastodonAccount, loadInstanceLimits, mastodonSignInUrl } from './mastodon-accounts'
import { openNetworkHarness, type OpenNetworkHarnessOptions } from './open-network-harness'
import { getOutboxItem, queueReply } from './outbox-queue'

type Harness = Awaited<ReturnType<typeof openNetworkHarness>>
let h: Harness | null = null
afterEach(async () => {
  await h?.close()
  h = null
})

async function harness(options: OpenNetworkHarnessOptions = {}): Promise<Harness> {
  h = await openNetworkHarness(options)
  // The Bluesky account belongs to the other test file; keep the scheduler off it here.
  h.db.prepare("UPDATE accounts SET state = 'paused' WHERE id = ?").run(h.accounts.bluesky)
  return h
}

const requestsTo = (harness: Harness, route: string) =>
  harness.emulators.mastodon.control.requests().filter((r) => r.route === route)
const cursorOf = (harness: Harness) =>
  JSON.parse(
    (harness.db
      .prepare("SELECT cursor FROM sync_cursors WHERE account_id = ? AND stream = 'mentions'")
      .pluck()
      .get(harness.accounts.mastodon) as string | undefined) ?? '{}',
  ) as Record<string, string>
const messageRow = (harness: Harness, statusId: string) =>
  harness.db
    .prepare(
      `SELECT m.body_text, c.id AS conversation_id, c.external_id AS conversation, c.visibility FROM messages m
              JOIN conversations c ON c.id = m.conversation_id WHERE m.account_id = ? AND m.external_id = ?`,
    )
    .get(harness.accounts.mastodon, statusId) as {
    body_text: string
    conversation_id: number
    conversation: string
    visibility: string
  }
const account = (harness: Harness) => ({
  id: harness.accounts.mastodon,
  workspaceId: harness.workspaceId,
  channel: 'mastodon' as const,
  handle: '',
  displayName: '',
  state: 'active' as const,
})
const job = (over: Partial<OutboxJob>): OutboxJob => ({
  id: 1,
  idempotencyKey: 'k-1',
  bodyText: 'Danke!',
  conversationExternalId: '',
  inReplyToExternalId: null,
  recipientExternalId: '',
  visibility: 'public',
  subject: null,
  ...over,
})

describe('Mastodon sign-in', () => {
  it('registers Earshot with the instance once and trades the code the instance shows for a token', async () => {
    const { db, secrets, workspaceId, emulators } = await harness({ mastodon: { maxCharacters: 1000 } })
    const baseUrl = emulators.mastodon.baseUrl
    const signIn = new URL(await mastodonSignInUrl(secrets, baseUrl))
    expect(signIn.searchParams.get('redirect_uri')).toBe('urn:ietf:wg:oauth:2.0:oob')
    expect(await mastodonSignInUrl(secrets, baseUrl)).toBe(signIn.toString())
    expect(requestsTo(h!, 'apps')).toHaveLength(1)

    const page = await (await fetch(signIn)).text()
    const code = /value="([^"]+)"/.exec(page)?.[1] ?? ''
    const id = await connectMastodonAccount(db, secrets, { workspaceId, baseUrl, code })
    const row = db.prepare('SELECT handle, display_name, state FROM accounts WHERE id = ?').get(id)
    expect(row).toEqual({
      handle: `@sonnenschein@${new URL(baseUrl).host}`,
      display_name: 'Bäckerei Sonnenschein',
      state: 'active',
    })
    expect(loadInstanceLimits(db, id)).toMatchObject({ maxCharacters: 1000, urlLength: 23 })
    // A code works once.
    await expect(connectMastodonAccount(db, secrets, { workspaceId, baseUrl, code })).rejects.toThrow(
      /grant is invalid/,
    )
  })
})

describe('Mastodon sync', () => {
  it('pages through mentions with Link headers, then catches up with min_id', async () => {
    await harness({ mentions: 30, pageSize: 10 })
    const masto = h!.emulators.mastodon.control
    expect(await h!.engine.syncOnce(h!.accounts.mastodon)).toMatchObject({ status: 'synced', inserted: 30 })
    const pages = requestsTo(h!, 'notifications')
    expect(pages.every((r) => r.path.includes('types%5B%5D=mention'))).toBe(true)
    expect(pages.slice(1).every((r) => r.path.includes('max_id='))).toBe(true)
    const newest = masto.state.notifications.findLast((n) => n.type === 'mention')?.id
    expect(cursorOf(h!)).toEqual({ min_id: newest })
    expect(loadInstanceLimits(h!.db, h!.accounts.mastodon)).toMatchObject({ maxCharacters: 500, urlLength: 23 })

    h!.clock.advance(60_000)
    const fresh = masto.addMention({ text: 'Habt ihr morgen Laugenbrezeln?' })
    expect(await h!.engine.syncOnce(h!.accounts.mastodon)).toMatchObject({ status: 'synced', inserted: 1 })
    expect(requestsTo(h!, 'notifications').at(-1)?.path).toContain(`min_id=${newest}`)
    expect(messageRow(h!, fresh.id).body_text).toBe('@sonnenschein Habt ihr morgen Laugenbrezeln?')
    // The instance's limits are read again only after a day.
    expect(requestsTo(h!, 'instance')).toHaveLength(1)
  })

  it('turns HTML into text, keeps direct mentions private and threads replies under the status they started from', async () => {
    await harness({ mentions: 30 })
    const masto = h!.emulators.mastodon.control
    await h!.engine.syncOnce(h!.accounts.mastodon)
    const direct = masto.state.statuses.find((s) => s.visibility === 'direct')!
    expect(direct.content).toContain('&amp;')
    expect(messageRow(h!, direct.id)).toMatchObject({
      body_text: '@sonnenschein Kann ich die Bestellung auch privat mit euch klären? Danke & Grüße <3',
      visibility: 'private',
    })
    const reply = masto.state.statuses.find((s) => s.in_reply_to_id && s.account.id !== masto.me.id)!
    expect(messageRow(h!, reply.id).conversation).toBe(reply.in_reply_to_id)
    const customer = h!.db
      .prepare("SELECT handle, followers FROM identities WHERE channel = 'mastodon' AND display_name = 'Lena Krüger'")
      .get()
    expect(customer).toEqual({ handle: '@lenakocht@mastodon.social', followers: 184_300 })

    // A customer answering a stored mention needs no look-up: the thread is known.
    const contextCalls = requestsTo(h!, 'context').length
    const followUp = masto.addMention({ text: 'Und am Sonntag?', inReplyTo: reply })
    await h!.engine.syncOnce(h!.accounts.mastodon)
    expect(requestsTo(h!, 'context')).toHaveLength(contextCalls)
    expect(messageRow(h!, followUp.id).conversation_id).toBe(messageRow(h!, reply.id).conversation_id)
  })

  it('replies to the latest status with in_reply_to_id, its visibility, the customer’s @handle and the outbox key', async () => {
    await harness({ mentions: 30 })
    const masto = h!.emulators.mastodon.control
    await h!.engine.syncOnce(h!.accounts.mastodon)
    const direct = masto.state.statuses.find((s) => s.visibility === 'direct')!
    const queued = queueReply(h!.db, {
      conversationId: messageRow(h!, direct.id).conversation_id,
      bodyText: 'Gern, schreiben Sie uns hier.',
      now: h!.clock.now(),
    })
    await h!.outbox.drain()
    const key = h!.db.prepare('SELECT idempotency_key FROM outbox WHERE id = ?').pluck().get(queued.id)
    expect(masto.posted()).toEqual([
      expect.objectContaining({
        text: `@${direct.account.acct} Gern, schreiben Sie uns hier.`,
        inReplyToId: direct.id,
        visibility: 'direct',
        idempotencyKey: key,
      }),
    ])
    expect(getOutboxItem(h!.db, queued.id)).toMatchObject({ state: 'sent', remoteId: masto.posted()[0]?.id })
  })

  it('holds a reply to the instance’s own limit, counting the @handle it will start with', async () => {
    await harness({ mentions: 5, mastodon: { maxCharacters: 1000 } })
    const masto = h!.emulators.mastodon.control
    await h!.engine.syncOnce(h!.accounts.mastodon)
    const status = masto.state.statuses.findLast((s) => s.account.id !== masto.me.id)!
    const conversationId = messageRow(h!, status.id).conversation_id
    const room = 1000 - `@${status.account.username} `.length
    expect(() => queueReply(h!.db, { conversationId, bodyText: 'x'.repeat(room + 1), now: h!.clock.now() })).toThrow(
      /at most 1000/,
    )
    queueReply(h!.db, { conversationId, bodyText: 'x'.repeat(room), now: h!.clock.now() })
    await h!.outbox.drain()
    expect(masto.posted()).toHaveLength(1)
  })
})

describe('Mastodon replies that must not double', () => {
  it('sends again with the same Idempotency-Key after a crash: the instance returns the first status', async () => {
    await harness({ mentions: 5 })
    const masto = h!.emulators.mastodon.control
    await h!.engine.syncOnce(h!.accounts.mastodon)
    const status = masto.state.statuses.findLast((s) => s.account.id !== masto.me.id)!
    const queued = queueReply(h!.db, {
      conversationId: messageRow(h!, status.id).conversation_id,
      bodyText: 'Kommt sofort.',
      now: h!.clock.now(),
    })
    const row = h!.db.prepare('SELECT idempotency_key, created_at FROM outbox WHERE id = ?').get(queued.id) as {
      idempotency_key: string
      created_at: number
    }
    // The status reached the instance, then the app crashed before recording it.
    const first = await h!
      .connectorFor(account(h!))!
      .send(
        job({
          id: queued.id,
          idempotencyKey: row.idempotency_key,
          queuedAt: row.created_at,
          bodyText: 'Kommt sofort.',
          inReplyToExternalId: status.id,
        }),
        new AbortController().signal,
      )
    h!.db.prepare("UPDATE outbox SET state = 'sending', attempts = 1 WHERE id = ?").run(queued.id)
    await h!.outbox.reconcile()
    await h!.outbox.drain()
    expect(getOutboxItem(h!.db, queued.id)).toMatchObject({ state: 'sent', remoteId: first.externalId })
    expect(masto.posted()).toHaveLength(1)
    expect(requestsTo(h!, 'status:create')).toHaveLength(2)
  })

  it('after the key’s hour, finds the reply among the account’s own statuses instead', async () => {
    await harness({ mentions: 5 })
    const masto = h!.emulators.mastodon.control
    await h!.engine.syncOnce(h!.accounts.mastodon)
    const status = masto.state.statuses.findLast((s) => s.account.id !== masto.me.id)!
    const queued = queueReply(h!.db, {
      conversationId: messageRow(h!, status.id).conversation_id,
      bodyText: 'Liegt bereit.',
      now: h!.clock.now(),
    })
    const row = h!.db.prepare('SELECT idempotency_key, created_at FROM outbox WHERE id = ?').get(queued.id) as {
      idempotency_key: string
      created_at: number
    }
    const first = await h!
      .connectorFor(account(h!))!
      .send(
        job({
          id: queued.id,
          idempotencyKey: row.idempotency_key,
          queuedAt: row.created_at,
          bodyText: 'Liegt bereit.',
          inReplyToExternalId: status.id,
        }),
        new AbortController().signal,
      )
    h!.db.prepare("UPDATE outbox SET state = 'sending', attempts = 1 WHERE id = ?").run(queued.id)
    h!.clock.advance(2 * 3_600_000)
    await h!.outbox.reconcile()
    expect(getOutboxItem(h!.db, queued.id)).toMatchObject({ state: 'sent', remoteId: first.externalId })
    expect(requestsTo(h!, 'status:create')).toHaveLength(1)
  })

  it('fails a reply the instance refuses (422, a deleted status) without retrying it', async () => {
    await harness({ mentions: 5, mastodon: { maxCharacters: 40 } })
    const masto = h!.emulators.mastodon.control
    const connector = h!.connectorFor(account(h!))!
    const status = masto.state.statuses.findLast((s) => s.account.id !== masto.me.id)!
    const tooLong = job({
      bodyText: 'Das ist eine sehr lange Antwort, länger als diese Instanz erlaubt.',
      inReplyToExternalId: status.id,
    })
    await expect(connector.send(tooLong, new AbortController().signal)).rejects.toMatchObject({
      kind: 'rejected',
      message: expect.stringMatching(/character limit of 40/),
    })
    await expect(
      connector.send(job({ inReplyToExternalId: '999' }), new AbortController().signal),
    ).rejects.toMatchObject({ kind: 'rejected' })
  })
})

describe('Mastodon limits and credentials', () => {
  it('waits for X-RateLimit-Reset after a 429, and stops at X-RateLimit-Remaining 0 without a refused request', async () => {
    await harness({ mentions: 30, pageSize: 10 })
    const masto = h!.emulators.mastodon.control
    masto.fault('notifications', { kind: 'rate-limit', resetInSeconds: 120 })
    expect(await h!.engine.syncOnce(h!.accounts.mastodon)).toMatchObject({ status: 'failed', kind: 'rate-limit' })
    expect(h!.engine.nextSyncAt(h!.accounts.mastodon)).toBe(h!.clock.now() + 120_000)

    h!.clock.advance(120_000)
    masto.setLimit(3)
    const before = masto.requests().length
    expect(await h!.engine.syncOnce(h!.accounts.mastodon)).toMatchObject({ status: 'failed', kind: 'rate-limit' })
    // Three requests in the window, all answered; the fourth was never made.
    expect(masto.requests().length - before).toBe(3)
    expect(h!.engine.nextSyncAt(h!.accounts.mastodon)).toBe(h!.clock.now() + 5 * 60_000)
  })

  it('asks to reconnect when the token is revoked, and backs off on 5xx and garbage', async () => {
    await harness({ mentions: 5 })
    const masto = h!.emulators.mastodon.control
    masto.fault('notifications', { kind: 'server-error', status: 503 })
    expect(await h!.engine.syncOnce(h!.accounts.mastodon)).toMatchObject({ status: 'failed', kind: 'transient' })
    h!.clock.advance(60_000)
    masto.fault('notifications', { kind: 'malformed' })
    expect(await h!.engine.syncOnce(h!.accounts.mastodon)).toMatchObject({ status: 'failed', kind: 'malformed' })
    h!.clock.advance(60_000)
    expect(await h!.engine.syncOnce(h!.accounts.mastodon)).toMatchObject({ status: 'synced', inserted: 5 })
    masto.revokeTokens()
    expect(await h!.engine.syncOnce(h!.accounts.mastodon)).toMatchObject({ status: 'failed', kind: 'auth' })
    expect(h!.db.prepare('SELECT state FROM accounts WHERE id = ?').pluck().get(h!.accounts.mastodon)).toBe('reconnect')
  })
})
