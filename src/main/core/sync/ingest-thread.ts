import { Worker } from 'node:worker_threads'
import type { Db } from '../store/db'
import type { IngestBatch, IngestOutcome } from '../store/ingest'
import { workerSpec } from '../worker-spec'

export interface IngestRequest {
  id: number
  batch: IngestBatch
}

export type IngestReply = { id: number; outcome: IngestOutcome } | { id: number; name: string; message: string }

/** What the thread posts once its connection is open, before any reply. */
export const INGEST_THREAD_READY = 'ready'

/** Stores synced pages off the host's thread; see startIngestThread. */
export interface IngestThread {
  /** One batch, one transaction; batches are stored in the order they are written. */
  write(batch: IngestBatch): Promise<IngestOutcome>
  /** Settles once the thread has opened the database (or failed to start; its writes then fail). */
  ready(): Promise<void>
  close(): Promise<void>
}

interface Waiting {
  resolve: (outcome: IngestOutcome) => void
  reject: (error: Error) => void
}

/**
 * A thread that stores synced pages, with its own connection to the database file: a page written
 * on the host's thread held its event loop for 20–100 ms, and the next page is fetched and parsed
 * here meanwhile. Null for an in-memory store, which another thread cannot open. The thread starts
 * with the engine, so that loading it (its modules, its connection) is part of the host's start and
 * not of its first sync. A thread that dies fails what it was writing and is started again for the
 * next write.
 */
export function startIngestThread(db: Db): IngestThread | null {
  if (db.memory) return null
  const spec = workerSpec(import.meta.url, { source: './ingest-worker.ts', bundled: 'sync-ingest-worker.js' })
  const pending = new Map<number, Waiting>()
  let worker: Worker | null = null
  let ready: Promise<void> = Promise.resolve()
  let nextId = 0

  const start = (): Worker => {
    const started = new Worker(spec.entry, { ...spec.options, workerData: { dbFile: db.name } })
    started.unref()
    ready = new Promise<void>((resolve) => {
      started.once('message', resolve)
      started.once('exit', () => resolve())
    })
    started.on('message', (reply: IngestReply | typeof INGEST_THREAD_READY) => {
      if (reply === INGEST_THREAD_READY) return
      const waiting = pending.get(reply.id)
      pending.delete(reply.id)
      // Idle, the thread must not keep the process alive; busy, it must (see write).
      if (pending.size === 0) started.unref()
      if ('outcome' in reply) waiting?.resolve(reply.outcome)
      else waiting?.reject(Object.assign(new Error(reply.message), { name: reply.name }))
    })
    const fail = (error: Error) => {
      if (worker !== started) return
      worker = null
      for (const waiting of pending.values()) waiting.reject(error)
      pending.clear()
    }
    started.on('error', fail)
    started.on('exit', (code) => fail(new Error(`sync ingest thread exited with code ${code}`)))
    return started
  }
  worker = start()

  return {
    write(batch) {
      worker ??= start()
      const id = nextId++
      worker.ref()
      return new Promise<IngestOutcome>((resolve, reject) => {
        pending.set(id, { resolve, reject })
        worker!.postMessage({ id, batch } satisfies IngestRequest)
      })
    },
    ready: () => ready,
    async close() {
      const stopping = worker
      worker = null
      await stopping?.terminate()
    },
  }
}
