import { openLoopbackRedirect } from '../loopback-redirect'
import { xCall, fixedToken } from './client'
import { authorizationUrl, createOAuthState, createPkce, exchangeCode, X_AUTHORIZE_URL, type XTokens } from './oauth'
import { XMe } from './schemas'

export interface XSignIn {
  apiBaseUrl: string
  clientId: string
  /** The consent page; X's own unless an emulator or proxy serves it (then `<apiBaseUrl>/i/oauth2/authorize`). */
  authorizeUrl?: string
  /** A fixed loopback port, for an X app whose callback URL names one (default: any free port). */
  port?: number
  /** Shows the consent page to the user: the desktop opens the browser, the CLI prints the address. */
  open(url: string): void | Promise<void>
  timeoutMs?: number
  now?: () => number
}

export interface XSignedIn {
  tokens: XTokens
  user: { id: string; username: string; name: string }
}

export interface PendingXSignIn {
  /** The consent page to show the user. */
  authorizeUrl: string
  /** Resolves when X sends the browser back and the code is exchanged; rejects on refusal or timeout. */
  finish(): Promise<XSignedIn>
  cancel(): Promise<void>
}

/**
 * Starts a user sign-in: PKCE pair and state, a loopback redirect, and the consent page's address.
 * `finish` exchanges the code and fetches the signed-in user, so the account is named after its
 * @handle without asking.
 */
export async function beginXSignIn(arg: Omit<XSignIn, 'open'>): Promise<PendingXSignIn> {
  const pkce = createPkce()
  const state = createOAuthState()
  const redirect = await openLoopbackRedirect({ state, ...(arg.port ? { port: arg.port } : {}), ...(arg.timeoutMs ? { timeoutMs: arg.timeoutMs } : {}) })
  const consentPage = arg.authorizeUrl ?? defaultAuthorizeUrl(arg.apiBaseUrl)
  const authorizeUrl = authorizationUrl(consentPage, { clientId: arg.clientId, redirectUri: redirect.redirectUri, state, challenge: pkce.challenge })
  const finish = async (): Promise<XSignedIn> => {
    try {
      const code = await redirect.code
      const tokens = await exchangeCode({ apiBaseUrl: arg.apiBaseUrl, clientId: arg.clientId }, { code, redirectUri: redirect.redirectUri, verifier: pkce.verifier }, arg.now)
      const me = await xCall(
        { baseUrl: arg.apiBaseUrl, auth: fixedToken(tokens.accessToken), now: arg.now ?? Date.now },
        { method: 'GET', path: '/2/users/me' },
        XMe,
        AbortSignal.timeout(30_000),
      )
      return { tokens, user: me.data }
    } finally {
      await redirect.close()
    }
  }
  return { authorizeUrl, finish, cancel: redirect.close }
}

/** The whole sign-in in one call, for callers that can show the consent page themselves (the CLI). */
export async function signInWithX(arg: XSignIn): Promise<XSignedIn> {
  const pending = await beginXSignIn(arg)
  try {
    await arg.open(pending.authorizeUrl)
  } catch (error) {
    await pending.cancel()
    throw error
  }
  return pending.finish()
}

function defaultAuthorizeUrl(apiBaseUrl: string): string {
  return new URL(apiBaseUrl).hostname === 'api.x.com' ? X_AUTHORIZE_URL : new URL('/i/oauth2/authorize', apiBaseUrl).toString()
}
