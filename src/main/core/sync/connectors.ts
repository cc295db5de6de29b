import type { Db } from '../store/db'
import { secretRef, type SecretStore } from '../secrets'
import type { Connector } from '../connectors/types'
import { createXConnector } from '../connectors/x/connector'
import { createFacebookConnector } from '../connectors/facebook/connector'
import { getSetting, listenQueries, setSetting, type SyncAccount } from './accounts'
import { xAuthFor } from './x-auth'

/** The secret name under which an account's API token is kept. */
export const TOKEN_SECRET = 'token'

export const DEFAULT_BASE_URLS = { x: 'https://api.x.com', facebook: 'https://graph.facebook.com/v19.0' } as const

/**
 * Connection settings of an X or Facebook account: base URL (an emulator's in tests and the demo) and
 * the provider's own id of the account, kept in account_settings; the token goes to the SecretStore.
 */
export function configureSocialAccount(
  db: Db,
  secrets: SecretStore,
  arg: { accountId: number; baseUrl?: string; token: string; providerId?: string; pollSeconds?: number },
): void {
  if (arg.baseUrl) setSetting(db, arg.accountId, 'baseUrl', arg.baseUrl)
  if (arg.providerId) setSetting(db, arg.accountId, 'providerId', arg.providerId)
  if (arg.pollSeconds) setSetting(db, arg.accountId, 'pollSeconds', String(arg.pollSeconds))
  secrets.set(secretRef(arg.accountId, TOKEN_SECRET), arg.token)
}

/** Builds the connector for an X or Facebook account; null when no token is stored (the account needs connecting). */
export function socialConnectorFactory(deps: { db: Db; secrets: SecretStore; now?: () => number; pageSize?: number }) {
  const renewals = new Map<number, Promise<string | null>>()
  return (account: SyncAccount): Connector | null => {
    const token = deps.secrets.get(secretRef(account.id, TOKEN_SECRET))
    if (!token) return null
    const providerId = getSetting(deps.db, account.id, 'providerId')
    const common = { token, ...(deps.now ? { now: deps.now } : {}) }
    if (account.channel === 'x') {
      const baseUrl = getSetting(deps.db, account.id, 'baseUrl') ?? DEFAULT_BASE_URLS.x
      const auth = xAuthFor({ db: deps.db, secrets: deps.secrets, now: deps.now ?? Date.now }, renewals, account.id, baseUrl)
      if (!auth) return null
      return createXConnector({
        ...(deps.now ? { now: deps.now } : {}),
        auth,
        baseUrl,
        userId: providerId,
        listenQueries: listenQueries(deps.db, account.id),
        ...(deps.pageSize ? { pageSize: deps.pageSize } : {}),
      })
    }
    if (account.channel === 'facebook') {
      return createFacebookConnector({ ...common, baseUrl: getSetting(deps.db, account.id, 'baseUrl') ?? DEFAULT_BASE_URLS.facebook, pageId: providerId })
    }
    return null
  }
}
