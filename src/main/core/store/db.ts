import Database from 'better-sqlite3'
import { assertCurrentSchema, migrate } from './migrate'

export type Db = Database.Database

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (the Electron shell passes its own). */
  nativeBinding?: string
  /** Leave the schema as it is (tests that migrate step by step). */
  skipMigrations?: boolean
  /** Open for reading only; the schema must already be current. */
  readonly?: boolean
}

/** Opens (and migrates) an Earshot database file, or ':memory:'. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  })
  try {
    if (options.readonly) {
      assertCurrentSchema(db)
      return db
    }
    db.pragma('journal_mode = WAL')
    // WAL with synchronous=NORMAL is durable across process crashes; only an OS crash can lose the last commit.
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    db.pragma('cache_size = -65536')
    beginTransactionsImmediately(db)
    if (!options.skipMigrations) migrate(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/**
 * Every transaction on this connection takes the write lock at BEGIN. Other connections write to the
 * same file (the sync ingest and import threads): a deferred transaction that reads and then writes
 * fails at once, without the busy timeout, when one of them committed in between (SQLITE_BUSY).
 * Nested transactions stay savepoints.
 */
function beginTransactionsImmediately(db: Db): void {
  const transaction = db.transaction.bind(db)
  db.transaction = ((fn: Parameters<Db['transaction']>[0]) => transaction(fn).immediate) as Db['transaction']
}
