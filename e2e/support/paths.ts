import os from 'node:os'
import path from 'node:path'

export const repoRoot = path.resolve(import.meta.dirname, '..', '..')
/** A demo data directory made once per run; every test starts from a copy of it. */
export const templateDir = path.join(os.tmpdir(), `earshot-e2e-template-${process.env.EARSHOT_E2E_RUN ?? 'local'}`)
