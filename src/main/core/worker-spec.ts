import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { WorkerOptions } from 'node:worker_threads'

/** How to start a worker thread: `new Worker(spec.entry, spec.options)`. */
export interface WorkerSpec {
  entry: string | URL
  options: WorkerOptions
}

/** A worker's code in each form: its .ts source (relative to the caller) and its bundle entry's file name. */
export interface WorkerFiles {
  source: string
  bundled: string
}

/**
 * Where a worker's code is, in each way Earshot runs:
 * - from the Electron build the caller is bundled into out/main/*.js, and the worker is a separate
 *   entry beside it (electron.vite.config.ts, main input: one entry per worker);
 * - from TypeScript sources (tsx, vitest, the CLI via bin/run-ts.js) the caller's URL ends in .ts and
 *   the worker is its .ts source. A worker does not inherit the parent's loader, and
 *   `execArgv: ['--import', 'tsx']` is ignored for the worker's entry on Node 20 (measured: "Unknown
 *   file extension .ts"), so a two-line bootstrap registers tsx's hooks, then imports the worker.
 */
export function workerSpec(moduleUrl: string, files: WorkerFiles): WorkerSpec {
  if (!/\.[cm]?ts$/.test(new URL(moduleUrl).pathname)) {
    // A variable, not a literal: bundlers rewrite `new URL('literal', import.meta.url)` into an asset.
    const bundled = `./${files.bundled}`
    return { entry: new URL(bundled, moduleUrl), options: {} }
  }
  const worker = new URL(files.source, moduleUrl).href
  const register = tsxRegisterUrl(moduleUrl)
  const bootstrap = `import(${JSON.stringify(register)}).then(({ register }) => { register(); return import(${JSON.stringify(worker)}) })`
  return { entry: bootstrap, options: { eval: true } }
}

/** tsx's `tsx/esm/api` as an ES module URL (require.resolve would give its CommonJS twin). */
function tsxRegisterUrl(moduleUrl: string): string {
  const manifest = createRequire(moduleUrl).resolve('tsx/package.json')
  const { exports } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }
  const api = exports['./esm/api']
  if (!api) throw new Error('tsx has no ./esm/api export: cannot start a worker thread from TypeScript sources')
  return pathToFileURL(path.join(path.dirname(manifest), api.import.default)).href
}
