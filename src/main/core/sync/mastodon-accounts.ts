import type { MastodonReplyFacts } from '../../../shared/replyRules'
import type { Db } from '../store/db'
import { secretRef, type SecretStore } from '../secrets'
import type { Connector } from '../connectors/types'
import { createMastodonConnector } from '../connectors/mastodon/connector'
import {
  authorizationUrl,
  exchangeCode,
  fetchInstanceLimits,
  registerApp,
  verifyCredentials,
  type InstanceLimits,
  type MastodonApp,
} from '../connectors/mastodon/oauth'
import { createThreadRepo } from '../mail/repo'
import { getSetting, setSetting, type SyncAccount } from './accounts'
import { claimAccount } from './account-claim'
import { TOKEN_SECRET } from './connectors'

/** account_settings key: the instance's limits as JSON, with when they were read. */
export const INSTANCE_LIMITS_KEY = 'instanceLimits'
/** What Mastodon itself ships with, for an instance whose limits were not read yet. */
export const DEFAULT_INSTANCE_LIMITS: InstanceLimits = { maxCharacters: 500, urlLength: 23 }

/** Earshot's registration with one instance: the same app serves every account there. */
const appRef = (baseUrl: string) => `mastodon-app:${new URL(baseUrl).origin}`

/**
 * Earshot's app on this instance, registered on first use. Its client secret is a secret, so the
 * registration lives in the SecretStore, keyed by the instance rather than an account: the sign-in
 * spans two steps (show the consent page, then take the code) and no account exists in between.
 */
export async function mastodonAppFor(secrets: SecretStore, baseUrl: string): Promise<MastodonApp> {
  const stored = secrets.get(appRef(baseUrl))
  if (stored) {
    const app = JSON.parse(stored) as Partial<MastodonApp>
    if (app.clientId && app.clientSecret && app.redirectUri)
      return { clientId: app.clientId, clientSecret: app.clientSecret, redirectUri: app.redirectUri }
  }
  const app = await registerApp(baseUrl)
  secrets.set(appRef(baseUrl), JSON.stringify(app))
  return app
}

/** Step one of the sign-in: the page on the instance where the person allows Earshot and gets a code. */
export async function mastodonSignInUrl(secrets: SecretStore, baseUrl: string): Promise<string> {
  return authorizationUrl(baseUrl, await mastodonAppFor(secrets, baseUrl))
}

/** Step two: trades the code for a token and connects the account (new, or one waiting for a reconnect). */
export async function connectMastodonAccount(
  db: Db,
  secrets: SecretStore,
  arg: { workspaceId: number; baseUrl: string; code: string; pollSeconds?: number; now?: number },
): Promise<number> {
  const token = await exchangeCode(arg.baseUrl, await mastodonAppFor(secrets, arg.baseUrl), arg.code)
  const me = await verifyCredentials(arg.baseUrl, token)
  const limits = await fetchInstanceLimits(arg.baseUrl)
  const host = new URL(arg.baseUrl).host
  return db.transaction(() => {
    const id = claimAccount(db, {
      workspaceId: arg.workspaceId,
      channel: 'mastodon',
      handle: `@${me.username}@${host}`,
      displayName: me.display_name || me.username,
    })
    storeMastodonConnection(db, secrets, id, {
      baseUrl: arg.baseUrl,
      token,
      accountId: me.id,
      ...(arg.pollSeconds ? { pollSeconds: arg.pollSeconds } : {}),
    })
    saveInstanceLimits(db, id, limits, arg.now ?? Date.now())
    return id
  })()
}

/** Where a Mastodon account connects and as whom (its id on the instance); the token goes to the SecretStore. */
export function storeMastodonConnection(
  db: Db,
  secrets: SecretStore,
  accountId: number,
  arg: { baseUrl: string; token: string; accountId: string; pollSeconds?: number },
): void {
  setSetting(db, accountId, 'baseUrl', arg.baseUrl)
  setSetting(db, accountId, 'providerId', arg.accountId)
  if (arg.pollSeconds) setSetting(db, accountId, 'pollSeconds', String(arg.pollSeconds))
  secrets.set(secretRef(accountId, TOKEN_SECRET), arg.token)
}

function saveInstanceLimits(db: Db, accountId: number, limits: InstanceLimits, checkedAt: number): void {
  setSetting(db, accountId, INSTANCE_LIMITS_KEY, JSON.stringify({ ...limits, checkedAt }))
}

/** The limits last read from the account's instance, and when; null before the first read. */
export function loadInstanceLimits(db: Db, accountId: number): (InstanceLimits & { checkedAt: number }) | null {
  const stored = getSetting(db, accountId, INSTANCE_LIMITS_KEY)
  if (!stored) return null
  try {
    const parsed = JSON.parse(stored) as Partial<InstanceLimits & { checkedAt: number }>
    if (typeof parsed.maxCharacters !== 'number' || typeof parsed.urlLength !== 'number') return null
    return { maxCharacters: parsed.maxCharacters, urlLength: parsed.urlLength, checkedAt: parsed.checkedAt ?? 0 }
  } catch {
    return null
  }
}

/**
 * What a reply's length depends on in a Mastodon conversation: the instance's limits (its defaults
 * until they were read) and the customer's handle, which the reply gains when it lacks it.
 */
export function mastodonReplyFacts(db: Db, conversationId: number): MastodonReplyFacts {
  const row = db
    .prepare(
      `SELECT c.account_id, (SELECT i.handle FROM messages m JOIN identities i ON i.id = m.author_identity_id
                             WHERE m.conversation_id = c.id AND m.direction = 'in' ORDER BY m.sent_at DESC, m.id DESC LIMIT 1) AS handle
       FROM conversations c WHERE c.id = ?`,
    )
    .get(conversationId) as { account_id: number; handle: string | null } | undefined
  const limits = row ? loadInstanceLimits(db, row.account_id) : null
  return {
    ...DEFAULT_INSTANCE_LIMITS,
    ...(limits ? { maxCharacters: limits.maxCharacters, urlLength: limits.urlLength } : {}),
    mention: row?.handle ?? null,
  }
}

/** Connectors for Mastodon accounts with a stored token; they keep the instance's limits up to date. */
export function mastodonConnectorFactory(deps: {
  db: Db
  secrets: SecretStore
  now?: () => number
  pageSize?: number
}) {
  const now = deps.now ?? Date.now
  return (account: SyncAccount): Connector | null => {
    const token = deps.secrets.get(secretRef(account.id, TOKEN_SECRET))
    const baseUrl = getSetting(deps.db, account.id, 'baseUrl')
    const accountId = getSetting(deps.db, account.id, 'providerId')
    if (account.channel !== 'mastodon' || !token || !baseUrl || !accountId) return null
    const threads = createThreadRepo(deps.db, account.id)
    return createMastodonConnector({
      baseUrl,
      token,
      accountId,
      threadOf: (statusId) => threads.conversationOfMessage(statusId),
      limitsCheckedAt: loadInstanceLimits(deps.db, account.id)?.checkedAt ?? null,
      onInstanceLimits: (limits) => saveInstanceLimits(deps.db, account.id, limits, now()),
      now,
      ...(deps.pageSize ? { pageSize: deps.pageSize } : {}),
    })
  }
}
