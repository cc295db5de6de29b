import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { WorkerOptions } from 'node:worker_threads'

/** How to start the parse worker: `new Worker(spec.entry, spec.options)`. */
export interface WorkerSpec {
  entry: string | URL
  options: WorkerOptions
}

/**
 * Where the parse worker's code is, in each way Earshot runs:
 * - from the Electron build this code is bundled into out/main/index.js, and the worker is the
 *   separate entry `mail-parse-worker.js` beside it (electron.vite.config.ts, main input);
 * - from TypeScript sources (tsx, vitest, the CLI via bin/run-ts.js) this module's URL ends in .ts and
 *   the worker is `parse-worker.ts` next to it. A worker does not inherit the parent's loader, and
 *   `execArgv: ['--import', 'tsx']` is ignored for the worker's entry on Node 20 (measured: "Unknown
 *   file extension .ts"), so a two-line bootstrap registers tsx's hooks, then imports the worker.
 */
export function parseWorkerSpec(moduleUrl: string): WorkerSpec {
  if (!/\.[cm]?ts$/.test(new URL(moduleUrl).pathname)) {
    // A variable, not a literal: bundlers rewrite `new URL('literal', import.meta.url)` into an asset.
    const bundled = './mail-parse-worker.js'
    return { entry: new URL(bundled, moduleUrl), options: {} }
  }
  const worker = new URL('./parse-worker.ts', moduleUrl).href
  const register = tsxRegisterUrl(moduleUrl)
  const bootstrap = `import(${JSON.stringify(register)}).then(({ register }) => { register(); return import(${JSON.stringify(worker)}) })`
  return { entry: bootstrap, options: { eval: true } }
}

/** tsx's `tsx/esm/api` as an ES module URL (require.resolve would give its CommonJS twin). */
function tsxRegisterUrl(moduleUrl: string): string {
  const manifest = createRequire(moduleUrl).resolve('tsx/package.json')
  const { exports } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }
  const api = exports['./esm/api']
  if (!api) throw new Error('tsx has no ./esm/api export: cannot start the parse worker from TypeScript sources')
  return pathToFileURL(path.join(path.dirname(manifest), api.import.default)).href
}
