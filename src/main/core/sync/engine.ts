import type { Db } from '../store/db'
import type { EventBus } from '../events'
import { secretRef, type SecretStore } from '../secrets'
import { createIngestor, type IngestOutcome } from '../store/ingest'
import { ConnectorError, type Connector, type PullPage } from '../connectors/types'
import { getSetting, listSyncAccountIds, loadCursors, loadSyncAccount, setAccountState, setSetting, type SyncAccount } from './accounts'
import { backoffDelay } from './backoff'
import { TOKEN_SECRET } from './connectors'
import { startIngestThread } from './ingest-thread'
import { nextTurn } from '../next-turn'

/** Proposed contract event `account:state`; the engine reports through this callback until it exists. */
export interface AccountStateChange {
  accountId: number
  state: 'active' | 'reconnect' | 'error'
  reason: string | null
  retryAt: number | null
}

/** Stores one pulled page, its items and its cursor (the cursor in the same transaction as the last items). */
export type PageWriter = (page: PullPage) => IngestOutcome | Promise<IngestOutcome>

export interface SyncEngineDeps {
  db: Db
  events: EventBus
  secrets: SecretStore
  connectorFor(account: SyncAccount): Connector | null
  /**
   * For channels whose pages carry more than items (mail: attachment rows, quarantined input): the
   * writer that stores all of it with the cursor. Null or absent: the generic ingest of page.items.
   */
  pageWriterFor?(account: SyncAccount): PageWriter | null
  now?: () => number
  random?: () => number
  onAccountState?: (change: AccountStateChange) => void
  /** The account answered a whole sync: the provider is reachable (the outbox wakes replies that waited for it). */
  onSynced?: (accountId: number) => void
  /** How often the scheduler looks for due accounts. */
  tickMs?: number
}

export type SyncOutcome =
  | { status: 'synced'; inserted: number; updated: number }
  | { status: 'skipped'; reason: 'paused' | 'not-due' | 'running' }
  | { status: 'failed'; kind: ConnectorError['kind'] | 'internal'; message: string; nextAt: number }

interface Schedule { nextAt: number; failures: number; running: Promise<SyncOutcome> | null }

const DEFAULT_POLL_SECONDS = 60

export function createSyncEngine(deps: SyncEngineDeps) {
  const now = deps.now ?? Date.now
  const random = deps.random ?? Math.random
  // Where the store is a file, synced pages are stored on a thread of their own (ingest-thread.ts);
  // an in-memory store (tests) is written on this one.
  const ingestThread = startIngestThread(deps.db)
  const ingestHere = ingestThread ? null : createIngestor(deps.db)
  // Node compiles its fetch (undici, ~2 MB of JS) on first use, synchronously: touching one of its
  // classes here, as the host starts, keeps that 30–80 ms out of the first sync.
  void globalThis.Headers
  const schedules = new Map<number, Schedule>()
  const controller = new AbortController()
  let timer: NodeJS.Timeout | null = null

  const scheduleOf = (accountId: number): Schedule => {
    let schedule = schedules.get(accountId)
    if (!schedule) schedules.set(accountId, (schedule = { nextAt: 0, failures: 0, running: null }))
    return schedule
  }

  /** The persisted rate-limit horizon: survives a restart, so no request is made before it. */
  const retryAtOf = (accountId: number) => Number(getSetting(deps.db, accountId, 'retryAt') ?? 0)

  const pollMs = (accountId: number) => Number(getSetting(deps.db, accountId, 'pollSeconds') ?? DEFAULT_POLL_SECONDS) * 1000

  const defaultWriter = (accountId: number): PageWriter => (page) => {
    const batch = { accountId, items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) }
    return ingestThread ? ingestThread.write(batch) : ingestHere!(batch)
  }

  const pullAll = async (account: SyncAccount, connector: Connector) => {
    let inserted = 0
    let updated = 0
    let pages = 0
    const emitProgress = (stage: string) => deps.events.emit('sync:progress', { accountId: account.id, stage, done: inserted, total: null })
    const write: PageWriter = deps.pageWriterFor?.(account) ?? defaultWriter(account.id)
    const store = async (page: PullPage) => {
      const outcome = await write(page)
      inserted += outcome.inserted
      updated += outcome.updated
      pages++
      if (outcome.inserted + outcome.updated > 0) {
        deps.events.emit('db:changed', { tables: ['messages', 'conversations', 'contacts'], workspaceId: account.workspaceId, ids: outcome.conversationIds })
      }
      emitProgress(page.cursor?.stream ?? 'page')
      // Pages are written in short transactions; yield so a 20,000-item first sync never stalls the host.
      await nextTurn()
    }
    emitProgress('started')
    // A page is stored while the next one is fetched, but only after the one before it: a page's
    // cursor must never be saved ahead of an earlier page's items.
    let storing: Promise<void> = Promise.resolve()
    try {
      for await (const page of connector.pull(loadCursors(deps.db, account.id), controller.signal)) {
        await storing
        storing = store(page)
        // Awaited with the next page; the handler keeps a failure meanwhile from counting as unhandled.
        storing.catch(() => undefined)
      }
      await storing
    } catch (error) {
      await storing.catch(() => undefined)
      throw error
    }
    deps.events.emit('sync:progress', { accountId: account.id, stage: 'done', done: inserted, total: inserted })
    return { inserted, updated, pages }
  }

  const report = (change: AccountStateChange) => deps.onAccountState?.(change)

  const failed = (account: SyncAccount, error: unknown, schedule: Schedule): SyncOutcome => {
    const kind = error instanceof ConnectorError ? error.kind : 'internal'
    const message = error instanceof Error ? error.message : String(error)
    if (kind === 'auth') {
      // Everything synced so far stays; the account waits for a new token.
      setAccountState(deps.db, account.id, 'reconnect', message)
      report({ accountId: account.id, state: 'reconnect', reason: message, retryAt: null })
      return { status: 'failed', kind, message, nextAt: Number.POSITIVE_INFINITY }
    }
    if (kind === 'rate-limit' && error instanceof ConnectorError && error.retryAt) {
      setSetting(deps.db, account.id, 'retryAt', String(error.retryAt))
      schedule.nextAt = error.retryAt
      deps.db.prepare('UPDATE accounts SET state_reason = ? WHERE id = ?').run(message, account.id)
      report({ accountId: account.id, state: 'active', reason: message, retryAt: error.retryAt })
      return { status: 'failed', kind, message, nextAt: error.retryAt }
    }
    schedule.failures++
    schedule.nextAt = now() + backoffDelay(schedule.failures, random)
    deps.db.prepare('UPDATE accounts SET state_reason = ? WHERE id = ?').run(message, account.id)
    report({ accountId: account.id, state: 'active', reason: message, retryAt: schedule.nextAt })
    return { status: 'failed', kind, message, nextAt: schedule.nextAt }
  }

  const runSync = async (account: SyncAccount, schedule: Schedule): Promise<SyncOutcome> => {
    const connector = deps.connectorFor(account)
    if (!connector) return failed(account, new ConnectorError('auth', 'No access token is stored for this account. Connect it again.'), schedule)
    try {
      const { inserted, updated } = await pullAll(account, connector)
      schedule.failures = 0
      schedule.nextAt = now() + pollMs(account.id)
      deps.db.prepare("UPDATE accounts SET last_synced_at = ?, state = 'active', state_reason = NULL WHERE id = ?").run(now(), account.id)
      setSetting(deps.db, account.id, 'retryAt', null)
      deps.onSynced?.(account.id)
      return { status: 'synced', inserted, updated }
    } catch (error) {
      if (controller.signal.aborted) return { status: 'skipped', reason: 'paused' }
      return failed(account, error, schedule)
    } finally {
      await connector.close?.()
    }
  }

  /** Pulls every stream of one account now, unless it waits for a reconnect or a rate-limit horizon. */
  const syncOnce = async (accountId: number): Promise<SyncOutcome> => {
    const account = loadSyncAccount(deps.db, accountId)
    if (!account || account.state === 'paused' || account.state === 'reconnect') return { status: 'skipped', reason: 'paused' }
    const schedule = scheduleOf(accountId)
    if (schedule.running) return schedule.running
    if (now() < retryAtOf(accountId)) {
      schedule.nextAt = Math.max(schedule.nextAt, retryAtOf(accountId))
      return { status: 'skipped', reason: 'not-due' }
    }
    schedule.running = runSync(account, schedule).finally(() => {
      schedule.running = null
    })
    return schedule.running
  }

  /** Syncs, concurrently, every account whose time has come. */
  const runDue = async (): Promise<SyncOutcome[]> => {
    const due = listSyncAccountIds(deps.db).filter((id) => {
      const schedule = scheduleOf(id)
      return !schedule.running && schedule.nextAt <= now()
    })
    return Promise.all(due.map((id) => syncOnce(id)))
  }

  const ready = (): Promise<void> => ingestThread?.ready() ?? Promise.resolve()

  return {
    syncOnce,
    runDue,
    /** Settles once the engine can store what it syncs (its ingest thread has started). */
    ready,
    start(): void {
      if (timer) return
      timer = setInterval(() => void runDue(), deps.tickMs ?? 1000)
      timer.unref?.()
      void ready().then(() => (timer ? runDue() : undefined))
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer)
      timer = null
      controller.abort()
      await Promise.allSettled([...schedules.values()].map((s) => s.running))
      await ingestThread?.close()
    },
    /** A new token from the user: stored as a secret, the account resumes from its saved cursors. */
    reconnect(accountId: number, token: string): void {
      deps.secrets.set(secretRef(accountId, TOKEN_SECRET), token)
      setAccountState(deps.db, accountId, 'active', null)
      const schedule = scheduleOf(accountId)
      schedule.failures = 0
      schedule.nextAt = 0
      report({ accountId, state: 'active', reason: null, retryAt: null })
    },
    /** When the scheduler will next sync this account (epoch ms). */
    nextSyncAt: (accountId: number): number => Math.max(scheduleOf(accountId).nextAt, retryAtOf(accountId)),
  }
}

export type SyncEngine = ReturnType<typeof createSyncEngine>
