import { Worker } from 'node:worker_threads'
import type { ArchiveImportSummary } from '../../../shared/commands/archives'
import { ERROR_CODES, EarshotError, type ErrorCode } from '../../../shared/errors'
import type { Db } from '../store/db'
import { workerSpec } from '../worker-spec'
import type { ArchiveImportOptions, ArchiveProgress } from './run'

/** What the archive worker starts with: the host's database file and the options that can be cloned. */
export interface ArchiveWorkerData {
  dbFile: string
  options: Omit<ArchiveImportOptions, 'onProgress' | 'signal'>
}

export type ArchiveWorkerReply =
  | { type: 'progress'; progress: ArchiveProgress }
  | { type: 'done'; summary: ArchiveImportSummary }
  | { type: 'error'; name: string; message: string; code?: string }

const isErrorCode = (code: string | undefined): code is ErrorCode => ERROR_CODES.includes(code as ErrorCode)

/**
 * Imports an X archive, a Facebook export or a contacts CSV on a worker thread (archive-worker.ts)
 * with its own connection to the database file; only progress comes back to this thread. The store
 * must therefore be a file: an in-memory database cannot be shared with another thread.
 */
export function importArchive(db: Db, options: ArchiveImportOptions): Promise<ArchiveImportSummary> {
  if (db.memory)
    return Promise.reject(
      new Error('importArchive needs a database file: an in-memory store cannot be shared with the worker'),
    )
  if (options.signal?.aborted) return Promise.reject(options.signal.reason)
  const { onProgress, signal, ...cloneable } = options
  const data: ArchiveWorkerData = { dbFile: db.name, options: cloneable }
  const spec = workerSpec(import.meta.url, { source: './archive-worker.ts', bundled: 'archive-import-worker.js' })
  const worker = new Worker(spec.entry, { ...spec.options, workerData: data })
  const abort = () => worker.postMessage({ type: 'abort' })
  signal?.addEventListener('abort', abort, { once: true })
  return new Promise<ArchiveImportSummary>((resolve, reject) => {
    let settled = false
    worker.on('message', (reply: ArchiveWorkerReply) => {
      if (reply.type === 'progress') {
        onProgress?.(reply.progress)
        return
      }
      settled = true
      if (reply.type === 'done') resolve(reply.summary)
      else if (reply.name === 'AbortError') reject(signal?.reason ?? new DOMException(reply.message, 'AbortError'))
      // The core's own errors (a CSV without the mapped column, a zip that is no export) keep their code.
      else
        reject(
          isErrorCode(reply.code)
            ? new EarshotError(reply.code, reply.message)
            : Object.assign(new Error(reply.message), reply.code ? { code: reply.code } : {}),
        )
    })
    worker.on('error', (error) => {
      settled = true
      reject(error)
    })
    worker.on('exit', (code) => {
      signal?.removeEventListener('abort', abort)
      if (!settled) reject(new Error(`archive import worker exited with code ${code}`))
    })
  })
}
