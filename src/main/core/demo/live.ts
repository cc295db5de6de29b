import { startEmulators, type Emulators } from '../../../../emulators/index'
import type { Core } from '../index'
import { setAccountState } from '../sync/accounts'
import { connectDemoFeed, pauseFeed } from '../watch/demo-feed'
import { configureSocialAccount } from '../sync/connectors'
import { startDemoMailServer, type DemoMailServer } from './demo-mail'
import { DEMO_ACCOUNT_REASON } from './generate'
import { DEMO_LABEL, SCENARIO } from './scenario'
import { connectDemoOpenNetworks } from './open-networks'

/** The demo's live accounts are polled this often, so new traffic shows up within seconds. */
export const LIVE_POLL_SECONDS = 5

export interface DemoTraffic {
  /** Where the emulators listen: X's API root and Facebook's Graph root (with /v19.0). */
  readonly xBaseUrl: string
  readonly facebookBaseUrl: string
  /** The running emulators, for tests in the same process. */
  readonly emulators: Emulators
  /** The local Dovecot feeding the bakery's demo mail account, or why there is none. */
  readonly mail: DemoMailServer
  close(): Promise<void>
}

interface LiveAccounts {
  workspaceId: number
  x: number
  facebook: number
}

/** The bakery demo workspace (the scenario's first business) and its X and Facebook accounts, if present. */
function findLiveAccounts(core: Core): LiveAccounts | null {
  const bakeryName = `${DEMO_LABEL}${SCENARIO[0]?.business.name ?? ''}`
  const workspace = core.db
    .prepare('SELECT id FROM workspaces WHERE is_demo = 1 AND archived_at IS NULL ORDER BY name = ? DESC, id LIMIT 1')
    .get(bakeryName) as { id: number } | undefined
  if (!workspace) return null
  const accountOf = (channel: 'x' | 'facebook') =>
    (core.db.prepare('SELECT id FROM accounts WHERE workspace_id = ? AND channel = ? ORDER BY id LIMIT 1').get(workspace.id, channel) as
      | { id: number }
      | undefined)?.id
  const x = accountOf('x')
  const facebook = accountOf('facebook')
  return x !== undefined && facebook !== undefined ? { workspaceId: workspace.id, x, facebook } : null
}

/**
 * Live traffic for the demo: starts the emulators in their 'demo' scenario (a new mention or comment
 * every few seconds) and connects the bakery's X, Facebook, Bluesky and Mastodon accounts to them.
 * When Dovecot is installed, a local mail server feeds a demo mail account too (./demo-mail.ts).
 * Runs on every start, since the emulators get new ports each time. Returns null when the data
 * directory holds no demo (the user removed it, or started without one): nothing is started then.
 */
export async function startDemoTraffic(
  core: Core,
  options: {
    port?: number
    mail?: boolean
    /** Told as soon as the emulators serve, before the (slower) mail server has started. */
    onEmulators?: (urls: { xBaseUrl: string; facebookBaseUrl: string; feedsBaseUrl: string; blueskyBaseUrl: string; mastodonBaseUrl: string }) => void
  } = {},
): Promise<DemoTraffic | null> {
  const live = findLiveAccounts(core)
  if (!live) return null
  const emulators = await startEmulators({ scenario: 'demo', ...(options.port !== undefined ? { port: options.port } : {}) })
  const facebookBaseUrl = `${emulators.facebook.baseUrl}/v19.0`
  const secrets = core.secretStore()
  core.db.transaction(() => {
    const connect = (accountId: number, baseUrl: string, token: string | null, providerId: string) => {
      configureSocialAccount(core.db, secrets, { accountId, baseUrl, token: token ?? '', providerId, pollSeconds: LIVE_POLL_SECONDS })
      // Each start is a new emulator world: positions saved against the last one would skip its items.
      core.db.prepare('DELETE FROM sync_cursors WHERE account_id = ?').run(accountId)
      core.db.prepare("DELETE FROM account_settings WHERE account_id = ? AND key = 'retryAt'").run(accountId)
      setAccountState(core.db, accountId, 'active', null)
    }
    connect(live.x, emulators.x.baseUrl, emulators.x.control.token, emulators.x.control.me.id)
    connect(live.facebook, facebookBaseUrl, emulators.facebook.control.token, emulators.facebook.control.pageId)
  })()
  // The bakery is on Bluesky and Mastodon too, with accounts the first live start adds.
  const openNetworks = await connectDemoOpenNetworks(core.db, secrets, { workspaceId: live.workspaceId, emulators, pollSeconds: LIVE_POLL_SECONDS })
  core.events.emit('db:changed', { tables: ['accounts'], workspaceId: live.workspaceId, ids: [live.x, live.facebook, ...openNetworks] })
  // The bakery also watches the emulated food blog, which names it now and then.
  const demoFeed = connectDemoFeed(core.db, live.workspaceId, emulators.feeds.control.url('blog'))
  core.events.emit('db:changed', { tables: ['feeds'], workspaceId: live.workspaceId, ids: [demoFeed] })
  options.onEmulators?.({
    xBaseUrl: emulators.x.baseUrl, facebookBaseUrl, feedsBaseUrl: emulators.feeds.baseUrl,
    blueskyBaseUrl: emulators.bluesky.baseUrl, mastodonBaseUrl: emulators.mastodon.baseUrl,
  })
  const mail: DemoMailServer = options.mail === false ? { status: 'off' } : await startDemoMailServer(core, live.workspaceId)
  return {
    xBaseUrl: emulators.x.baseUrl,
    facebookBaseUrl,
    emulators,
    mail,
    async close() {
      if (mail.status === 'running') await mail.close()
      // Paused again, so a later start without live traffic (--no-live) does not poll dead ports.
      for (const id of [live.x, live.facebook, ...openNetworks]) setAccountState(core.db, id, 'paused', DEMO_ACCOUNT_REASON)
      pauseFeed(core.db, demoFeed)
      await emulators.close()
    },
  }
}
