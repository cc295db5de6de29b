// `npm start`: the Electron app. The logic lives in electron-start.ts (tested); tsx lets plain
// Node load it without a build step.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { register } from 'tsx/esm/api'

register()
const here = path.dirname(fileURLToPath(import.meta.url))
const { startElectron } = await import('./electron-start.ts')

try {
  process.exitCode = await startElectron(path.resolve(here, '..'), process.env)
} catch (error) {
  console.error('npm start failed:', error instanceof Error ? error.message : error)
  console.error('`npm run serve` runs the same app in your browser.')
  process.exitCode = 1
}
