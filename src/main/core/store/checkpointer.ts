import { once } from 'node:events'
import { Worker } from 'node:worker_threads'
import { workerSpec } from '../worker-spec'
import type { Db } from './db'

export interface WalCheckpointer {
  stop(): Promise<void>
}

/**
 * Moves WAL checkpoints off the writer's thread: the writer stops checkpointing on commit and a
 * worker with its own connection checkpoints every `intervalMs` (checkpoint-worker.ts).
 * Only for database files; `:memory:` has no WAL.
 */
export function startWalCheckpointer(db: Db, intervalMs = 1_000): WalCheckpointer {
  db.pragma('wal_autocheckpoint = 0')
  const spec = workerSpec(import.meta.url, { source: './checkpoint-worker.ts', bundled: 'wal-checkpoint-worker.js' })
  const worker = new Worker(spec.entry, { ...spec.options, workerData: { file: db.name, intervalMs } })
  worker.unref()
  const failed = new Promise<void>((resolve) =>
    worker.once('error', (error) => {
      // Without the worker the WAL would only grow: hand checkpoints back to the writer.
      console.error('earshot: WAL checkpoint worker failed; checkpointing on commit again', error)
      if (db.open) db.pragma('wal_autocheckpoint = 1000')
      resolve()
    }),
  )
  return {
    async stop() {
      worker.postMessage('stop')
      await Promise.race([once(worker, 'message'), failed])
      await worker.terminate()
    },
  }
}
