import { EarshotError } from '../../../shared/errors'
import type { Db } from '../store/db'
import { secretRef, type SecretStore } from '../secrets'
import type { Connector } from '../connectors/types'
import {
  createSession,
  deleteSession,
  tokenScope,
  type BlueskyTokens,
  type SessionStore,
} from '../connectors/bluesky/client'
import { createBlueskyConnector } from '../connectors/bluesky/connector'
import { getSetting, listenQueries, setSetting, type SyncAccount } from './accounts'
import { claimAccount } from './account-claim'

/** The secret holding a Bluesky account's session (access and refresh token, JSON); never the password. */
export const SESSION_SECRET = 'session'
export const DEFAULT_BLUESKY_URL = 'https://bsky.social'
/** The scope of a session opened with an account's main password (an app password's is com.atproto.appPass). */
const MAIN_PASSWORD_SCOPE = 'com.atproto.access'

export interface BlueskySignIn {
  baseUrl?: string
  /** The handle (`bakery.bsky.social`) or DID. */
  identifier: string
  appPassword: string
  pollSeconds?: number
}

/**
 * Signs in with an app password and connects the account (new, or one waiting for a reconnect).
 * Only the session is kept, never the password; a session opened with the main password is ended
 * at once and refused: an app password can be revoked on its own, the main password cannot.
 */
export async function connectBlueskyAccount(
  db: Db,
  secrets: SecretStore,
  arg: BlueskySignIn & { workspaceId: number },
): Promise<number> {
  const baseUrl = arg.baseUrl ?? DEFAULT_BLUESKY_URL
  const session = await createSession({ baseUrl, identifier: arg.identifier, password: arg.appPassword })
  if (tokenScope(session.accessJwt) === MAIN_PASSWORD_SCOPE) {
    await deleteSession(baseUrl, session.refreshJwt)
    throw new EarshotError(
      'INVALID',
      'That is the account’s main password. Earshot signs in to Bluesky only with an app password: create one under Settings → Privacy and security → App passwords.',
    )
  }
  return db.transaction(() => {
    const id = claimAccount(db, {
      workspaceId: arg.workspaceId,
      channel: 'bluesky',
      handle: `@${session.handle}`,
      displayName: session.handle,
    })
    storeBlueskyConnection(db, secrets, id, {
      baseUrl,
      did: session.did,
      tokens: session,
      ...(arg.pollSeconds ? { pollSeconds: arg.pollSeconds } : {}),
    })
    return id
  })()
}

/** Where a Bluesky account connects and as whom (its DID); the session goes to the SecretStore. */
export function storeBlueskyConnection(
  db: Db,
  secrets: SecretStore,
  accountId: number,
  arg: { baseUrl: string; did: string; tokens: BlueskyTokens; pollSeconds?: number },
): void {
  setSetting(db, accountId, 'baseUrl', arg.baseUrl)
  setSetting(db, accountId, 'providerId', arg.did)
  if (arg.pollSeconds) setSetting(db, accountId, 'pollSeconds', String(arg.pollSeconds))
  secrets.set(
    secretRef(accountId, SESSION_SECRET),
    JSON.stringify({ accessJwt: arg.tokens.accessJwt, refreshJwt: arg.tokens.refreshJwt }),
  )
}

/**
 * Connectors for Bluesky accounts with a stored session. Renewals of one account are chained in
 * `lanes`, which every connector of this factory shares (sync and outbox alike).
 */
export function blueskyConnectorFactory(deps: { db: Db; secrets: SecretStore; now?: () => number; pageSize?: number }) {
  const lanes = new Map<number, Promise<unknown>>()
  return (account: SyncAccount): Connector | null => {
    const did = getSetting(deps.db, account.id, 'providerId')
    const session = sessionStore(deps.secrets, account.id, lanes)
    if (account.channel !== 'bluesky' || !did || !session.load()) return null
    return createBlueskyConnector({
      baseUrl: getSetting(deps.db, account.id, 'baseUrl') ?? DEFAULT_BLUESKY_URL,
      session,
      did,
      listenQueries: listenQueries(deps.db, account.id),
      ...(deps.now ? { now: deps.now } : {}),
      ...(deps.pageSize ? { pageSize: deps.pageSize } : {}),
    })
  }
}

function sessionStore(secrets: SecretStore, accountId: number, lanes: Map<number, Promise<unknown>>): SessionStore {
  const ref = secretRef(accountId, SESSION_SECRET)
  return {
    load() {
      const stored = secrets.get(ref)
      if (!stored) return null
      try {
        const parsed = JSON.parse(stored) as Partial<BlueskyTokens>
        return parsed.accessJwt && parsed.refreshJwt
          ? { accessJwt: parsed.accessJwt, refreshJwt: parsed.refreshJwt }
          : null
      } catch {
        return null
      }
    },
    save: (tokens) => secrets.set(ref, JSON.stringify(tokens)),
    exclusive(run) {
      const turn = (lanes.get(accountId) ?? Promise.resolve()).catch(() => undefined).then(run)
      lanes.set(accountId, turn)
      return turn
    },
  }
}
