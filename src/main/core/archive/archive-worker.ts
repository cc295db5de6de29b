import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from '../store/db'
import type { ArchiveWorkerData, ArchiveWorkerReply } from './import-archive'
import { runArchiveImport } from './run'

/**
 * Worker-thread entry (its own bundle entry `archive-import-worker` in the Electron build): reading
 * the archive (unzip, JSON.parse of files that can be tens of megabytes) and ingest run here, on a
 * connection of their own to the host's WAL database, so none of it stalls the host's event loop.
 */
if (!parentPort) throw new Error('archive-worker.ts runs only as a worker thread')
const port = parentPort
const { dbFile, options } = workerData as ArchiveWorkerData
const aborting = new AbortController()
port.on('message', (message: { type: 'abort' }) => {
  if (message.type === 'abort') aborting.abort()
})

// The Electron host loads the Electron-ABI build of better-sqlite3 the same way (electron/index.ts).
const binding = process.env['EARSHOT_NATIVE_BINDING']
const db = openDatabase(dbFile, binding ? { nativeBinding: binding } : {})
const reply = (message: ArchiveWorkerReply) => port.postMessage(message)
runArchiveImport(db, {
  ...options,
  signal: aborting.signal,
  onProgress: (progress) => reply({ type: 'progress', progress }),
})
  .then((summary) => reply({ type: 'done', summary }))
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
