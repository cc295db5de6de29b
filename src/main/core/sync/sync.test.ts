import { afterEach, describe, expect, it } from 'vitest'
import { addListenQuery } from './accounts'
import { syncHarness } from './harness'

type Harness = Awaited<ReturnType<typeof syncHarness>>
let h: Harness | null = null
afterEach(async () => {
  await h?.close()
  h = null
})

const messagesOf = (harness: Harness, accountId: number) =>
  harness.count('SELECT count(*) AS n FROM messages WHERE account_id = ?', accountId)
const cursorOf = (harness: Harness, accountId: number, stream: string) =>
  (harness.db.prepare('SELECT cursor FROM sync_cursors WHERE account_id = ? AND stream = ?').get(accountId, stream) as { cursor: string } | undefined)?.cursor

describe('X sync', () => {
  it('pages 250 mentions at 100 per page, then picks up only new ones with since_id', async () => {
    h = await syncHarness({ mentions: 250 })
    const outcome = await h.engine.syncOnce(h.accounts.x)
    expect(outcome).toMatchObject({ status: 'synced' })
    const mentionCalls = h.emulators.x.control.requests().filter((r) => r.route === 'mentions')
    expect(mentionCalls).toHaveLength(3)
    const mentions = h.count("SELECT count(*) AS n FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.account_id = ? AND c.visibility = 'public'", h.accounts.x)
    expect(mentions).toBe(250)
    const newest = h.emulators.x.control.state.tweets.at(-1)?.id
    expect(JSON.parse(cursorOf(h, h.accounts.x, 'mentions') ?? '{}')).toEqual({ since_id: newest })

    const live = h.emulators.x.control.addMention({ text: '@sonnenschein_dus Sind die Brezeln noch warm?' })
    await h.engine.syncOnce(h.accounts.x)
    const last = h.emulators.x.control.requests().filter((r) => r.route === 'mentions').at(-1)
    expect(last?.path).toContain(`since_id=${newest}`)
    expect(h.count('SELECT count(*) AS n FROM messages WHERE external_id = ?', live.id)).toBe(1)
  })

  it('stores follower counts, the angry influencer, and DMs as private conversations', async () => {
    h = await syncHarness({ mentions: 40 })
    await h.engine.syncOnce(h.accounts.x)
    const lena = h.db.prepare("SELECT followers FROM identities WHERE handle = '@lenakocht'").get() as { followers: number }
    expect(lena.followers).toBe(184_300)
    const dms = h.count("SELECT count(*) AS n FROM conversations WHERE account_id = ? AND visibility = 'private'", h.accounts.x)
    expect(dms).toBeGreaterThan(0)
    const dmCursor = JSON.parse(cursorOf(h, h.accounts.x, 'dm') ?? '{}') as { watermark: string; polledAt: number }
    expect(dmCursor).toEqual({ watermark: h.emulators.x.control.state.dmEvents.at(-1)?.id, polledAt: h.clock.now() })
  })

  it('polls DMs at most once a minute, within their 15-per-15-minutes limit, while mentions keep flowing', async () => {
    h = await syncHarness({ mentions: 10 })
    await h.engine.syncOnce(h.accounts.x)
    const dmRequests = () => h!.emulators.x.control.requests().filter((r) => r.path.startsWith('/2/dm_events')).length
    const before = dmRequests()
    h.emulators.x.control.addDm({ senderId: h.emulators.x.control.state.randomCustomer().id, text: 'Habt ihr noch Platz am Samstag?' })
    h.clock.advance(30_000)
    await h.engine.syncOnce(h.accounts.x)
    expect(dmRequests()).toBe(before)
    h.clock.advance(31_000)
    await h.engine.syncOnce(h.accounts.x)
    expect(dmRequests()).toBe(before + 1)
    expect(h.count("SELECT count(*) AS n FROM messages WHERE body_text LIKE '%Platz am Samstag%'")).toBe(1)
  })

  it('runs a listening query as its own stream', async () => {
    h = await syncHarness({ mentions: 60 })
    const queryId = addListenQuery(h.db, h.accounts.x, 'zimtschnecken')
    await h.engine.syncOnce(h.accounts.x)
    const hits = h.emulators.x.control.state.tweets.filter((t) => t.text.toLowerCase().includes('zimtschnecken'))
    expect(hits.length).toBeGreaterThan(0)
    expect(JSON.parse(cursorOf(h, h.accounts.x, `search:${queryId}`) ?? '{}')).toEqual({ since_id: hits.at(-1)?.id })
    // Its findings remember it, also those that arrived as mentions first (insight/groundswell.ts watches each query).
    expect(h.count('SELECT count(*) AS n FROM messages WHERE listen_query_id = ?', queryId)).toBe(hits.length)
  })

  it('honours the rate-limit reset: no request before it, both 429 forms', async () => {
    for (const form of ['code88', 'problem'] as const) {
      h = await syncHarness({ mentions: 20 })
      h.emulators.x.control.fault('mentions', { kind: 'rate-limit', form, resetInSeconds: 600 })
      const outcome = await h.engine.syncOnce(h.accounts.x)
      expect(outcome).toMatchObject({ status: 'failed', kind: 'rate-limit' })
      const resetAt = Math.ceil((h.clock.now() + 600_000) / 1000) * 1000
      expect(h.engine.nextSyncAt(h.accounts.x)).toBe(resetAt)
      const before = h.emulators.x.control.requests().length
      h.clock.advance(599_000)
      await h.engine.runDue()
      await h.engine.syncOnce(h.accounts.x)
      expect(h.emulators.x.control.requests().length).toBe(before)
      h.clock.set(resetAt)
      expect(await h.engine.syncOnce(h.accounts.x)).toMatchObject({ status: 'synced' })
      expect(h.emulators.x.control.requests().every((r) => r.at < resetAt - 599_000 || r.at >= resetAt)).toBe(true)
      await h.close()
      h = null
    }
  })

  it('backs off on 5xx and survives a slow answer, losing and doubling nothing', async () => {
    h = await syncHarness({ mentions: 120, pageSize: 50 })
    h.emulators.x.control.fault('mentions', { kind: 'delay', ms: 200 })
    h.emulators.x.control.fault('dm:list', { kind: 'server-error', status: 503 })
    const first = await h.engine.syncOnce(h.accounts.x)
    expect(first).toMatchObject({ status: 'failed', kind: 'transient' })
    if (first.status !== 'failed') throw new Error('expected a failure')
    expect(first.nextAt - h.clock.now()).toBeGreaterThanOrEqual(2_500)
    h.clock.advance(first.nextAt - h.clock.now())
    await h.engine.runDue()
    expect(messagesOf(h, h.accounts.x)).toBe(120 + h.emulators.x.control.state.dmEvents.length)
    expect(h.db.prepare('SELECT state, state_reason FROM accounts WHERE id = ?').get(h.accounts.x)).toEqual({ state: 'active', state_reason: null })
  })

  it('keeps no partial page of malformed JSON', async () => {
    h = await syncHarness({ mentions: 150 })
    h.emulators.x.control.fault('mentions', { kind: 'malformed' })
    expect(await h.engine.syncOnce(h.accounts.x)).toMatchObject({ status: 'failed', kind: 'malformed' })
    expect(messagesOf(h, h.accounts.x)).toBe(0)
    expect(cursorOf(h, h.accounts.x, 'mentions')).toBeUndefined()
  })

  it('pauses on an expired token, keeps what it synced, and resumes from the saved cursor after reconnect', async () => {
    h = await syncHarness({ mentions: 50 })
    await h.engine.syncOnce(h.accounts.x)
    const synced = messagesOf(h, h.accounts.x)
    const cursor = cursorOf(h, h.accounts.x, 'mentions')
    h.emulators.x.control.expireTokens()
    h.emulators.x.control.addMention()
    expect(await h.engine.syncOnce(h.accounts.x)).toMatchObject({ status: 'failed', kind: 'auth' })
    const account = h.db.prepare('SELECT state, state_reason FROM accounts WHERE id = ?').get(h.accounts.x) as { state: string; state_reason: string }
    expect(account.state).toBe('reconnect')
    expect(account.state_reason).toMatch(/Reconnect/)
    expect(messagesOf(h, h.accounts.x)).toBe(synced)
    expect(await h.engine.syncOnce(h.accounts.x)).toMatchObject({ status: 'skipped' })

    h.engine.reconnect(h.accounts.x, h.emulators.x.control.issueToken())
    await h.engine.syncOnce(h.accounts.x)
    expect(h.emulators.x.control.requests().filter((r) => r.route === 'mentions').at(-1)?.path).toContain(`since_id=${JSON.parse(cursor ?? '{}').since_id}`)
    expect(messagesOf(h, h.accounts.x)).toBe(synced + 1)
  })
})

describe('Facebook sync', () => {
  it('reads feed comments and Messenger, then only what is new', async () => {
    h = await syncHarness()
    await h.engine.syncOnce(h.accounts.facebook)
    const fb = h.emulators.facebook.control.state
    const customerComments = fb.comments.filter((c) => c.from.id !== fb.page.id).length
    const messages = fb.conversations.reduce((n, c) => n + c.messages.length, 0)
    expect(messagesOf(h, h.accounts.facebook)).toBe(customerComments + messages)
    const out = h.count("SELECT count(*) AS n FROM messages WHERE account_id = ? AND direction = 'out'", h.accounts.facebook)
    expect(out).toBe(fb.conversations.filter((c) => c.messages.some((m) => m.from.id === fb.page.id)).length)

    h.clock.advance(60_000)
    h.emulators.facebook.control.addComment({ message: 'Wann gibt es wieder Bienenstich?' })
    h.emulators.facebook.control.addMessage({ psid: fb.conversations[0]?.psid ?? '', message: 'Ist meine Torte fertig?' })
    await h.engine.syncOnce(h.accounts.facebook)
    expect(messagesOf(h, h.accounts.facebook)).toBe(customerComments + messages + 2)
  })

  it('waits the minutes X-Business-Use-Case-Usage names on a throttle code', async () => {
    h = await syncHarness()
    h.emulators.facebook.control.fault('feed', { kind: 'rate-limit', fbCode: 80001, regainMinutes: 7 })
    const outcome = await h.engine.syncOnce(h.accounts.facebook)
    expect(outcome).toMatchObject({ status: 'failed', kind: 'rate-limit', nextAt: h.clock.now() + 7 * 60_000 })
  })

  it('asks for a reconnect on code 190 and on a revoked permission', async () => {
    h = await syncHarness()
    h.emulators.facebook.control.fault('conversations', { kind: 'expired-token' })
    expect(await h.engine.syncOnce(h.accounts.facebook)).toMatchObject({ status: 'failed', kind: 'auth' })
    const feedOnly = messagesOf(h, h.accounts.facebook)
    expect(feedOnly).toBeGreaterThan(0)
    h.engine.reconnect(h.accounts.facebook, h.emulators.facebook.control.token ?? '')
    h.emulators.facebook.control.revokeTokens()
    expect(await h.engine.syncOnce(h.accounts.facebook)).toMatchObject({ status: 'failed', kind: 'auth' })
    expect(h.db.prepare('SELECT state FROM accounts WHERE id = ?').get(h.accounts.facebook)).toEqual({ state: 'reconnect' })
    expect(messagesOf(h, h.accounts.facebook)).toBe(feedOnly)
  })
})
