import { startBlueskyEmulator, type BlueskyEmulatorOptions } from '../../../../emulators/bluesky/server'
import { startMastodonEmulator, type MastodonEmulatorOptions } from '../../../../emulators/mastodon/server'
import { EventBus } from '../events'
import { createAccount } from '../store/repos/accounts'
import { testStore } from '../store/test-support'
import type { SyncAccount } from './accounts'
import { blueskyConnectorFactory, connectBlueskyAccount } from './bluesky-accounts'
import { createSyncEngine } from './engine'
import { manualClock, memorySecrets } from './harness'
import { mastodonConnectorFactory, storeMastodonConnection } from './mastodon-accounts'
import { createOutboxWorker } from './outbox'

export interface OpenNetworkHarnessOptions {
  mentions?: number
  pageSize?: number
  bluesky?: Omit<BlueskyEmulatorOptions, 'now'>
  mastodon?: Omit<MastodonEmulatorOptions, 'now'>
}

/**
 * The Bluesky and Mastodon emulators on one manual clock, a migrated in-memory store with a Bluesky
 * account signed in with the emulator's app password (as the CLI does it) and a Mastodon account
 * holding the emulator's token, and the engine and outbox sharing one connector factory, as at runtime.
 */
export async function openNetworkHarness(options: OpenNetworkHarnessOptions = {}) {
  const clock = manualClock()
  const mentions = options.mentions !== undefined ? { mentions: options.mentions } : {}
  const bluesky = await startBlueskyEmulator({ now: clock.now, ...mentions, ...options.bluesky })
  const mastodon = await startMastodonEmulator({ now: clock.now, ...mentions, ...options.mastodon })
  const store = testStore()
  // The other channels belong to other connectors; keep the scheduler off them here.
  store.db.prepare("UPDATE accounts SET state = 'paused'").run()
  const secrets = memorySecrets()
  const events = new EventBus()
  const accounts = {
    bluesky: await connectBlueskyAccount(store.db, secrets, {
      workspaceId: store.workspaceId,
      baseUrl: bluesky.baseUrl,
      identifier: bluesky.control.identifier,
      appPassword: bluesky.control.appPassword,
    }),
    mastodon: createAccount(store.db, {
      workspaceId: store.workspaceId,
      channel: 'mastodon',
      handle: '@sonnenschein',
      displayName: 'Sonnenschein',
    }),
  }
  storeMastodonConnection(store.db, secrets, accounts.mastodon, {
    baseUrl: mastodon.baseUrl,
    token: mastodon.control.token ?? '',
    accountId: mastodon.control.me.id,
  })
  const factoryDeps = {
    db: store.db,
    secrets,
    now: clock.now,
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
  }
  const blueskyConnectors = blueskyConnectorFactory(factoryDeps)
  const mastodonConnectors = mastodonConnectorFactory(factoryDeps)
  const connectorFor = (account: SyncAccount) =>
    account.channel === 'bluesky' ? blueskyConnectors(account) : mastodonConnectors(account)
  const engine = createSyncEngine({ db: store.db, events, secrets, connectorFor, now: clock.now, random: () => 0.5 })
  const outbox = createOutboxWorker({ db: store.db, events, connectorFor, now: clock.now, random: () => 0.5 })
  const count = (sql: string, ...params: unknown[]) =>
    store.db
      .prepare(sql)
      .pluck()
      .get(...params) as number
  return {
    db: store.db,
    workspaceId: store.workspaceId,
    accounts,
    clock,
    secrets,
    events,
    engine,
    outbox,
    connectorFor,
    count,
    emulators: { bluesky, mastodon },
    close: async () => {
      await engine.stop()
      outbox.stop()
      await Promise.all([bluesky.close(), mastodon.close()])
      store.db.close()
    },
  }
}
