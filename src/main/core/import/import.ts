import type { Db } from '../store/db'
import { createAccount } from '../store/repos/accounts'
import { createParsePool, defaultParsePoolSize, type ParsePool } from '../mail/parse-pool'
import type { ParseOutcome } from '../mail/parse-job'
import { createImportBatcher, type CommitStats } from './batch'
import { countMessages, findSources, messageJobs } from './sources'

export interface ImportProgress {
  done: number
  total: number
  quarantined: number
}

export interface ImportOptions {
  workspaceId: number
  /** mbox files, maildir folders (cur/new, Maildir++ subfolders), .eml files, or folders holding them. */
  paths: readonly string[]
  /** Attachments go to `<dataDir>/attachments/…`. */
  dataDir: string
  /** The shop's own addresses: their mails are imported as outgoing replies. */
  ownAddresses?: readonly string[]
  onProgress?: (progress: ImportProgress) => void
  signal?: AbortSignal
  /** Parse worker threads; default one per core but one. 0 parses on the calling thread. */
  workers?: number
}

export interface ImportResult extends ImportProgress {
  accountId: number
  inserted: number
  /** How long the store's transactions took: each one holds the host's thread while it runs. */
  commits: CommitStats
}

export const IMPORT_ACCOUNT_HANDLE = 'imported-mail'

/** Below this many messages, starting worker threads costs more than it saves. */
const SMALL_IMPORT = 200

/** The workspace's "Imported mail" account, created on the first import and reused after. */
export function importAccount(db: Db, workspaceId: number, ownAddresses: readonly string[] = []): { id: number; own: Set<string> } {
  const row = db
    .prepare("SELECT id FROM accounts WHERE workspace_id = ? AND channel = 'email' AND handle = ?")
    .get(workspaceId, IMPORT_ACCOUNT_HANDLE) as { id: number } | undefined
  const id =
    row?.id ??
    createAccount(db, {
      workspaceId,
      channel: 'email',
      handle: IMPORT_ACCOUNT_HANDLE,
      displayName: 'Imported mail',
      // It holds history from files and talks to no server, so the scheduler leaves it alone.
      state: 'paused',
      stateReason: 'Imported from files.',
    })
  const stored = db.prepare("SELECT value FROM account_settings WHERE account_id = ? AND key = 'addresses'").get(id) as
    | { value: string }
    | undefined
  const own = new Set([...(stored ? (JSON.parse(stored.value) as string[]) : []), ...ownAddresses.map((a) => a.toLowerCase())])
  db.prepare(
    `INSERT INTO account_settings (account_id, key, value) VALUES (?, 'addresses', ?)
     ON CONFLICT (account_id, key) DO UPDATE SET value = excluded.value`,
  ).run(id, JSON.stringify([...own].sort()))
  return { id, own }
}

/**
 * Imports mail files into the workspace. Re-runnable: messages are keyed by Message-ID (or the hash of
 * their bytes) and quarantined input by its source, so a second run adds nothing. A message that cannot
 * be read goes to quarantine with its bytes and the import goes on.
 *
 * The host never freezes: files are read and parsed (and attachments written) on worker threads, and
 * the results are committed in order, in transactions sized to take ~15 ms, with a turn of the event
 * loop between them.
 */
export async function importMail(db: Db, options: ImportOptions): Promise<ImportResult> {
  const account = importAccount(db, options.workspaceId, options.ownAddresses)
  const found = findSources(options.paths)
  const progress: ImportProgress = { done: 0, total: await countMessages(found), quarantined: 0 }
  const batcher = createImportBatcher(db, { accountId: account.id, workspaceId: options.workspaceId, own: account.own, progress, onProgress: options.onProgress })
  const pool = createParsePool(progress.total < SMALL_IMPORT ? 0 : (options.workers ?? defaultParsePoolSize()))
  try {
    await parseInOrder(pool, messageJobs(found), options, (outcome) => batcher.take(outcome))
    await batcher.flush()
  } finally {
    await pool.close()
  }
  return { ...progress, accountId: account.id, inserted: batcher.inserted(), commits: batcher.stats }
}

/**
 * Keeps every worker busy (a window of jobs in flight) while handing results on in input order:
 * threading needs a thread's earlier mails before its later ones, as they appear in the mailbox.
 */
async function parseInOrder(
  pool: ParsePool,
  jobs: AsyncIterable<{ source: string } & ({ file: string } | { raw: Buffer; receivedAt: number })>,
  options: ImportOptions,
  take: (outcome: ParseOutcome) => void | Promise<void>,
): Promise<void> {
  const window = Math.max(8, pool.size * 64)
  const inFlight: Promise<ParseOutcome>[] = []
  for await (const job of jobs) {
    options.signal?.throwIfAborted()
    const parsing = pool.parse({ ...job, dataDir: options.dataDir })
    // Awaited below in order; the no-op keeps an abort from leaving the rest as unhandled rejections.
    parsing.catch(() => undefined)
    inFlight.push(parsing)
    if (inFlight.length >= window) await take(await inFlight.shift()!)
  }
  while (inFlight.length > 0) {
    options.signal?.throwIfAborted()
    await take(await inFlight.shift()!)
  }
}
