import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulators, type Emulators } from '../../../../emulators/index'
import { DEMO_CLIENT_ID } from '../../../../emulators/x/oauth'
import type { CommandArg, CommandName, CommandResult } from '../../../shared/contract'
import type { Result } from '../../../shared/errors'
import { connectCommands } from '../../../shared/commands/connect'
import { EventBus } from '../events'
import { memorySecrets, syncHarness } from '../sync/harness'
import { testStore } from '../store/test-support'
import type { CoreContext } from './context'
import { dispatch } from './dispatch'
import { handlers } from './handlers'

const DAY = 86_400_000

let emulators: Emulators
beforeAll(async () => {
  emulators = await startEmulators({ scenario: 'test' })
})
afterAll(async () => {
  await emulators.close()
})

function setup(openExternal: CoreContext['openExternal'] = null) {
  const store = testStore()
  const secrets = memorySecrets()
  const ctx: CoreContext = {
    db: store.db,
    events: new EventBus(),
    info: { version: 't', host: 'web', dataDir: '/tmp' },
    actor: 'Anna',
    background: null,
    secrets,
    openExternal,
  }
  const call = <K extends CommandName>(name: K, arg: CommandArg<K>) =>
    dispatch(ctx, handlers, name, arg) as Promise<Result<CommandResult<K>>>
  return { ...store, ctx, secrets, call }
}

const graph = () => `${emulators.facebook.baseUrl}/v19.0`

describe('connecting Facebook Pages with a user token', () => {
  it('lists the managed Pages without their tokens, and connects the chosen one with its own Page token', async () => {
    const s = setup()
    const listed = await s.call('connect:facebookPages', {
      userToken: emulators.facebook.control.userToken,
      baseUrl: graph(),
    })
    if (!listed.ok) throw new Error(listed.error.message)
    expect(listed.value.map((p) => p.name)).toEqual(['Bäckerei Sonnenschein', 'Sonnenschein Catering'])
    expect(JSON.stringify(listed.value)).not.toContain('token')

    const connected = await s.call('connect:facebook', {
      workspaceId: s.workspaceId,
      userToken: emulators.facebook.control.userToken,
      pageIds: [emulators.facebook.control.pageId],
      baseUrl: graph(),
    })
    if (!connected.ok) throw new Error(connected.error.message)
    const [account] = connected.value
    expect(account).toMatchObject({ channel: 'facebook', handle: 'Bäckerei Sonnenschein', state: 'active' })
    // Page tokens from a long-lived user token never expire, but data access ends 90 days after consent.
    expect(account?.accessExpiresAt).toBeGreaterThan(Date.now() + 89 * DAY)
    expect(account?.accessExpiresAt).toBeLessThan(Date.now() + 91 * DAY)
    expect(s.secrets.get(`account:${account?.id}:token`)).toBe('fb-page-token-1')
    expect(s.db.prepare("SELECT action FROM audit_log WHERE target_type = 'account'").all()).toEqual([
      { action: 'account.connect' },
    ])

    const again = await s.call('connect:facebook', {
      workspaceId: s.workspaceId,
      userToken: emulators.facebook.control.userToken,
      pageIds: [emulators.facebook.control.pageId],
      baseUrl: graph(),
    })
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID' } })
  })

  it('refuses a Page the user does not manage, and an expired user token, with reasons a person can act on', async () => {
    const s = setup()
    const foreign = await s.call('connect:facebook', {
      workspaceId: s.workspaceId,
      userToken: emulators.facebook.control.userToken,
      pageIds: ['999'],
      baseUrl: graph(),
    })
    expect(foreign).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: expect.stringContaining('does not manage') },
    })
    emulators.facebook.control.login.setUserTokenExpiry(Date.now() - 1000)
    try {
      const expired = await s.call('connect:facebookPages', {
        userToken: emulators.facebook.control.userToken,
        baseUrl: graph(),
      })
      expect(expired).toMatchObject({ ok: false, error: { code: 'INVALID' } })
    } finally {
      emulators.facebook.control.login.setUserTokenExpiry(Date.now() + 60 * DAY)
    }
    expect(
      s.db.prepare("SELECT COUNT(*) AS n FROM accounts WHERE channel = 'facebook' AND handle LIKE 'Bäckerei%'").get(),
    ).toEqual({ n: 0 })
  })
})

describe('signing in to X from the app', () => {
  it('hands out the consent page, then adds the account once the browser comes back', async () => {
    const s = setup()
    const begun = await s.call('connect:xBegin', {
      workspaceId: s.workspaceId,
      clientId: DEMO_CLIENT_ID,
      baseUrl: emulators.x.baseUrl,
    })
    if (!begun.ok) throw new Error(begun.error.message)
    const finishing = s.call('connect:xFinish', { signInId: begun.value.signInId })
    await fetch(begun.value.authorizeUrl)
    const finished = await finishing
    if (!finished.ok) throw new Error(finished.error.message)
    expect(finished.value).toMatchObject({
      channel: 'x',
      handle: `@${emulators.x.control.me.username}`,
      accessExpiresAt: null,
    })
    expect(await s.call('connect:xFinish', { signInId: begun.value.signInId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('cancels a sign-in the user abandoned', async () => {
    const s = setup()
    const begun = await s.call('connect:xBegin', {
      workspaceId: s.workspaceId,
      clientId: DEMO_CLIENT_ID,
      baseUrl: emulators.x.baseUrl,
    })
    if (!begun.ok) throw new Error(begun.error.message)
    expect(await s.call('connect:xCancel', { signInId: begun.value.signInId })).toEqual({ ok: true, value: null })
    await expect(fetch(begun.value.authorizeUrl)).rejects.toThrow()
  })
})

describe('connecting Bluesky with an app password', () => {
  const bluesky = () => ({ baseUrl: emulators.bluesky.baseUrl, handle: emulators.bluesky.control.identifier })

  it('adds the account with its session, never the password, and announces it', async () => {
    const s = setup()
    const announced: unknown[] = []
    s.ctx.events.on('db:changed', (change) => announced.push(change))
    const connected = await s.call('connect:bluesky', {
      workspaceId: s.workspaceId,
      ...bluesky(),
      handle: `@${emulators.bluesky.control.identifier}`,
      appPassword: emulators.bluesky.control.appPassword,
    })
    if (!connected.ok) throw new Error(connected.error.message)
    expect(connected.value).toMatchObject({
      channel: 'bluesky',
      handle: `@${emulators.bluesky.control.identifier}`,
      state: 'active',
    })
    const session = s.secrets.get(`account:${connected.value.id}:session`) ?? ''
    expect(JSON.parse(session)).toMatchObject({ accessJwt: expect.any(String), refreshJwt: expect.any(String) })
    expect(session).not.toContain(emulators.bluesky.control.appPassword)
    expect(s.db.prepare("SELECT action FROM audit_log WHERE target_type = 'account'").all()).toEqual([
      { action: 'account.connect' },
    ])
    expect(announced).toEqual([{ tables: ['accounts'], workspaceId: s.workspaceId }])

    const again = await s.call('connect:bluesky', {
      workspaceId: s.workspaceId,
      ...bluesky(),
      appPassword: emulators.bluesky.control.appPassword,
    })
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID', message: expect.stringContaining('already') } })
  })

  it('refuses the main password and a wrong one with what to do instead, adding nothing', async () => {
    const s = setup()
    const main = await s.call('connect:bluesky', {
      workspaceId: s.workspaceId,
      ...bluesky(),
      appPassword: emulators.bluesky.control.mainPassword,
    })
    expect(main).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: expect.stringContaining('Settings → Privacy and security → App passwords') },
    })
    const wrong = await s.call('connect:bluesky', { workspaceId: s.workspaceId, ...bluesky(), appPassword: 'wrong' })
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: expect.stringContaining('Check the handle and the app password') },
    })
    expect(s.db.prepare("SELECT COUNT(*) AS n FROM accounts WHERE channel = 'bluesky'").get()).toEqual({ n: 0 })
    expect(s.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: 0 })
  })
})

describe('signing in to Mastodon from the app', () => {
  /** The emulator's consent page signs in as the shop at once and shows the code, as an instance does after "Authorize". */
  const codeShownAt = async (authorizeUrl: string) =>
    /value="([^"]+)"/.exec(await (await fetch(authorizeUrl)).text())?.[1] ?? ''
  const instance = () => emulators.mastodon.baseUrl
  const handle = () => `@sonnenschein@${new URL(instance()).host}`

  it('registers Earshot with the instance, then trades the code the person pastes for the account', async () => {
    const s = setup()
    const begun = await s.call('connect:mastodonBegin', { workspaceId: s.workspaceId, instanceUrl: instance() })
    if (!begun.ok) throw new Error(begun.error.message)
    const consent = new URL(begun.value.authorizeUrl)
    expect(consent.origin).toBe(instance())
    expect(consent.searchParams.get('redirect_uri')).toBe('urn:ietf:wg:oauth:2.0:oob')

    const finished = await s.call('connect:mastodonFinish', {
      signInId: begun.value.signInId,
      code: ` ${await codeShownAt(begun.value.authorizeUrl)} `,
    })
    if (!finished.ok) throw new Error(finished.error.message)
    expect(finished.value).toMatchObject({ channel: 'mastodon', handle: handle(), state: 'active' })
    expect(s.secrets.get(`account:${finished.value.id}:token`)).toEqual(expect.any(String))
    expect(s.db.prepare("SELECT action FROM audit_log WHERE target_type = 'account'").all()).toEqual([
      { action: 'account.connect' },
    ])
    expect(await s.call('connect:mastodonFinish', { signInId: begun.value.signInId, code: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('says what to do about a refused code and keeps the sign-in open for the right one', async () => {
    const s = setup()
    const begun = await s.call('connect:mastodonBegin', { workspaceId: s.workspaceId, instanceUrl: instance() })
    if (!begun.ok) throw new Error(begun.error.message)
    const refused = await s.call('connect:mastodonFinish', { signInId: begun.value.signInId, code: 'mistyped' })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: expect.stringContaining('did not accept this code') },
    })
    expect(s.db.prepare("SELECT COUNT(*) AS n FROM accounts WHERE channel = 'mastodon'").get()).toEqual({ n: 0 })

    const code = await codeShownAt(begun.value.authorizeUrl)
    expect(await s.call('connect:mastodonFinish', { signInId: begun.value.signInId, code })).toMatchObject({
      ok: true,
      value: { handle: handle() },
    })
  })

  it('refuses to connect the same account twice in a workspace', async () => {
    const s = setup()
    const connectOnce = async () => {
      const begun = await s.call('connect:mastodonBegin', { workspaceId: s.workspaceId, instanceUrl: instance() })
      if (!begun.ok) throw new Error(begun.error.message)
      return s.call('connect:mastodonFinish', {
        signInId: begun.value.signInId,
        code: await codeShownAt(begun.value.authorizeUrl),
      })
    }
    expect(await connectOnce()).toMatchObject({ ok: true })
    expect(await connectOnce()).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: expect.stringContaining(`already has a mastodon account "${handle()}"`) },
    })
    expect(s.db.prepare("SELECT COUNT(*) AS n FROM accounts WHERE channel = 'mastodon'").get()).toEqual({ n: 1 })
  })

  it('takes an instance as people name it: without https://, or by a page on it', async () => {
    const arg = connectCommands['connect:mastodonBegin'].arg
    expect(arg.parse({ workspaceId: 1, instanceUrl: ' mastodon.social ' }).instanceUrl).toBe('https://mastodon.social')
    expect(arg.safeParse({ workspaceId: 1, instanceUrl: 'ftp://mastodon.social' }).success).toBe(false)
    const s = setup()
    const begun = await s.call('connect:mastodonBegin', {
      workspaceId: s.workspaceId,
      instanceUrl: `${instance()}/@sonnenschein`,
    })
    if (!begun.ok) throw new Error(begun.error.message)
    expect(new URL(begun.value.authorizeUrl).pathname).toBe('/oauth/authorize')
    expect(await s.call('connect:mastodonBegin', { workspaceId: 999, instanceUrl: instance() })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })
})

describe('app:openExternal', () => {
  it('opens only http(s) addresses, and only where the host can', async () => {
    const opened: string[] = []
    const desktop = setup(async (url) => void opened.push(url))
    expect(await desktop.call('app:openExternal', { url: 'https://example.com/post/1' })).toEqual({
      ok: true,
      value: { opened: true },
    })
    expect(await desktop.call('app:openExternal', { url: 'file:///etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    })
    expect(await desktop.call('app:openExternal', { url: 'javascript:alert(1)' })).toMatchObject({ ok: false })
    expect(opened).toEqual(['https://example.com/post/1'])
    expect(await setup().call('app:openExternal', { url: 'https://example.com/' })).toEqual({
      ok: true,
      value: { opened: false },
    })
  })
})

describe('a connected Page syncs with its Page token', () => {
  it('pulls comments after connecting', async () => {
    const h = await syncHarness()
    try {
      const ctx: CoreContext = {
        db: h.db,
        events: h.events,
        info: { version: 't', host: 'web', dataDir: '/tmp' },
        actor: 'Anna',
        background: null,
        secrets: h.secrets,
      }
      const graphUrl = `${h.emulators.facebook.baseUrl}/v19.0`
      const workspaceId = h.workspaceId
      h.db.prepare("DELETE FROM accounts WHERE channel = 'facebook'").run()
      const connected = (await dispatch(ctx, handlers, 'connect:facebook', {
        workspaceId,
        userToken: h.emulators.facebook.control.userToken,
        pageIds: [h.emulators.facebook.control.pageId],
        baseUrl: graphUrl,
      })) as Result<CommandResult<'connect:facebook'>>
      if (!connected.ok) throw new Error(connected.error.message)
      const accountId = connected.value[0]?.id ?? 0
      expect(await h.engine.syncOnce(accountId)).toMatchObject({ status: 'synced' })
      expect(h.count('SELECT COUNT(*) AS n FROM messages WHERE account_id = ?', accountId)).toBeGreaterThan(0)
    } finally {
      await h.close()
    }
  })
})
