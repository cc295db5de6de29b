import fs from 'node:fs'
import path from 'node:path'
import type { AppInfo, EventMap, EventName } from '../../shared/contract'
import { EarshotError, type Result } from '../../shared/errors'
import { dispatch } from './api/dispatch'
import { handlers } from './api/handlers'
import type { CoreContext } from './api/context'
import { EventBus } from './events'
import { openDatabase, type Db } from './store/db'
import { startWalCheckpointer } from './store/checkpointer'
import { acquireDataDirLock } from './store/lock'
import { initializeOnFirstStart, type FirstStart } from './demo'
import { fileSecretStore, type SecretStore } from './secrets'
import { currentAgent } from './store/repos/composer-settings'
import { startBackgroundWork, type BackgroundWork } from './sync/runtime'

export interface CoreOptions {
  dataDir: string
  host: AppInfo['host']
  version: string
  /** 'first-start' creates the demo workspaces when the data directory is new; 'never' starts empty. */
  demo: FirstStart
  nativeBinding?: string
  /** Where credentials live; the desktop passes the OS keychain's store. Default: a 0600 file in dataDir. */
  secrets?: SecretStore
  /** The desktop shell's way to open a web address in the user's browser (consent pages, a post on its site). */
  openExternal?: (url: string) => Promise<void>
}

export interface ReaderOptions {
  dataDir: string
  host: AppInfo['host']
  version: string
}

export interface Core {
  invoke(name: string, arg: unknown): Promise<Result<unknown>>
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void
  readonly db: Db
  readonly info: AppInfo
  readonly events: EventBus
  /** Where account credentials live (writers only): hosts and the CLI store tokens and passwords here. */
  secretStore(): SecretStore
  /** Starts syncing and sending (writers only): what a running app does, not what a CLI read does. */
  startBackground(): BackgroundWork
  /** Stops background work, closes the database and releases the data directory. */
  close(): Promise<void>
}

export const DB_FILE = 'earshot.db'

/**
 * Opens a data directory for reading only (CLI search, stats, export): no lock, so it works while
 * the app runs; WAL lets readers and the one writer proceed side by side.
 */
export function openReader(options: ReaderOptions): Core {
  const file = path.join(options.dataDir, DB_FILE)
  if (!fs.existsSync(file)) {
    throw new EarshotError('NOT_FOUND', `There is no Earshot data in ${options.dataDir}. Start Earshot once, or pass --data-dir.`)
  }
  const db = openDatabase(file, { readonly: true })
  return assemble(db, { ...options, secrets: null, openExternal: null }, () => void db.close())
}

/** Opens a data directory as its single writer: lock, migrate, demo on first start. */
export function openCore(options: CoreOptions): Core {
  fs.mkdirSync(options.dataDir, { recursive: true })
  const lock = acquireDataDirLock(options.dataDir, options.host)
  let db: Db
  try {
    db = openDatabase(path.join(options.dataDir, DB_FILE), { nativeBinding: options.nativeBinding })
  } catch (error) {
    lock.release()
    throw error
  }
  try {
    initializeOnFirstStart(db, options.demo)
  } catch (error) {
    db.close()
    lock.release()
    throw error
  }
  const secrets = options.secrets ?? fileSecretStore(options.dataDir)
  const checkpointer = startWalCheckpointer(db)
  return assemble(db, { ...options, secrets, openExternal: options.openExternal ?? null }, async () => {
    await checkpointer.stop()
    db.close()
    lock.release()
  })
}

function assemble(
  db: Db,
  options: ReaderOptions & Required<Pick<CoreContext, 'secrets' | 'openExternal'>>,
  release: () => void | Promise<void>,
): Core {
  const { secrets } = options
  const events = new EventBus()
  const info: AppInfo = { version: options.version, host: options.host, dataDir: options.dataDir }
  const ctx: CoreContext = {
    db,
    events,
    info,
    // Read at each use, so a name set in the composer settings counts from the next action on.
    get actor() {
      return currentAgent(db)
    },
    background: null,
    secrets,
    openExternal: options.openExternal,
  }
  return {
    invoke: (name, arg) => dispatch(ctx, handlers, name, arg),
    on: (event, listener) => events.on(event, listener),
    db,
    info,
    events,
    secretStore() {
      if (!secrets) throw new EarshotError('UNAVAILABLE', 'A read-only view holds no credentials.')
      return secrets
    },
    startBackground() {
      if (!secrets) throw new EarshotError('UNAVAILABLE', 'A read-only view cannot sync or send.')
      ctx.background ??= startBackgroundWork({ db, events, secrets, dataDir: options.dataDir, agent: () => ctx.actor })
      return ctx.background
    },
    async close() {
      await ctx.background?.stop()
      ctx.background = null
      await release()
    },
  }
}
