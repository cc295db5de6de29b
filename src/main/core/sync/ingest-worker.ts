import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from '../store/db'
import { createIngestor } from '../store/ingest'
import { INGEST_THREAD_READY, type IngestReply, type IngestRequest } from './ingest-thread'

/**
 * Worker-thread entry (its own bundle entry `sync-ingest-worker` in the Electron build): stores
 * synced pages on a connection of its own to the host's WAL database, one transaction per request,
 * in the order they come. SQLite serialises it with the host's writes.
 */
if (!parentPort) throw new Error('ingest-worker.ts runs only as a worker thread')
const port = parentPort
const { dbFile } = workerData as { dbFile: string }
// The Electron host loads the Electron-ABI build of better-sqlite3 the same way (electron/index.ts).
const binding = process.env['EARSHOT_NATIVE_BINDING']
const db = openDatabase(dbFile, binding ? { nativeBinding: binding } : {})
// Checkpoints stay with the host (its checkpointer thread, else its own commits): run inside these
// commits, each waited 50–140 ms for fsync.
db.pragma('wal_autocheckpoint = 0')
const ingest = createIngestor(db)
port.postMessage(INGEST_THREAD_READY)

port.on('message', ({ id, batch }: IngestRequest) => {
  let reply: IngestReply
  try {
    // A raw Buffer arrives as a plain Uint8Array, which SQLite stores as the same blob.
    reply = { id, outcome: ingest(batch) }
  } catch (error) {
    const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) }
    reply = { id, name, message }
  }
  port.postMessage(reply)
})
