import { describe, expect, it } from 'vitest'
import { item } from '../store/test-support'
import { contractHarness } from './test-support'

function setup() {
  const store = contractHarness('Lena')
  const { ctx, seen, call, ok } = store
  /** One conversation with Anna on a channel; returns its id. */
  const conversation = (channel: 'email' | 'x', overrides: Parameters<typeof item>[0] = {}): number => {
    const message = item({ subject: 'Torte', ...overrides })
    store.ingest({ accountId: store.accounts[channel], items: [message] })
    return (
      store.db.prepare('SELECT id FROM conversations WHERE external_id = ?').get(message.conversation.externalId) as {
        id: number
      }
    ).id
  }
  const audit = () =>
    store.db.prepare('SELECT action, target_type AS targetType, actor FROM audit_log ORDER BY id').all()
  return { ...store, ctx, seen, call, ok, conversation, audit }
}

describe('canned replies', () => {
  it('are created, listed by language and title, changed and deleted, each change audited and announced', async () => {
    const { ok, workspaceId, seen, audit } = setup()
    const thanks = await ok('canned:create', {
      workspaceId,
      language: 'en',
      title: 'Thanks',
      body: 'Thank you, {{contact.firstName}}!',
    })
    const danke = await ok('canned:create', {
      workspaceId,
      language: 'de',
      title: 'Danke',
      body: 'Danke, {{contact.firstName}}!',
    })
    await ok('canned:create', {
      workspaceId,
      language: 'de',
      title: 'abholbereit',
      body: 'Ihre Bestellung liegt bereit.',
    })
    expect((await ok('canned:list', { workspaceId })).map((c) => `${c.language}:${c.title}`)).toEqual([
      'de:abholbereit',
      'de:Danke',
      'en:Thanks',
    ])
    expect(seen.at(-1)).toMatchObject({ tables: ['canned_replies'], workspaceId })

    const changed = await ok('canned:update', {
      id: thanks.id,
      language: 'en',
      title: 'Thank you',
      body: 'Thanks a lot!',
    })
    expect(changed).toMatchObject({ id: thanks.id, title: 'Thank you', body: 'Thanks a lot!' })
    await ok('canned:delete', { id: danke.id })
    expect((await ok('canned:list', { workspaceId })).map((c) => c.title)).toEqual(['abholbereit', 'Thank you'])
    expect(audit()).toEqual([
      ...['canned.create', 'canned.create', 'canned.create', 'canned.update', 'canned.delete'].map((action) => ({
        action,
        targetType: 'canned_reply',
        actor: 'Lena',
      })),
    ])
  })

  it('refuse a second title in the same language, bad input and missing rows in words', async () => {
    const { call, ok, workspaceId } = setup()
    await ok('canned:create', { workspaceId, language: 'de', title: 'Danke', body: 'Danke!' })
    expect(await ok('canned:create', { workspaceId, language: 'en', title: 'Danke', body: 'Thanks!' })).toMatchObject({
      language: 'en',
    })
    expect(await call('canned:create', { workspaceId, language: 'de', title: 'Danke', body: 'Nochmal' })).toMatchObject(
      {
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('Danke') },
      },
    )
    expect(
      await call('canned:create', { workspaceId, language: 'fr' as 'de', title: 'Merci', body: 'Merci' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    })
    expect(await call('canned:create', { workspaceId, language: 'de', title: 'Leer', body: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    })
    expect(await call('canned:create', { workspaceId: 999, language: 'de', title: 'X', body: 'Y' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await call('canned:update', { id: 999, language: 'de', title: 'X', body: 'Y' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await call('canned:delete', { id: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('composer variables and settings', () => {
  it('fills in the contact, the workspace and the agent once a name is set', async () => {
    const { ok, conversation } = setup()
    const id = conversation('x', { customer: { externalId: 'u1', displayName: 'Anna Schmidt', handle: '@anna' } })
    expect(await ok('composer:settings', {})).toEqual({ agentName: null, undoSeconds: 5 })
    expect(await ok('composer:variables', { conversationId: id })).toEqual({
      'contact.firstName': 'Anna',
      'contact.name': 'Anna Schmidt',
      'agent.name': null,
      'workspace.name': 'Test shop',
    })
    expect(await ok('composer:setSettings', { agentName: 'Lena Vogel', undoSeconds: 10 })).toEqual({
      agentName: 'Lena Vogel',
      undoSeconds: 10,
    })
    expect((await ok('composer:variables', { conversationId: id }))['agent.name']).toBe('Lena Vogel')
  })

  it('refuses an undo time beyond 30 seconds', async () => {
    const { call } = setup()
    expect(await call('composer:setSettings', { agentName: null, undoSeconds: 31 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    })
  })
})

describe('drafts and the outbox', () => {
  it('keeps a draft per conversation until the reply is queued', async () => {
    const { ok, conversation } = setup()
    const first = conversation('email')
    const second = conversation('email')
    await ok('draft:save', { conversationId: first, bodyText: 'Liebe Anna,' })
    expect(await ok('draft:get', { conversationId: first })).toMatchObject({ bodyText: 'Liebe Anna,' })
    expect(await ok('draft:get', { conversationId: second })).toBeNull()

    await ok('reply:queue', { conversationId: first, bodyText: 'Liebe Anna, die Torte ist fertig.' })
    expect(await ok('draft:get', { conversationId: first })).toBeNull()
    await ok('draft:save', { conversationId: second, bodyText: 'x' })
    await ok('draft:save', { conversationId: second, bodyText: '  ' })
    expect(await ok('draft:get', { conversationId: second })).toBeNull()
  })

  it('holds a reply for the undo time; undo removes it and puts its text before what was typed since', async () => {
    const { ok, call, conversation, seen, audit, workspaceId } = setup()
    const id = conversation('email')
    await ok('composer:setSettings', { agentName: null, undoSeconds: 8 })
    const queued = await ok('reply:queue', { conversationId: id, bodyText: 'Die Torte ist fertig.' })
    expect(queued.notBefore - queued.createdAt).toBe(8_000)
    expect(await ok('outbox:count', { workspaceId })).toEqual({ waiting: 1, failed: 0 })
    await ok('draft:save', { conversationId: id, bodyText: 'PS: Kerzen?' })

    expect(await ok('reply:cancel', { outboxId: queued.id })).toEqual({ bodyText: 'Die Torte ist fertig.' })
    expect(await ok('outbox:list', { conversationId: id })).toEqual([])
    expect(await ok('draft:get', { conversationId: id })).toMatchObject({
      bodyText: 'Die Torte ist fertig.\n\nPS: Kerzen?',
    })
    expect(seen.at(-1)).toEqual({ tables: ['outbox'], workspaceId, ids: [id] })
    expect(await call('reply:cancel', { outboxId: queued.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(audit().map((a) => (a as { action: string }).action)).toEqual([
      'composer.settings',
      'reply.queue',
      'reply.cancel',
    ])
  })

  it('quotes the customer’s message below an email reply, apart from the text that undo returns', async () => {
    const { ok, call, conversation, db } = setup()
    const mail = conversation('email', { bodyText: 'Ist die Torte fertig?' })
    const queued = await ok('reply:queue', { conversationId: mail, bodyText: 'Ja!', quote: { language: 'de' } })
    expect(queued.bodyText).toBe('Ja!')
    expect(db.prepare('SELECT quote_text FROM outbox WHERE id = ?').pluck().get(queued.id)).toMatch(
      /^Am .+ schrieb Anna Schmidt:\n> Ist die Torte fertig\?$/,
    )

    const tweet = conversation('x')
    expect(
      await call('reply:queue', { conversationId: tweet, bodyText: 'Ja!', quote: { language: 'en' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: expect.stringContaining('email') },
    })
  })

  it('refuses what the channel would refuse; retries a failed reply or takes it back', async () => {
    const { ok, call, conversation, db, workspaceId } = setup()
    const tweet = conversation('x', { conversation: { externalId: 'public-1', visibility: 'public' } })
    expect(await call('reply:queue', { conversationId: tweet, bodyText: 'a'.repeat(281) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: expect.stringContaining('280') },
    })
    const queued = await ok('reply:queue', { conversationId: tweet, bodyText: 'Kommt!' })
    expect(await call('reply:retry', { outboxId: queued.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    db.prepare("UPDATE outbox SET state = 'failed', last_error = 'refused' WHERE id = ?").run(queued.id)
    expect(await ok('outbox:count', {})).toEqual({ waiting: 0, failed: 1 })
    expect(await ok('reply:retry', { outboxId: queued.id })).toMatchObject({ state: 'queued', lastError: 'refused' })
    expect(await ok('outbox:count', { workspaceId })).toEqual({ waiting: 1, failed: 0 })

    // A reply the provider refused can be taken back to rewrite it; one being sent cannot.
    db.prepare("UPDATE outbox SET state = 'failed' WHERE id = ?").run(queued.id)
    expect(await ok('reply:cancel', { outboxId: queued.id })).toEqual({ bodyText: 'Kommt!' })
    const sending = await ok('reply:queue', { conversationId: tweet, bodyText: 'Unterwegs' })
    db.prepare("UPDATE outbox SET state = 'sending' WHERE id = ?").run(sending.id)
    expect(await call('reply:cancel', { outboxId: sending.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
  })
})
