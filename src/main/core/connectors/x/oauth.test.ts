import { afterEach, describe, expect, it } from 'vitest'
import { DEMO_CLIENT_ID } from '../../../../../emulators/x/oauth'
import { syncHarness } from '../../sync/harness'
import { addXAccountSignedIn } from '../../sync/account-setup'
import { openLoopbackRedirect } from '../loopback-redirect'
import { ConnectorError } from '../types'
import { authorizationUrl, createPkce, exchangeCode, pkceChallenge } from './oauth'
import { signInWithX } from './sign-in'

/** The browser's part: follow the consent page's redirect to the loopback server. */
const consent = async (url: string) => {
  await fetch(url)
}

let h: Awaited<ReturnType<typeof syncHarness>> | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

describe('X OAuth 2.0 with PKCE', () => {
  it('derives the S256 challenge of RFC 7636 appendix B', () => {
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    )
    const { verifier, challenge } = createPkce()
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(challenge).toBe(pkceChallenge(verifier))
  })

  it('signs in through a loopback redirect and names the account after the user', async () => {
    h = await syncHarness({ mentions: 3 })
    const opened: string[] = []
    const signedIn = await signInWithX({
      apiBaseUrl: h.emulators.x.baseUrl,
      clientId: DEMO_CLIENT_ID,
      now: h.clock.now,
      open: async (url) => {
        opened.push(url)
        await consent(url)
      },
    })
    const asked = new URL(opened[0] ?? '')
    expect(asked.pathname).toBe('/i/oauth2/authorize')
    expect(asked.searchParams.get('code_challenge_method')).toBe('S256')
    expect(asked.searchParams.get('scope')).toContain('offline.access')
    expect(asked.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/)
    expect(signedIn.user.username).toBe(h.emulators.x.control.me.username)
    expect(signedIn.tokens.refreshToken).toBeTruthy()
    expect(signedIn.tokens.expiresAt).toBe(h.clock.now() + 7200_000)
  })

  it('refuses a code redeemed with another verifier', async () => {
    h = await syncHarness()
    const redirect = await openLoopbackRedirect({ state: 's1' })
    const pkce = createPkce()
    const url = authorizationUrl(`${h.emulators.x.baseUrl}/i/oauth2/authorize`, {
      clientId: DEMO_CLIENT_ID,
      redirectUri: redirect.redirectUri,
      state: 's1',
      challenge: pkce.challenge,
    })
    await consent(url)
    const code = await redirect.code
    await redirect.close()
    const client = { apiBaseUrl: h.emulators.x.baseUrl, clientId: DEMO_CLIENT_ID }
    const attempt = exchangeCode(client, { code, redirectUri: redirect.redirectUri, verifier: createPkce().verifier })
    await expect(attempt).rejects.toMatchObject({ kind: 'auth' })
  })

  it('ignores a redirect with a foreign state and fails on a provider error', async () => {
    const redirect = await openLoopbackRedirect({ state: 'mine' })
    const foreign = await fetch(`${redirect.redirectUri}?state=other&code=stolen`)
    expect(foreign.status).toBe(400)
    await fetch(`${redirect.redirectUri}?state=mine&error=access_denied`)
    await expect(redirect.code).rejects.toThrow(/access_denied/)
    await redirect.close()
  })

  it('renews an expired access token with the refresh token and keeps syncing; a revoked grant asks to reconnect', async () => {
    h = await syncHarness({ mentions: 5 })
    const harness = h
    const signedIn = await signInWithX({
      apiBaseUrl: harness.emulators.x.baseUrl,
      clientId: DEMO_CLIENT_ID,
      now: harness.clock.now,
      open: consent,
    })
    const accountId = addXAccountSignedIn(harness.db, harness.secrets, {
      workspaceId: harness.workspaceId,
      baseUrl: harness.emulators.x.baseUrl,
      clientId: DEMO_CLIENT_ID,
      signedIn,
    })
    expect(await harness.engine.syncOnce(accountId)).toMatchObject({ status: 'synced' })

    harness.clock.advance(3 * 3600_000) // past the 2-hour access token
    harness.emulators.x.control.addMention()
    expect(await harness.engine.syncOnce(accountId)).toMatchObject({ status: 'synced', inserted: 1 })
    expect(harness.secrets.get(`account:${accountId}:token`)).not.toBe(signedIn.tokens.accessToken)

    harness.emulators.x.control.oauth.revokeRefreshTokens()
    harness.clock.advance(3 * 3600_000)
    const outcome = await harness.engine.syncOnce(accountId)
    expect(outcome).toMatchObject({ status: 'failed', kind: 'auth' })
    expect(harness.db.prepare('SELECT state FROM accounts WHERE id = ?').get(accountId)).toEqual({ state: 'reconnect' })
  })

  it('gives up and closes its port when the browser never comes back', async () => {
    const redirect = await openLoopbackRedirect({ state: 'late', timeoutMs: 50 })
    await expect(redirect.code).rejects.toThrow(/not completed in time/)
    await new Promise((resolve) => setTimeout(resolve, 20))
    await expect(fetch(redirect.redirectUri)).rejects.toThrow()
  })

  it('reports a token endpoint that cannot be reached as transient', async () => {
    const client = { apiBaseUrl: 'http://127.0.0.1:9', clientId: DEMO_CLIENT_ID }
    const attempt = exchangeCode(client, { code: 'c', redirectUri: 'http://127.0.0.1:1/callback', verifier: 'v' })
    await expect(attempt).rejects.toBeInstanceOf(ConnectorError)
    await expect(attempt).rejects.toMatchObject({ kind: 'transient' })
  })
})
