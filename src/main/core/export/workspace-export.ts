import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { WorkspaceExport } from '../../../shared/commands/workspaces'
import { EarshotError } from '../../../shared/errors'
import type { Db } from '../store/db'
import { workerSpec } from '../worker-spec'
import type { ExportOptions } from './tables'

export interface ExportWorkerData {
  dbFile: string
  options: ExportOptions
}

export type ExportWorkerReply =
  { type: 'done'; result: WorkspaceExport } | { type: 'error'; message: string; code?: string }

/** File-system refusals a person can fix by choosing another folder. */
const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS'])

/**
 * The folder a person named for an export: an absolute path (the app has no working directory a
 * person could mean) that is new or empty. The renderer is untrusted, so the core never lets an export
 * overwrite or mix with files already there.
 */
export function checkExportFolder(folder: string): string {
  if (!path.isAbsolute(folder)) {
    throw new EarshotError(
      'INVALID',
      `Give the export folder as a full path (for example ${path.resolve('/', 'Exports')}), not “${folder}”.`,
    )
  }
  const resolved = path.resolve(folder)
  let entries: string[]
  try {
    entries = fs.readdirSync(resolved)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return resolved
    if (code === 'ENOTDIR')
      throw new EarshotError('CONFLICT', `${resolved} is a file, not a folder. Choose a new or empty folder.`)
    throw error
  }
  if (entries.length > 0) {
    throw new EarshotError(
      'CONFLICT',
      `The folder ${resolved} is not empty. Choose a new or empty folder, so nothing in it is overwritten.`,
    )
  }
  return resolved
}

/**
 * Exports on a worker thread with its own read-only connection to the database file: the host keeps
 * answering (and syncing) while the files are written. A file store only; tests use temp files.
 */
export function exportInWorker(db: Db, options: ExportOptions): Promise<WorkspaceExport> {
  if (db.memory)
    return Promise.reject(
      new Error('exportInWorker needs a database file: an in-memory store cannot be shared with a worker'),
    )
  const data: ExportWorkerData = { dbFile: db.name, options }
  const spec = workerSpec(import.meta.url, { source: './export-worker.ts', bundled: 'workspace-export-worker.js' })
  const worker = new Worker(spec.entry, { ...spec.options, workerData: data })
  return new Promise<WorkspaceExport>((resolve, reject) => {
    let settled = false
    worker.on('message', (reply: ExportWorkerReply) => {
      settled = true
      if (reply.type === 'done') resolve(reply.result)
      else if (NOT_WRITABLE.has(reply.code ?? ''))
        reject(new EarshotError('INVALID', `Earshot may not write to ${options.folder}: ${reply.message}`))
      else reject(new EarshotError('INTERNAL', `The export stopped: ${reply.message}`))
    })
    worker.on('error', (error) => {
      settled = true
      reject(error)
    })
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`workspace export worker exited with code ${code}`))
    })
  })
}
