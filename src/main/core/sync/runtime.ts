import type { EventBus } from '../events'
import type { SecretStore } from '../secrets'
import type { Db } from '../store/db'
import type { Connector } from '../connectors/types'
import { listSyncAccountIds, loadSyncAccount, type SyncAccount } from './accounts'
import { socialConnectorFactory } from './connectors'
import { emailConnectorFactory, emailPageWriterFor } from './email-accounts'
import { createSyncEngine, type SyncEngine, type SyncOutcome } from './engine'
import { createOutboxWorker } from './outbox'

export interface BackgroundDeps {
  db: Db
  events: EventBus
  secrets: SecretStore
  /** Mail attachments are written under `<dataDir>/attachments`. */
  dataDir: string
  /** How often queued replies are retried when nothing else wakes the outbox. */
  outboxIntervalMs?: number
}

export interface BackgroundWork {
  readonly engine: SyncEngine
  /** Sends what is queued now (after a reply was queued, or a sync brought an account back). */
  kickOutbox(): void
  syncNow(accountId?: number): Promise<void>
  stop(): Promise<void>
}

/** One place that knows every channel's connector. */
export function connectorFactory(deps: { db: Db; secrets: SecretStore; dataDir: string }): (account: SyncAccount) => Connector | null {
  const social = socialConnectorFactory(deps)
  const email = emailConnectorFactory(deps)
  return (account) => (account.channel === 'email' ? email(account) : social(account))
}

function engineAndOutbox(deps: BackgroundDeps) {
  const connectorFor = connectorFactory(deps)
  const engine = createSyncEngine({
    db: deps.db,
    events: deps.events,
    secrets: deps.secrets,
    connectorFor,
    pageWriterFor: emailPageWriterFor(deps.db),
    onAccountState: (change) => deps.events.emit('account:state', change),
  })
  const outbox = createOutboxWorker({ db: deps.db, events: deps.events, connectorFor })
  return { engine, outbox }
}

/**
 * What runs while a host is up: the sync scheduler and the outbox. The outbox first settles every
 * reply a crash left in 'sending' (looked up at the provider), and only then sends anything.
 */
export function startBackgroundWork(deps: BackgroundDeps): BackgroundWork {
  const { engine, outbox } = engineAndOutbox(deps)
  let draining: Promise<unknown> = Promise.resolve()
  const ready = outbox.reconcile().catch((error: unknown) => console.error('earshot: outbox reconcile failed', error))
  const kickOutbox = () => {
    draining = draining.then(() => ready).then(() => outbox.drain()).catch((error: unknown) => {
      console.error('earshot: outbox failed', error)
    })
  }
  void ready.then(() => engine.start())
  const timer = setInterval(kickOutbox, deps.outboxIntervalMs ?? 5_000)
  timer.unref()
  return {
    engine,
    kickOutbox,
    async syncNow(accountId) {
      const ids = accountId === undefined ? listSyncAccountIds(deps.db) : [accountId]
      await Promise.all(ids.map((id) => engine.syncOnce(id)))
      kickOutbox()
    },
    async stop() {
      clearInterval(timer)
      outbox.stop()
      await engine.stop()
      await draining
    },
  }
}

export interface OnceResult {
  account: SyncAccount
  outcome: SyncOutcome
}

/**
 * One pass without the scheduler (`earshot sync --once`): settle interrupted replies, sync the given
 * accounts (default: every non-paused one), then send what is queued once.
 */
export async function syncOnceAndDrain(deps: BackgroundDeps, accountIds?: number[]): Promise<{ results: OnceResult[]; sent: number }> {
  const { engine, outbox } = engineAndOutbox(deps)
  try {
    await outbox.reconcile()
    const accounts = (accountIds ?? listSyncAccountIds(deps.db)).map((id) => loadSyncAccount(deps.db, id)).filter((a) => a !== null)
    const results = await Promise.all(accounts.map(async (account) => ({ account, outcome: await engine.syncOnce(account.id) })))
    const sent = await outbox.drain()
    return { results, sent }
  } finally {
    outbox.stop()
    await engine.stop()
  }
}
