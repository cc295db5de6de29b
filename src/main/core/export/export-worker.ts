import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from '../store/db'
import type { ExportWorkerData, ExportWorkerReply } from './workspace-export'
import { writeExport } from './tables'

/**
 * Worker-thread entry (its own bundle entry `workspace-export-worker` in the Electron build): reads
 * the export on a read-only connection of its own, so a million messages written to disk never hold
 * the host's event loop. WAL lets it read beside the host, which keeps writing.
 */
if (!parentPort) throw new Error('export-worker.ts runs only as a worker thread')
const port = parentPort
const { dbFile, options } = workerData as ExportWorkerData
const reply = (message: ExportWorkerReply) => port.postMessage(message)

// The Electron host loads the Electron-ABI build of better-sqlite3 the same way (electron/index.ts).
const binding = process.env['EARSHOT_NATIVE_BINDING']
const db = openDatabase(dbFile, { readonly: true, ...(binding ? { nativeBinding: binding } : {}) })
try {
  reply({ type: 'done', result: writeExport(db, options) })
} catch (error) {
  const { message } = error instanceof Error ? error : { message: String(error) }
  const code = (error as { code?: unknown } | null)?.code
  reply({ type: 'error', message, ...(typeof code === 'string' ? { code } : {}) })
} finally {
  db.close()
  port.unref()
}
