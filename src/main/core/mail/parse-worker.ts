import { parentPort } from 'node:worker_threads'
import { runParseJob, type ParseJob } from './parse-job'

/**
 * Worker-thread entry (its own bundle entry `mail-parse-worker` in the Electron build): parses mail
 * off the host's event loop. Requests are `{ id, job }`; replies `{ id, outcome }` with the raw bytes
 * transferred back, not copied.
 */
if (!parentPort) throw new Error('parse-worker.ts runs only as a worker thread')
const port = parentPort
port.on('message', (request: { id: number; job: ParseJob }) => {
  void runParseJob(request.job).then((outcome) => {
    const raw = outcome.raw
    // Only a buffer that owns its whole ArrayBuffer can be transferred (pooled ones cannot).
    const transfer = raw.byteOffset === 0 && raw.byteLength === raw.buffer.byteLength && raw.byteLength > 0 ? [raw.buffer as ArrayBuffer] : []
    port.postMessage({ id: request.id, outcome }, transfer)
  })
})
