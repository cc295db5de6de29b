import { parentPort, workerData } from 'node:worker_threads'
import { createParsePool } from '../mail/parse-pool'
import type { Db } from '../store/db'
import type { ImportProgress, ImportResult, ImportWorkerData, WorkerReply } from './import'
import { importParsers } from './parsers'
import { countMessages, findSources } from './sources'

/**
 * Worker-thread entry (its own bundle entry `mail-import-worker` in the Electron build): the whole
 * import — reading, parsing, threading, ingest — on a connection of its own to the host's WAL
 * database, so none of it runs on the host's event loop. SQLite serialises the two writers; commits
 * here are kept short (targetCommitMs) so a host write waiting on the lock is not held up for long.
 */
if (!parentPort) throw new Error('import-worker.ts runs only as a worker thread')
const port = parentPort
const { dbFile, options } = workerData as ImportWorkerData
const aborting = new AbortController()
port.on('message', (message: { type: 'abort' }) => {
  if (message.type === 'abort') aborting.abort()
})
const reply = (message: WorkerReply) => port.postMessage(message)
let db: Db | undefined

/**
 * The parse workers start first, before this thread loads the rest of its code (the store, threading,
 * ingest): loading takes a thread 0.1–0.2 s, and the two now load side by side instead of one after
 * the other, so the workers are ready about when this thread is (run.ts, parseInOrder). Only this
 * module and what it imports statically load before them; keep that list short.
 */
async function importHere(): Promise<ImportResult> {
  const found = findSources(options.paths)
  const total = await countMessages(found)
  const pool = createParsePool(importParsers(total, options.workers))
  try {
    const [{ openDatabase }, { startWalCheckpointer }, { runImport }] = await Promise.all([
      import('../store/db'),
      import('../store/checkpointer'),
      import('./run'),
    ])
    // The Electron host loads the Electron-ABI build of better-sqlite3 the same way (electron/index.ts).
    db = openDatabase(dbFile, {
      ...(process.env['EARSHOT_NATIVE_BINDING'] ? { nativeBinding: process.env['EARSHOT_NATIVE_BINDING'] } : {}),
    })
    // WAL checkpoints on a thread of their own, as the host does: run inside this thread's commits, each
    // one waited 50–140 ms for fsync (4 MB of WAL on our VMs' disks), a tenth of a large import's time.
    const checkpointer = startWalCheckpointer(db)
    try {
      const onProgress = (progress: ImportProgress) => reply({ type: 'progress', progress })
      return await runImport(db, { ...options, signal: aborting.signal, onProgress }, { found, total, pool })
    } finally {
      await checkpointer.stop()
    }
  } finally {
    await pool.close()
  }
}

importHere()
  .then((result) => reply({ type: 'done', result }))
  .catch((error: unknown) => {
    const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) }
    const code = (error as { code?: unknown } | null)?.code
    reply({ type: 'error', name, message, ...(typeof code === 'string' ? { code } : {}) })
  })
  .finally(() => {
    db?.close()
    // Let the thread end once the reply is out: the open port would keep it alive.
    port.unref()
  })
