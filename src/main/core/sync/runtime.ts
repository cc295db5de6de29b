import type { EventBus } from '../events'
import type { SecretStore } from '../secrets'
import type { Db } from '../store/db'
import type { Connector } from '../connectors/types'
import { listSyncAccountIds, loadSyncAccount, type SyncAccount } from './accounts'
import { socialConnectorFactory } from './connectors'
import { blueskyConnectorFactory } from './bluesky-accounts'
import { mastodonConnectorFactory } from './mastodon-accounts'
import { emailConnectorFactory, emailPageWriterFor } from './email-accounts'
import { createSyncEngine, type SyncEngine, type SyncOutcome } from './engine'
import { createOutboxWorker } from './outbox'
import { startSnoozeWaker } from '../inbox/snooze-waker'
import { watchAssignedWork } from '../insight/assigned'
import { startSlaTicker } from '../insight/sla-alerts'
import { startGroundswellWatch } from '../insight/groundswell-watch'
import { startRollupFolding } from '../insight/reports/rollup'
import { createFeedWatcher, type FeedWatcher } from '../watch/watcher'

export interface BackgroundDeps {
  db: Db
  events: EventBus
  secrets: SecretStore
  /** Mail attachments are written under `<dataDir>/attachments`. */
  dataDir: string
  /** How often queued replies are retried when nothing else wakes the outbox. */
  outboxIntervalMs?: number
  /** The person at this app (the core's actor): new work assigned to them raises 'assigned' alerts. */
  agent?: () => string
}

export interface BackgroundWork {
  readonly engine: SyncEngine
  /** The web watch: polls the watched RSS/Atom feeds. */
  readonly feeds: FeedWatcher
  /** Sends what is queued now (after a reply was queued, or a sync brought an account back). */
  kickOutbox(): void
  syncNow(accountId?: number): Promise<void>
  stop(): Promise<void>
}

/** One place that knows every channel's connector. */
export function connectorFactory(deps: { db: Db; secrets: SecretStore; dataDir: string }): (account: SyncAccount) => Connector | null {
  const social = socialConnectorFactory(deps)
  const email = emailConnectorFactory(deps)
  const bluesky = blueskyConnectorFactory(deps)
  const mastodon = mastodonConnectorFactory(deps)
  return (account) => {
    if (account.channel === 'email') return email(account)
    if (account.channel === 'bluesky') return bluesky(account)
    if (account.channel === 'mastodon') return mastodon(account)
    return social(account)
  }
}

/** `onRepliesDue`: a sync got through to a provider that was unreachable, and replies waiting for it are due now. */
function engineAndOutbox(deps: BackgroundDeps, onRepliesDue: () => void = () => undefined) {
  const connectorFor = connectorFactory(deps)
  const outbox = createOutboxWorker({ db: deps.db, events: deps.events, connectorFor })
  const engine = createSyncEngine({
    db: deps.db,
    events: deps.events,
    secrets: deps.secrets,
    connectorFor,
    pageWriterFor: emailPageWriterFor(deps.db),
    onAccountState: (change) => deps.events.emit('account:state', change),
    onSynced: (accountId) => {
      if (outbox.wake(accountId) > 0) onRepliesDue()
    },
  })
  return { engine, outbox }
}

/**
 * What runs while a host is up: the sync scheduler, the outbox, the snooze waker and the web watch. The outbox first
 * settles every reply a crash left in 'sending' (looked up at the provider), and only then sends anything.
 */
export function startBackgroundWork(deps: BackgroundDeps): BackgroundWork {
  const { engine, outbox } = engineAndOutbox(deps, () => kickOutbox())
  let draining: Promise<unknown> = Promise.resolve()
  let dueTimer: NodeJS.Timeout | null = null
  let stopped = false
  const ready = outbox.reconcile().catch((error: unknown) => console.error('earshot: outbox reconcile failed', error))
  // Wakes the outbox the moment the next reply's undo time or backoff ends, not at the next interval.
  const wakeWhenDue = () => {
    if (dueTimer) clearTimeout(dueTimer)
    if (stopped) return
    const dueAt = outbox.nextDueAt()
    dueTimer = dueAt === null ? null : setTimeout(kickOutbox, Math.max(0, dueAt - Date.now()))
    dueTimer?.unref()
  }
  const kickOutbox = () => {
    draining = draining
      .then(() => ready)
      .then(() => outbox.drain())
      .then(wakeWhenDue)
      .catch((error: unknown) => {
        console.error('earshot: outbox failed', error)
      })
  }
  void ready.then(() => engine.start())
  const timer = setInterval(kickOutbox, deps.outboxIntervalMs ?? 5_000)
  timer.unref()
  const snoozes = startSnoozeWaker({ db: deps.db, events: deps.events })
  // Response-time clocks and their due-soon, overdue and reach alerts.
  const serviceLevels = startSlaTicker({ db: deps.db, events: deps.events })
  // Moods of messages stored before sentiment existed, then spikes of negative mentions.
  const groundswell = startGroundswellWatch({ db: deps.db, events: deps.events })
  // Message counts for reports, folded in the background so a report reads them ready.
  const rollup = startRollupFolding(deps.db)
  const feeds = createFeedWatcher({ db: deps.db, events: deps.events })
  feeds.start()
  const assigned = deps.agent === undefined ? null : watchAssignedWork({ db: deps.db, events: deps.events, agent: deps.agent })
  return {
    engine,
    feeds,
    kickOutbox,
    async syncNow(accountId) {
      const ids = accountId === undefined ? listSyncAccountIds(deps.db) : [accountId]
      await Promise.all(ids.map((id) => engine.syncOnce(id)))
      kickOutbox()
    },
    async stop() {
      stopped = true
      clearInterval(timer)
      if (dueTimer) clearTimeout(dueTimer)
      snoozes.stop()
      serviceLevels.stop()
      assigned?.stop()
      await groundswell.stop()
      await rollup.stop()
      outbox.stop()
      await Promise.all([engine.stop(), feeds.stop()])
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
