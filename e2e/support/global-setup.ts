import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { repoRoot, templateDir } from './paths'

/** Builds the demo once (through the real first start), so each test copies a ready data directory. */
export default function globalSetup(): void {
  if (!fs.existsSync(path.join(repoRoot, 'out', 'web', 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run build:renderer` (npm run test:e2e does it for you).')
  }
  fs.rmSync(templateDir, { recursive: true, force: true })
  execFileSync(process.execPath, [path.join(repoRoot, 'bin', 'run-ts.js'), path.join(repoRoot, 'e2e', 'support', 'make-template.ts'), templateDir], {
    stdio: 'inherit',
  })
}
