import { EarshotError } from '../../../shared/errors'
import type { Db } from '../store/db'
import type { SecretStore } from '../secrets'
import { createAccount } from '../store/repos/accounts'
import type { EmailSettings } from '../connectors/email/index'
import { configureSocialAccount } from './connectors'
import { configureEmailAccount } from './email-accounts'
import type { XSignedIn } from '../connectors/x/sign-in'
import { storeXTokens } from './x-auth'

function assertHandleFree(db: Db, workspaceId: number, channel: string, handle: string): void {
  const taken = db.prepare('SELECT id FROM accounts WHERE workspace_id = ? AND channel = ? AND handle = ?').get(workspaceId, channel, handle) as
    | { id: number }
    | undefined
  if (taken) throw new EarshotError('INVALID', `This workspace already has a ${channel} account "${handle}" (account ${taken.id}).`)
}

/** A new, active mail account: row and settings in one transaction, the password in the SecretStore. */
export function addEmailAccount(db: Db, secrets: SecretStore, arg: { workspaceId: number; settings: EmailSettings; password: string }): number {
  assertHandleFree(db, arg.workspaceId, 'email', arg.settings.address)
  const accountId = db.transaction(() => {
    const id = createAccount(db, { workspaceId: arg.workspaceId, channel: 'email', handle: arg.settings.address, displayName: arg.settings.address })
    configureEmailAccount(db, secrets, { accountId: id, settings: arg.settings, password: arg.password })
    return id
  })()
  return accountId
}

export interface SocialAccountSetup {
  workspaceId: number
  channel: 'x' | 'facebook'
  handle: string
  token: string
  baseUrl?: string
  providerId?: string
  pollSeconds?: number
}

/** A new, active X or Facebook account, connected with an API token (kept in the SecretStore). */
export function addSocialAccount(db: Db, secrets: SecretStore, arg: SocialAccountSetup): number {
  assertHandleFree(db, arg.workspaceId, arg.channel, arg.handle)
  return db.transaction(() => {
    const id = createAccount(db, { workspaceId: arg.workspaceId, channel: arg.channel, handle: arg.handle, displayName: arg.handle })
    configureSocialAccount(db, secrets, {
      accountId: id,
      token: arg.token,
      ...(arg.baseUrl ? { baseUrl: arg.baseUrl } : {}),
      ...(arg.providerId ? { providerId: arg.providerId } : {}),
      ...(arg.pollSeconds ? { pollSeconds: arg.pollSeconds } : {}),
    })
    return id
  })()
}

/** A new X account signed in with OAuth 2.0 (PKCE): named after its @handle, renewed with its refresh token. */
export function addXAccountSignedIn(
  db: Db,
  secrets: SecretStore,
  arg: { workspaceId: number; baseUrl?: string; clientId: string; signedIn: XSignedIn; pollSeconds?: number },
): number {
  const handle = `@${arg.signedIn.user.username}`
  assertHandleFree(db, arg.workspaceId, 'x', handle)
  return db.transaction(() => {
    const id = createAccount(db, { workspaceId: arg.workspaceId, channel: 'x', handle, displayName: arg.signedIn.user.name })
    configureSocialAccount(db, secrets, {
      accountId: id,
      token: arg.signedIn.tokens.accessToken,
      providerId: arg.signedIn.user.id,
      ...(arg.baseUrl ? { baseUrl: arg.baseUrl } : {}),
      ...(arg.pollSeconds ? { pollSeconds: arg.pollSeconds } : {}),
    })
    storeXTokens({ db, secrets }, id, arg.signedIn.tokens, arg.clientId)
    return id
  })()
}
