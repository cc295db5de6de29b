import { parentPort } from 'node:worker_threads'
import { runParseJob, type ParseJob, type ParseOutcome } from './parse-job'
import { READY } from './parse-pool'

/**
 * Worker-thread entry (its own bundle entry `mail-parse-worker` in the Electron build): parses mail
 * off the host's event loop. A request is a batch `[{ id, job }]`; the reply is the batch's
 * `[{ id, outcome }]`, with the raw bytes transferred back, not copied.
 */
if (!parentPort) throw new Error('parse-worker.ts runs only as a worker thread')
const port = parentPort
port.postMessage(READY)
port.on('message', (batch: { id: number; job: ParseJob }[]) => {
  void parseBatch(batch).then(({ outcomes, transfer }) => port.postMessage(outcomes, transfer))
})

async function parseBatch(batch: { id: number; job: ParseJob }[]) {
  const outcomes: { id: number; outcome: ParseOutcome }[] = []
  const transfer: ArrayBuffer[] = []
  for (const { id, job } of batch) {
    const outcome = await runParseJob(job)
    const raw = outcome.raw
    // Only a buffer that owns its whole ArrayBuffer can be transferred (pooled ones cannot).
    if (raw.byteOffset === 0 && raw.byteLength === raw.buffer.byteLength && raw.byteLength > 0)
      transfer.push(raw.buffer as ArrayBuffer)
    outcomes.push({ id, outcome })
  }
  return { outcomes, transfer }
}
