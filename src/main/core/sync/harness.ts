import { startEmulators, type EmulatorOptions, type Emulators } from '../../../../emulators/index'
import { EventBus } from '../events'
import type { SecretStore } from '../secrets'
import { testStore } from '../store/test-support'
import { configureSocialAccount, socialConnectorFactory } from './connectors'
import { createSyncEngine } from './engine'
import { createOutboxWorker } from './outbox'

/** An in-memory secret store; for tests only. */
export function memorySecrets(): SecretStore {
  const values = new Map<string, string>()
  return { get: (ref) => values.get(ref) ?? null, set: (ref, value) => void values.set(ref, value), delete: (ref) => void values.delete(ref) }
}

/** A clock tests move by hand, shared by the emulators and the engine. */
export function manualClock(start = Date.parse('2026-03-02T09:00:00Z')) {
  let current = start
  return { now: () => current, advance: (ms: number) => void (current += ms), set: (ms: number) => void (current = ms) }
}

/**
 * Real emulators, a migrated store with X and Facebook accounts wired to them, engine and outbox. The
 * store is in memory unless `dataFile` names a file (then the engine stores pages on its own thread).
 */
export async function syncHarness(options: EmulatorOptions & { pageSize?: number; dataFile?: string } = {}) {
  const clock = manualClock()
  const emulators: Emulators = await startEmulators({ now: clock.now, ...options })
  const store = testStore(options.dataFile)
  const secrets = memorySecrets()
  const events = new EventBus()
  configureSocialAccount(store.db, secrets, { accountId: store.accounts.x, baseUrl: emulators.x.baseUrl, token: emulators.x.control.token ?? '' })
  configureSocialAccount(store.db, secrets, {
    accountId: store.accounts.facebook, baseUrl: `${emulators.facebook.baseUrl}/v19.0`, token: emulators.facebook.control.token ?? '',
  })
  // The email account belongs to another connector; keep the scheduler off it here.
  store.db.prepare("UPDATE accounts SET state = 'paused' WHERE id = ?").run(store.accounts.email)
  const connectorFor = socialConnectorFactory({ db: store.db, secrets, now: clock.now, ...(options.pageSize ? { pageSize: options.pageSize } : {}) })
  const engine = createSyncEngine({ db: store.db, events, secrets, connectorFor, now: clock.now, random: () => 0.5 })
  const outbox = createOutboxWorker({ db: store.db, events, connectorFor, now: clock.now, random: () => 0.5 })
  const count = (sql: string, ...params: unknown[]) => (store.db.prepare(sql).get(...params) as { n: number }).n
  return {
    ...store, clock, emulators, secrets, events, engine, outbox, count,
    close: async () => {
      await engine.stop()
      outbox.stop()
      await emulators.close()
      store.db.close()
    },
  }
}
