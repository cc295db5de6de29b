#!/usr/bin/env node
// Runs any TypeScript entry point (e.g. `node bin/run-ts.js bench/index.ts`) without a build step.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { register } from 'tsx/esm/api'

const entry = process.argv[2]
if (!entry) {
  console.error('usage: node bin/run-ts.js <file.ts> [args…]')
  process.exit(2)
}
register()
process.argv.splice(2, 1)
await import(pathToFileURL(path.resolve(entry)).href)
