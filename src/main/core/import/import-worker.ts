import { parentPort, workerData } from 'node:worker_threads'
import { startWalCheckpointer } from '../store/checkpointer'
import { openDatabase } from '../store/db'
import type { ImportWorkerData, WorkerReply } from './import'
import { runImport } from './run'

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

// The Electron host loads the Electron-ABI build of better-sqlite3 the same way (electron/index.ts).
const db = openDatabase(dbFile, {
  ...(process.env['EARSHOT_NATIVE_BINDING'] ? { nativeBinding: process.env['EARSHOT_NATIVE_BINDING'] } : {}),
})
const reply = (message: WorkerReply) => port.postMessage(message)
// WAL checkpoints on a thread of their own, as the host does: run inside this thread's commits, each
// one waited 50–140 ms for fsync (4 MB of WAL on our VMs' disks), a tenth of a large import's time.
const checkpointer = startWalCheckpointer(db)
runImport(db, { ...options, signal: aborting.signal, onProgress: (progress) => reply({ type: 'progress', progress }) })
  .finally(() => checkpointer.stop())
  .then((result) => reply({ type: 'done', result }))
  .catch((error: unknown) => {
    const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) }
    const code = (error as { code?: unknown } | null)?.code
    reply({ type: 'error', name, message, ...(typeof code === 'string' ? { code } : {}) })
  })
  .finally(() => {
    db.close()
    // Let the thread end once the reply is out: the open port would keep it alive.
    port.unref()
  })
