import type { Db } from '../store/db'
import { secretRef, type SecretStore } from '../secrets'
import { fixedToken, type XAuth } from '../connectors/x/client'
import { refreshTokens, type XTokens } from '../connectors/x/oauth'
import { ConnectorError } from '../connectors/types'
import { getSetting, setSetting } from './accounts'

/** Secret names of an account connected through OAuth: the access token is TOKEN_SECRET ('token'). */
export const REFRESH_SECRET = 'refresh'
/** Renew this long before X's stated expiry, so no request races the deadline. */
const RENEW_MARGIN_MS = 60_000

interface Deps {
  db: Db
  secrets: SecretStore
  now: () => number
}

/** Keeps a freshly granted or refreshed user token: access and refresh token in the SecretStore, expiry and client beside the account. */
export function storeXTokens(deps: Omit<Deps, 'now'>, accountId: number, tokens: XTokens, clientId: string): void {
  deps.secrets.set(secretRef(accountId, 'token'), tokens.accessToken)
  if (tokens.refreshToken) deps.secrets.set(secretRef(accountId, REFRESH_SECRET), tokens.refreshToken)
  setSetting(deps.db, accountId, 'oauthClientId', clientId)
  setSetting(deps.db, accountId, 'tokenExpiresAt', String(tokens.expiresAt))
}

/**
 * The access token source for one X account. A bearer token (no refresh token stored) is used as is.
 * An OAuth user token is renewed before it expires and when X answers 401. X rotates refresh tokens,
 * so two renewals must never run at once for one account: `inFlight` is shared by every connector the
 * factory builds (sync and outbox alike).
 */
export function xAuthFor(
  deps: Deps,
  inFlight: Map<number, Promise<string | null>>,
  accountId: number,
  baseUrl: string,
): XAuth | null {
  const token = deps.secrets.get(secretRef(accountId, 'token'))
  if (!token) return null
  const clientId = getSetting(deps.db, accountId, 'oauthClientId')
  if (!clientId || !deps.secrets.get(secretRef(accountId, REFRESH_SECRET))) return fixedToken(token)

  const renew = (): Promise<string | null> => {
    const running = inFlight.get(accountId)
    if (running) return running
    const next = renewOnce(deps, accountId, { apiBaseUrl: baseUrl, clientId }).finally(() => inFlight.delete(accountId))
    inFlight.set(accountId, next)
    return next
  }
  return {
    async token() {
      const expiresAt = Number(getSetting(deps.db, accountId, 'tokenExpiresAt') ?? 0)
      const current = deps.secrets.get(secretRef(accountId, 'token'))
      if (current && expiresAt - deps.now() > RENEW_MARGIN_MS) return current
      return (await renew()) ?? current ?? ''
    },
    renew,
  }
}

async function renewOnce(
  deps: Deps,
  accountId: number,
  client: { apiBaseUrl: string; clientId: string },
): Promise<string | null> {
  const refreshToken = deps.secrets.get(secretRef(accountId, REFRESH_SECRET))
  if (!refreshToken) return null
  try {
    const tokens = await refreshTokens(client, refreshToken, deps.now)
    storeXTokens(deps, accountId, tokens, client.clientId)
    return tokens.accessToken
  } catch (error) {
    // A refused refresh means the grant is gone: the caller's 401 turns the account to 'reconnect'.
    if (error instanceof ConnectorError && error.kind === 'auth') return null
    throw error
  }
}
