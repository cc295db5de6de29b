import { randomUUID } from 'node:crypto'
import type { connectCommands } from '../../../../shared/commands/connect'
import { EarshotError, notFound } from '../../../../shared/errors'
import type { Account } from '../../../../shared/domain'
import { ConnectorError } from '../../connectors/types'
import { beginXSignIn, type PendingXSignIn } from '../../connectors/x/sign-in'
import { recordAudit } from '../../store/repos/audit'
import { listAccounts } from '../../store/repos/accounts'
import { addXAccountSignedIn } from '../../sync/account-setup'
import { DEFAULT_BASE_URLS } from '../../sync/connectors'
import { connectBlueskyAccount } from '../../sync/bluesky-accounts'
import { connectFacebookPages, pagesOfUser } from '../../sync/facebook-pages'
import { connectMastodonAccount, mastodonSignInUrl } from '../../sync/mastodon-accounts'
import type { CoreContext } from '../context'
import type { HandlersFor } from '../dispatch'
import { changed } from './support'

/** X sign-ins waiting for the browser, by id; each ends (and leaves this map) on finish, cancel or timeout. */
const pendingSignIns = new Map<
  string,
  { pending: PendingXSignIn; workspaceId: number; clientId: string; baseUrl: string | undefined }
>()

/**
 * Mastodon sign-ins waiting for the code the instance shows, by id. Nothing secret is kept here (the
 * app registration is in the SecretStore), so an abandoned one is merely forgotten after a while.
 */
const pendingMastodon = new Map<string, { workspaceId: number; baseUrl: string; startedAt: number }>()
/** Longer than an instance keeps its code valid (Mastodon: ten minutes), so a live sign-in is never dropped. */
const MASTODON_SIGN_IN_TTL_MS = 30 * 60_000

function forgetAbandonedMastodonSignIns(now: number): void {
  for (const [id, entry] of pendingMastodon)
    if (now - entry.startedAt > MASTODON_SIGN_IN_TTL_MS) pendingMastodon.delete(id)
}

function secretsOf(ctx: CoreContext) {
  if (!ctx.secrets) throw new EarshotError('UNAVAILABLE', 'Accounts can be connected only in the running app.')
  return ctx.secrets
}

function assertWorkspace(ctx: CoreContext, workspaceId: number) {
  if (!ctx.db.prepare('SELECT 1 FROM workspaces WHERE id = ?').get(workspaceId))
    throw notFound(`Workspace ${workspaceId}`)
}

/** A provider's refusal is the user's to read (wrong token, missing permission), not an internal error. */
async function providerCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof ConnectorError)
      throw new EarshotError(error.kind === 'transient' ? 'UNAVAILABLE' : 'INVALID', error.message)
    throw error
  }
}

function accountsAdded(ctx: CoreContext, workspaceId: number, ids: number[], action: string): Account[] {
  for (const id of ids)
    recordAudit(ctx.db, { workspaceId, actor: ctx.actor, action, targetType: 'account', targetId: id })
  changed(ctx, ['accounts'], workspaceId)
  ctx.background?.syncNow().catch(() => undefined)
  return listAccounts(ctx.db, workspaceId).filter((a) => ids.includes(a.id))
}

function accountAdded(ctx: CoreContext, workspaceId: number, id: number): Account {
  const [account] = accountsAdded(ctx, workspaceId, [id], 'account.connect')
  if (!account) throw notFound(`Account ${id}`)
  return account
}

export const connectHandlers: HandlersFor<typeof connectCommands> = {
  'connect:xBegin': async (ctx, { workspaceId, clientId, baseUrl }) => {
    secretsOf(ctx)
    assertWorkspace(ctx, workspaceId)
    const pending = await providerCall(() => beginXSignIn({ apiBaseUrl: baseUrl ?? DEFAULT_BASE_URLS.x, clientId }))
    const signInId = randomUUID()
    pendingSignIns.set(signInId, { pending, workspaceId, clientId, baseUrl })
    return { signInId, authorizeUrl: pending.authorizeUrl }
  },
  'connect:xFinish': async (ctx, { signInId }) => {
    const entry = pendingSignIns.get(signInId)
    if (!entry) throw notFound('This sign-in')
    try {
      const signedIn = await providerCall(() => entry.pending.finish())
      const id = addXAccountSignedIn(ctx.db, secretsOf(ctx), {
        workspaceId: entry.workspaceId,
        clientId: entry.clientId,
        signedIn,
        ...(entry.baseUrl ? { baseUrl: entry.baseUrl } : {}),
      })
      return accountAdded(ctx, entry.workspaceId, id)
    } finally {
      pendingSignIns.delete(signInId)
    }
  },
  'connect:xCancel': async (_ctx, { signInId }) => {
    await pendingSignIns.get(signInId)?.pending.cancel()
    pendingSignIns.delete(signInId)
    return null
  },
  'connect:facebookPages': (_ctx, { userToken, baseUrl }) =>
    providerCall(() => pagesOfUser({ userToken, ...(baseUrl ? { baseUrl } : {}) })),
  'connect:facebook': async (ctx, { workspaceId, userToken, pageIds, baseUrl }) => {
    assertWorkspace(ctx, workspaceId)
    const ids = await providerCall(() =>
      connectFacebookPages(ctx.db, secretsOf(ctx), {
        workspaceId,
        userToken,
        pageIds,
        ...(baseUrl ? { baseUrl } : {}),
      }),
    )
    return accountsAdded(ctx, workspaceId, ids, 'account.connect')
  },
  'connect:bluesky': async (ctx, { workspaceId, handle, appPassword, baseUrl }) => {
    assertWorkspace(ctx, workspaceId)
    const id = await providerCall(() =>
      connectBlueskyAccount(ctx.db, secretsOf(ctx), {
        workspaceId,
        // People copy handles with their @; the server knows them without it.
        identifier: handle.replace(/^@/, ''),
        appPassword,
        ...(baseUrl ? { baseUrl } : {}),
      }),
    )
    return accountAdded(ctx, workspaceId, id)
  },
  'connect:mastodonBegin': async (ctx, { workspaceId, instanceUrl }) => {
    const secrets = secretsOf(ctx)
    assertWorkspace(ctx, workspaceId)
    // The instance is its origin: every API path starts there, and the app registration is kept per origin.
    const baseUrl = new URL(instanceUrl).origin
    const authorizeUrl = await providerCall(() => mastodonSignInUrl(secrets, baseUrl))
    const now = Date.now()
    forgetAbandonedMastodonSignIns(now)
    const signInId = randomUUID()
    pendingMastodon.set(signInId, { workspaceId, baseUrl, startedAt: now })
    return { signInId, authorizeUrl }
  },
  'connect:mastodonFinish': async (ctx, { signInId, code }) => {
    const entry = pendingMastodon.get(signInId)
    if (!entry) throw notFound('This sign-in')
    // A refused code (mistyped, used or expired) leaves the sign-in open for the next one.
    const id = await providerCall(() =>
      connectMastodonAccount(ctx.db, secretsOf(ctx), {
        workspaceId: entry.workspaceId,
        baseUrl: entry.baseUrl,
        code,
      }),
    )
    pendingMastodon.delete(signInId)
    return accountAdded(ctx, entry.workspaceId, id)
  },
  'app:openExternal': async (ctx, { url }) => {
    if (!ctx.openExternal) return { opened: false }
    await ctx.openExternal(url)
    return { opened: true }
  },
}
