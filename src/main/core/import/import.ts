import { Worker } from 'node:worker_threads'
import type { Db } from '../store/db'
import { createAccount } from '../store/repos/accounts'
import { workerSpec, type WorkerSpec } from '../worker-spec'
import type { CommitStats } from './batch'

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
  /** Parse worker threads inside the import worker: default one per core but two, at least one; 0 parses inline. */
  workers?: number
}

export interface ImportResult extends ImportProgress {
  accountId: number
  inserted: number
  /** Messages read by the parse workers; the import thread read the rest (see run.ts, parseInOrder). */
  parsedByWorkers: number
  /** How long the store's transactions took: each one holds the host's thread while it runs. */
  commits: CommitStats
}

export const IMPORT_ACCOUNT_HANDLE = 'imported-mail'

/** The workspace's "Imported mail" account, created on the first import and reused after. */
export function importAccount(
  db: Db,
  workspaceId: number,
  ownAddresses: readonly string[] = [],
): { id: number; own: Set<string> } {
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
    { value: string } | undefined
  const own = new Set([
    ...(stored ? (JSON.parse(stored.value) as string[]) : []),
    ...ownAddresses.map((a) => a.toLowerCase()),
  ])
  db.prepare(
    `INSERT INTO account_settings (account_id, key, value) VALUES (?, 'addresses', ?)
     ON CONFLICT (account_id, key) DO UPDATE SET value = excluded.value`,
  ).run(id, JSON.stringify([...own].sort()))
  return { id, own }
}

/** What the import worker starts with: the host's database file and the options that can be cloned. */
export interface ImportWorkerData {
  dbFile: string
  options: Omit<ImportOptions, 'onProgress' | 'signal'> & { targetCommitMs?: number }
}

export type WorkerReply =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; result: ImportResult }
  | { type: 'error'; name: string; message: string; code?: string }

/**
 * Each import-worker commit aims at this: the host's own writes wait for the lock synchronously
 * (better-sqlite3's busy wait), so a worker transaction is a host stall for whoever writes meanwhile.
 */
const WORKER_COMMIT_MS = 25

/** The import thread's code beside this module, from the sources or in the Electron build (out/main). */
const importWorkerSpec = (moduleUrl: string): WorkerSpec =>
  workerSpec(moduleUrl, { source: './import-worker.ts', bundled: 'mail-import-worker.js' })

/**
 * Imports mail files into the workspace. Re-runnable: messages are keyed by Message-ID (or the hash of
 * their bytes) and quarantined input by its source, so a second run adds nothing. A message that cannot
 * be read goes to quarantine with its bytes and the import goes on.
 *
 * The host never freezes: the whole import runs on a worker thread (import-worker.ts) with its own
 * connection to the database file, in short transactions; only progress comes back to this thread.
 * So the store must be a file: an in-memory database cannot be shared with another thread.
 * `worker` says where that thread's code is: the import benchmark passes a fresh Electron build's.
 */
export function importMail(
  db: Db,
  options: ImportOptions,
  worker = importWorkerSpec(import.meta.url),
): Promise<ImportResult> {
  if (db.memory)
    return Promise.reject(
      new Error('importMail needs a database file: an in-memory store cannot be shared with the import worker'),
    )
  if (options.signal?.aborted) return Promise.reject(options.signal.reason)
  const { onProgress, signal, ...cloneable } = options
  const data: ImportWorkerData = { dbFile: db.name, options: { targetCommitMs: WORKER_COMMIT_MS, ...cloneable } }
  const thread = new Worker(worker.entry, { ...worker.options, workerData: data })
  const abort = () => thread.postMessage({ type: 'abort' })
  signal?.addEventListener('abort', abort, { once: true })
  return new Promise<ImportResult>((resolve, reject) => {
    let settled = false
    thread.on('message', (reply: WorkerReply) => {
      if (reply.type === 'progress') onProgress?.(reply.progress)
      else {
        settled = true
        if (reply.type === 'done') resolve(reply.result)
        else
          reject(
            reply.name === 'AbortError'
              ? (signal?.reason ?? new DOMException(reply.message, 'AbortError'))
              : workerError(reply),
          )
      }
    })
    thread.on('error', (error) => {
      settled = true
      reject(error)
    })
    thread.on('exit', (code) => {
      signal?.removeEventListener('abort', abort)
      if (!settled) reject(new Error(`mail import worker exited with code ${code}`))
    })
  })
}

/** The worker's error as this thread sees it: its message, and its code (ENOENT for a missing path, say). */
function workerError(reply: { message: string; code?: string }): Error {
  return Object.assign(new Error(reply.message), reply.code === undefined ? {} : { code: reply.code })
}
