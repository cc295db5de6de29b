import { createHash, randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { readBody, sendJson } from '../shared/http'

/**
 * X's OAuth 2.0 authorization-code flow with PKCE, as a public client sees it: the consent page
 * (`/i/oauth2/authorize`, answered at once as if the user clicked "Authorize app") and the token
 * endpoint (`POST /2/oauth2/token`: authorization_code and rotating refresh_token grants). Access
 * tokens expire after `accessTtlSeconds` (X: 2 hours).
 */
export const DEMO_CLIENT_ID = 'earshot-desktop'

interface PendingCode {
  clientId: string
  redirectUri: string
  challenge: string
  scope: string
  expiresAt: number
}

export function createXOAuth(arg: {
  now: () => number
  grant: (token: string) => void
  revoke: (token: string) => void
}) {
  const clients = new Set([DEMO_CLIENT_ID])
  const codes = new Map<string, PendingCode>()
  const accessExpiry = new Map<string, number>()
  const refreshTokens = new Map<string, { clientId: string; accessToken: string }>()
  let accessTtlSeconds = 7200

  const authorize = (res: ServerResponse, url: URL) => {
    const p = url.searchParams
    const redirectUri = p.get('redirect_uri') ?? ''
    const clientId = p.get('client_id') ?? ''
    // Without a trustworthy redirect target the error cannot be sent back: show it here (RFC 6749 §4.1.2.1).
    if (!clients.has(clientId) || !isLoopback(redirectUri)) {
      return sendJson(res, 400, { error: 'invalid_request', error_description: 'Unknown client_id or redirect_uri' })
    }
    const back = new URL(redirectUri)
    const state = p.get('state')
    if (state) back.searchParams.set('state', state)
    const challenge = p.get('code_challenge') ?? ''
    if (
      p.get('response_type') !== 'code' ||
      p.get('code_challenge_method') !== 'S256' ||
      challenge.length < 43 ||
      !state
    ) {
      back.searchParams.set('error', 'invalid_request')
      back.searchParams.set('error_description', 'response_type=code, state and an S256 code_challenge are required')
    } else {
      const code = randomUUID()
      codes.set(code, { clientId, redirectUri, challenge, scope: p.get('scope') ?? '', expiresAt: arg.now() + 30_000 })
      back.searchParams.set('code', code)
    }
    res.writeHead(302, { location: back.toString() }).end()
  }

  const token = async (req: IncomingMessage, res: ServerResponse) => {
    const form = new URLSearchParams(await readBody(req))
    const clientId = form.get('client_id') ?? ''
    if (!clients.has(clientId)) return refuse(res, 'invalid_client', 'Missing or unknown client_id')
    if (form.get('grant_type') === 'authorization_code') return redeemCode(res, form, clientId)
    if (form.get('grant_type') === 'refresh_token') return rotate(res, form.get('refresh_token') ?? '', clientId)
    refuse(res, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token')
  }

  const redeemCode = (res: ServerResponse, form: URLSearchParams, clientId: string) => {
    const code = form.get('code') ?? ''
    const pending = codes.get(code)
    codes.delete(code)
    const verifier = form.get('code_verifier') ?? ''
    const challenge = createHash('sha256').update(verifier).digest('base64url')
    if (
      !pending ||
      pending.expiresAt < arg.now() ||
      pending.clientId !== clientId ||
      pending.redirectUri !== form.get('redirect_uri')
    ) {
      return refuse(res, 'invalid_request', 'Value passed for the authorization code was invalid.')
    }
    if (challenge !== pending.challenge)
      return refuse(res, 'invalid_request', 'Value passed for the code verifier was invalid.')
    issue(res, clientId, pending.scope.split(' ').includes('offline.access'), pending.scope)
  }

  const rotate = (res: ServerResponse, refreshToken: string, clientId: string) => {
    const held = refreshTokens.get(refreshToken)
    if (!held || held.clientId !== clientId)
      return refuse(res, 'invalid_request', 'Value passed for the token was invalid.')
    refreshTokens.delete(refreshToken)
    arg.revoke(held.accessToken)
    issue(res, clientId, true, 'tweet.read tweet.write users.read dm.read dm.write offline.access')
  }

  const issue = (res: ServerResponse, clientId: string, withRefresh: boolean, scope: string) => {
    const accessToken = `x-oauth-${randomUUID()}`
    arg.grant(accessToken)
    accessExpiry.set(accessToken, arg.now() + accessTtlSeconds * 1000)
    const refreshToken = withRefresh ? `x-refresh-${randomUUID()}` : undefined
    if (refreshToken) refreshTokens.set(refreshToken, { clientId, accessToken })
    sendJson(res, 200, {
      token_type: 'bearer',
      expires_in: accessTtlSeconds,
      access_token: accessToken,
      scope,
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
    })
  }

  return {
    authorize,
    token,
    /** An OAuth access token past its lifetime; bearer tokens from issueToken() never expire. */
    expired: (accessToken: string) => (accessExpiry.get(accessToken) ?? Infinity) <= arg.now(),
    control: {
      registerClient: (clientId: string) => clients.add(clientId),
      setAccessTtl: (seconds: number) => {
        accessTtlSeconds = seconds
      },
      /** Every refresh token stops working, as when the user revokes the app at x.com. */
      revokeRefreshTokens: () => refreshTokens.clear(),
    },
  }
}

function refuse(res: ServerResponse, error: string, description: string) {
  sendJson(res, 400, { error, error_description: description })
}

function isLoopback(uri: string): boolean {
  if (!URL.canParse(uri)) return false
  const url = new URL(uri)
  return (
    url.protocol === 'http:' &&
    (url.hostname === '127.0.0.1' || url.hostname === '[::1]' || url.hostname === 'localhost')
  )
}
