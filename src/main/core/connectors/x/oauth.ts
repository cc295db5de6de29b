import { createHash, randomBytes } from 'node:crypto'
import { z } from 'zod'
import { ConnectorError } from '../types'

/**
 * X's OAuth 2.0 authorization-code flow with PKCE (RFC 7636) for a public client: a desktop app
 * cannot keep a client secret, so the code is bound to a one-time verifier instead.
 */

/** What Earshot asks for: read and answer mentions and DMs, and a refresh token (offline.access). */
export const X_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'dm.read', 'dm.write', 'offline.access'] as const

/** X's consent page lives on x.com, its token endpoint on the API host. */
export const X_AUTHORIZE_URL = 'https://x.com/i/oauth2/authorize'

export interface XOAuthClient {
  /** API root; the token endpoint is `<apiBaseUrl>/2/oauth2/token`. */
  apiBaseUrl: string
  clientId: string
}

export interface XTokens {
  accessToken: string
  /** Present when offline.access was granted; X rotates it on every refresh. */
  refreshToken: string | null
  expiresAt: number
}

export interface Pkce {
  verifier: string
  challenge: string
}

const base64url = (bytes: Buffer): string => bytes.toString('base64url')

/** S256 challenge of a verifier (RFC 7636 §4.2). */
export const pkceChallenge = (verifier: string): string => base64url(createHash('sha256').update(verifier).digest())

/** 32 random bytes give a 43-character verifier, the shortest RFC 7636 allows and plenty of entropy. */
export function createPkce(): Pkce {
  const verifier = base64url(randomBytes(32))
  return { verifier, challenge: pkceChallenge(verifier) }
}

export const createOAuthState = (): string => base64url(randomBytes(16))

export function authorizationUrl(
  authorizeUrl: string,
  arg: { clientId: string; redirectUri: string; state: string; challenge: string },
): string {
  const url = new URL(authorizeUrl)
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: arg.clientId,
    redirect_uri: arg.redirectUri,
    scope: X_SCOPES.join(' '),
    state: arg.state,
    code_challenge: arg.challenge,
    code_challenge_method: 'S256',
  }).toString()
  return url.toString()
}

const TokenResponse = z.object({
  token_type: z.string().refine((t) => t.toLowerCase() === 'bearer', 'token_type must be bearer'),
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  refresh_token: z.string().min(1).optional(),
  scope: z.string().optional(),
})
const TokenError = z.object({ error: z.string(), error_description: z.string().optional() })

export function exchangeCode(
  client: XOAuthClient,
  arg: { code: string; redirectUri: string; verifier: string },
  now: () => number = Date.now,
): Promise<XTokens> {
  return tokenRequest(
    client,
    { grant_type: 'authorization_code', code: arg.code, redirect_uri: arg.redirectUri, code_verifier: arg.verifier },
    now,
  )
}

export function refreshTokens(
  client: XOAuthClient,
  refreshToken: string,
  now: () => number = Date.now,
): Promise<XTokens> {
  return tokenRequest(client, { grant_type: 'refresh_token', refresh_token: refreshToken }, now)
}

async function tokenRequest(client: XOAuthClient, form: Record<string, string>, now: () => number): Promise<XTokens> {
  const url = new URL('/2/oauth2/token', client.apiBaseUrl)
  let response: Response
  let text: string
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...form, client_id: client.clientId }).toString(),
      signal: AbortSignal.timeout(30_000),
    })
    text = await response.text()
  } catch (error) {
    throw new ConnectorError('transient', `X's token endpoint could not be reached: ${(error as Error).message}`)
  }
  const json = parseJson(text)
  if (!response.ok) {
    const problem = TokenError.safeParse(json)
    const reason = problem.success ? (problem.data.error_description ?? problem.data.error) : `HTTP ${response.status}`
    // 400/401 from the token endpoint means this grant is dead (code used, refresh token revoked).
    const kind = response.status >= 500 ? 'transient' : 'auth'
    throw new ConnectorError(kind, `X refused the sign-in (${reason}). Connect the account again.`)
  }
  const parsed = TokenResponse.safeParse(json)
  if (!parsed.success)
    throw new ConnectorError(
      'malformed',
      `X's token endpoint sent an unexpected answer: ${parsed.error.message.slice(0, 200)}`,
    )
  return {
    accessToken: parsed.data.access_token,
    refreshToken: parsed.data.refresh_token ?? null,
    expiresAt: now() + parsed.data.expires_in * 1000,
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
