import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { ParseJob, ParseOutcome } from './parse-job'
import { workerSpec, type WorkerSpec } from '../worker-spec'

/** The mail parse worker, for a caller in src/main/core/mail (or bundled into out/main). */
export const parseWorkerSpec = (moduleUrl: string): WorkerSpec =>
  workerSpec(moduleUrl, { source: './parse-worker.ts', bundled: 'mail-parse-worker.js' })

/** Parses mail on worker threads, so a bulk import leaves the host's event loop free. */
export interface ParsePool {
  readonly size: number
  /**
   * Whether a worker has loaded its code. Until then its jobs only queue: starting a thread takes
   * 0.2–0.7 s (longer from TypeScript sources), time in which the caller can parse by itself.
   */
  ready(): boolean
  parse(job: ParseJob): Promise<ParseOutcome>
  close(): Promise<void>
}

/** One core stays with the host (SQLite commits, the UI); at least one worker. */
export const defaultParsePoolSize = (): number => Math.max(1, availableParallelism() - 1)

interface Pending {
  resolve: (outcome: ParseOutcome) => void
  reject: (error: Error) => void
}

interface Slot {
  worker: Worker
  ready: boolean
  pending: Map<number, Pending>
  /** Jobs not yet posted: they go to the worker in batches (see BATCH). */
  queued: { id: number; job: ParseJob }[]
  sendScheduled: boolean
}

/** A worker's first message: its code is loaded and it takes jobs from now on. */
export const READY = 'ready'
type WorkerMessage = typeof READY | { id: number; outcome: ParseOutcome }[]

/**
 * Jobs per message to a worker (and outcomes per reply): a message each way per mail cost about as
 * much as parsing a short one.
 */
const BATCH = 16

/**
 * size 0 parses in-process (small imports, tests): no thread start-up for a handful of mails. This
 * module does not load the parser itself (size 0 loads it on first use), so a caller can start the
 * workers before it loads its own code (import/import-worker.ts).
 */
export function createParsePool(
  size = defaultParsePoolSize(),
  spec: WorkerSpec = parseWorkerSpec(import.meta.url),
): ParsePool {
  if (size <= 0) {
    const parse = async (job: ParseJob) => (await import('./parse-job')).runParseJob(job)
    return { size: 0, ready: () => false, parse, close: async () => undefined }
  }
  let nextId = 0
  let closed = false
  const slots: Slot[] = []

  const spawn = (index: number): void => {
    const worker = new Worker(spec.entry, spec.options)
    const slot: Slot = { worker, ready: false, pending: new Map(), queued: [], sendScheduled: false }
    slots[index] = slot
    slot.worker.on('message', (outcomes: WorkerMessage) => {
      if (outcomes === READY) {
        slot.ready = true
        return
      }
      for (const { id, outcome } of outcomes) {
        const waiting = slot.pending.get(id)
        slot.pending.delete(id)
        waiting?.resolve(outcome)
      }
    })
    let failed = false
    // 'error' is followed by 'exit': the first of them settles the slot.
    const fail = (error: Error) => {
      if (failed) return
      failed = true
      const wasReady = slot.ready
      slot.ready = false
      for (const waiting of slot.pending.values()) waiting.reject(error)
      slot.pending.clear()
      slot.queued = []
      if (closed) return
      // A worker that died (out of memory on a monstrous message, say) is replaced for the rest. One
      // that never started (its code missing from a build) would only fail again: the pool does without.
      if (wasReady) spawn(index)
      else console.error('earshot: a mail parse worker failed to start; parsing without it', error)
    }
    slot.worker.on('error', fail)
    slot.worker.on('exit', (code) => fail(new Error(`mail parse worker exited with code ${code}`)))
  }
  for (let i = 0; i < size; i++) spawn(i)

  const send = (slot: Slot): void => {
    slot.sendScheduled = false
    if (slot.queued.length === 0) return
    slot.worker.postMessage(slot.queued)
    slot.queued = []
  }

  return {
    size,
    ready: () => slots.some((slot) => slot.ready),
    parse(job) {
      const candidates = slots.some((slot) => slot.ready) ? slots.filter((slot) => slot.ready) : slots
      const slot = candidates.reduce((a, b) => (b.pending.size < a.pending.size ? b : a))
      const id = nextId++
      return new Promise<ParseOutcome>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject })
        slot.queued.push({ id, job })
        if (slot.queued.length >= BATCH) send(slot)
        else if (!slot.sendScheduled) {
          // A partial batch leaves once the caller has queued what it had at hand.
          slot.sendScheduled = true
          setImmediate(() => send(slot))
        }
      })
    },
    async close() {
      closed = true
      await Promise.all(slots.map((s) => s.worker.terminate()))
    },
  }
}
