import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')

/**
 * Builds the Electron app (main, preload, renderer) into a fresh folder under node_modules/.cache
 * and returns it: inside the project, so the main bundle's external better-sqlite3 resolves to the
 * project's Node build and its worker threads can run under plain Node.
 */
export function buildApp(prefix: string): string {
  const cache = path.join(root, 'node_modules', '.cache')
  fs.mkdirSync(cache, { recursive: true })
  const outDir = fs.mkdtempSync(path.join(cache, prefix))
  const cli = path.join(root, 'node_modules/electron-vite/bin/electron-vite.js')
  const build = spawnSync(process.execPath, [cli, 'build', '--outDir', outDir], { cwd: root, encoding: 'utf8' })
  if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stdout}\n${build.stderr}`)
  return outDir
}
