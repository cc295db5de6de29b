import { EarshotError } from '../../../shared/errors'
import { accessExpiresAt, listManagedPages, REQUIRED_TASKS, type ManagedPage } from '../connectors/facebook/pages'
import type { SecretStore } from '../secrets'
import type { Db } from '../store/db'
import { ACCESS_EXPIRES_AT, createAccount } from '../store/repos/accounts'
import { setSetting } from './accounts'
import { configureSocialAccount, DEFAULT_BASE_URLS } from './connectors'

export interface FacebookLogin {
  userToken: string
  /** Graph root with version; Facebook's own by default. */
  baseUrl?: string
  now?: () => number
}

/** The Pages a user token manages, for the user to choose from; Page tokens stay in the core. */
export async function pagesOfUser(
  login: FacebookLogin,
): Promise<{ id: string; name: string; category: string | null; missingTasks: string[] }[]> {
  const pages = await listManagedPages(graphConfig(login, login.userToken), AbortSignal.timeout(60_000))
  return pages.map((p) => ({ id: p.id, name: p.name, category: p.category ?? null, missingTasks: missingTasks(p) }))
}

/**
 * One account per chosen Page, each with its own Page token and the date access ends (for the
 * warning before it does). Everything is fetched first, then written in one transaction: either
 * every chosen Page is connected or none is.
 */
export async function connectFacebookPages(
  db: Db,
  secrets: SecretStore,
  arg: FacebookLogin & { workspaceId: number; pageIds: readonly string[] },
): Promise<number[]> {
  const managed = await listManagedPages(graphConfig(arg, arg.userToken), AbortSignal.timeout(60_000))
  const chosen = arg.pageIds.map((id) => {
    const page = managed.find((p) => p.id === id)
    if (!page) throw new EarshotError('INVALID', `This Facebook user does not manage a Page with the id ${id}.`)
    const missing = missingTasks(page)
    if (missing.length)
      throw new EarshotError(
        'INVALID',
        `Earshot needs the ${missing.join(' and ')} task on "${page.name}" to read and answer it.`,
      )
    return page
  })
  const withExpiry = await Promise.all(
    chosen.map(async (page) => ({
      page,
      expiresAt: await accessExpiresAt(
        graphConfig(arg, page.access_token),
        page.access_token,
        AbortSignal.timeout(30_000),
      ),
    })),
  )
  // Checked before anything is written: the secret store is not part of the transaction.
  for (const { page } of withExpiry) {
    const taken = db
      .prepare("SELECT id FROM accounts WHERE workspace_id = ? AND channel = 'facebook' AND handle = ?")
      .get(arg.workspaceId, page.name)
    if (taken) throw new EarshotError('INVALID', `"${page.name}" is already connected in this workspace.`)
  }
  return db.transaction(() =>
    withExpiry.map(({ page, expiresAt }) => {
      const id = createAccount(db, {
        workspaceId: arg.workspaceId,
        channel: 'facebook',
        handle: page.name,
        displayName: page.name,
      })
      configureSocialAccount(db, secrets, {
        accountId: id,
        token: page.access_token,
        providerId: page.id,
        ...(arg.baseUrl ? { baseUrl: arg.baseUrl } : {}),
      })
      setSetting(db, id, ACCESS_EXPIRES_AT, expiresAt === null ? null : String(expiresAt))
      return id
    }),
  )()
}

const missingTasks = (page: ManagedPage): string[] => REQUIRED_TASKS.filter((task) => !page.tasks.includes(task))

const graphConfig = (login: FacebookLogin, token: string) => ({
  baseUrl: login.baseUrl ?? DEFAULT_BASE_URLS.facebook,
  token,
  now: login.now ?? Date.now,
})
