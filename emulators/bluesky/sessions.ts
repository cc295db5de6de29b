import { randomUUID } from 'node:crypto'
import type { Fault } from '../shared/http'
import type { BskyState } from './state'

/**
 * The shop's sessions, as a PDS keeps them (com.atproto.server.*Session): an access token that
 * expires after two hours and a refresh token that works once, each refresh starting a new pair.
 * The app password opens an app-password session; the main password one with full access.
 */
export const APP_PASSWORD = 'sonn-enbl-ickx-2026'
export const MAIN_PASSWORD = 'brezeln-und-kaffee'
const ACCESS_TTL_MS = 2 * 3_600_000

/** An XRPC refusal: status, error name, message. */
export type Refusal = [number, string, string]

interface Token {
  did: string
  kind: 'access' | 'refresh'
  expiresAt: number
  revoked: boolean
  pair: string
}

/** A token in JWT form (unsigned, as tests need only its claims): clients read the scope from it. */
function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part({ typ: 'at+jwt', alg: 'none' })}.${part({ ...claims, jti: randomUUID() })}.emulator`
}

export function createSessions(arg: { now: () => number; state: BskyState }) {
  const tokens = new Map<string, Token>()

  const issue = (did: string, scope: string) => {
    const pair = randomUUID()
    const iat = Math.floor(arg.now() / 1000)
    const accessJwt = jwt({ scope, sub: did, iat, exp: iat + ACCESS_TTL_MS / 1000 })
    const refreshJwt = jwt({ scope: 'com.atproto.refresh', sub: did, iat })
    tokens.set(accessJwt, { did, kind: 'access', expiresAt: arg.now() + ACCESS_TTL_MS, revoked: false, pair })
    tokens.set(refreshJwt, { did, kind: 'refresh', expiresAt: Number.POSITIVE_INFINITY, revoked: false, pair })
    return { did, handle: arg.state.actorOrThrow(did).handle, accessJwt, refreshJwt, active: true }
  }

  const endPair = (bearer: string | null) => {
    const pair = tokens.get(bearer ?? '')?.pair
    for (const token of tokens.values()) if (token.pair === pair) token.revoked = true
  }

  return {
    /** createSession: only the shop has credentials here. */
    signIn(identifier: unknown, password: unknown): ReturnType<typeof issue> | Refusal {
      const actor = typeof identifier === 'string' ? arg.state.resolve(identifier) : undefined
      const scope =
        password === APP_PASSWORD ? 'com.atproto.appPass' : password === MAIN_PASSWORD ? 'com.atproto.access' : null
      if (!actor || actor.did !== arg.state.me.did || !scope)
        return [401, 'AuthenticationRequired', 'Invalid identifier or password']
      return issue(actor.did, scope)
    },
    /** refreshSession: the refresh token's pair ends, a new one begins. */
    refresh(bearer: string | null, did: string) {
      endPair(bearer)
      return issue(did, 'com.atproto.appPass')
    },
    /** deleteSession. */
    end: endPair,
    /** Who the bearer token speaks for, or the refusal (a scripted fault first). */
    authenticate(bearer: string | null, kind: 'access' | 'refresh', fault: Fault | null): { did: string } | Refusal {
      if (!bearer) return [401, 'AuthenticationRequired', 'Authentication Required']
      const token = tokens.get(bearer)
      if (fault?.kind === 'revoked-permission' || !token || token.kind !== kind)
        return [401, 'InvalidToken', 'Token could not be verified']
      if (fault?.kind === 'expired-token' || token.expiresAt <= arg.now())
        return [400, 'ExpiredToken', 'Token has expired']
      if (token.revoked) return [400, 'ExpiredToken', 'Token has been revoked']
      return { did: token.did }
    },
    /** Every access token stops working, as after two hours; refresh tokens still do. */
    expireAccessTokens() {
      for (const token of tokens.values()) if (token.kind === 'access') token.expiresAt = arg.now()
    },
    /** Every session ends (app password revoked): refreshing fails too, the account must sign in again. */
    revokeAll() {
      for (const token of tokens.values()) token.revoked = true
    },
  }
}
