import type { Emulators } from '../../../../emulators/index'
import type { Channel } from '../../../shared/domain'
import { createSession } from '../connectors/bluesky/client'
import type { SecretStore } from '../secrets'
import type { Db } from '../store/db'
import { createAccount } from '../store/repos/accounts'
import { setAccountState } from '../sync/accounts'
import { storeBlueskyConnection } from '../sync/bluesky-accounts'
import { storeMastodonConnection } from '../sync/mastodon-accounts'

/**
 * The demo bakery on Bluesky and Mastodon, fed by their emulators. The generated demo has no such
 * accounts, so the first live start adds them; every start connects them again, as a person would:
 * Bluesky with the emulated shop's app password, Mastodon with the token its instance issued.
 * Returns the two accounts, for pausing when the emulators stop.
 */
export async function connectDemoOpenNetworks(
  db: Db,
  secrets: SecretStore,
  arg: { workspaceId: number; emulators: Pick<Emulators, 'bluesky' | 'mastodon'>; pollSeconds: number },
): Promise<number[]> {
  const { bluesky, mastodon } = arg.emulators
  const session = await createSession({
    baseUrl: bluesky.baseUrl,
    identifier: bluesky.control.identifier,
    password: bluesky.control.appPassword,
  })
  const shop = mastodon.control.me
  return db.transaction(() => {
    const accountOf = (channel: Channel, handle: string, displayName: string) =>
      (db
        .prepare('SELECT id FROM accounts WHERE workspace_id = ? AND channel = ? ORDER BY id LIMIT 1')
        .pluck()
        .get(arg.workspaceId, channel) as number | undefined) ??
      createAccount(db, { workspaceId: arg.workspaceId, channel, handle, displayName })
    const blueskyId = accountOf('bluesky', `@${session.handle}`, bluesky.control.me.displayName)
    storeBlueskyConnection(db, secrets, blueskyId, {
      baseUrl: bluesky.baseUrl,
      did: session.did,
      tokens: session,
      pollSeconds: arg.pollSeconds,
    })
    const mastodonId = accountOf('mastodon', `@${shop.acct}`, shop.display_name)
    storeMastodonConnection(db, secrets, mastodonId, {
      baseUrl: mastodon.baseUrl,
      token: mastodon.control.token ?? '',
      accountId: shop.id,
      pollSeconds: arg.pollSeconds,
    })
    for (const id of [blueskyId, mastodonId]) {
      // Each start is a new emulator world: positions saved against the last one would skip its items.
      db.prepare('DELETE FROM sync_cursors WHERE account_id = ?').run(id)
      db.prepare("DELETE FROM account_settings WHERE account_id = ? AND key = 'retryAt'").run(id)
      setAccountState(db, id, 'active', null)
    }
    return [blueskyId, mastodonId]
  })()
}
