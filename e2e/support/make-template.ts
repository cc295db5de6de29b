import { openCore } from '../../src/main/core'

/** Opens a fresh data directory the way `earshot serve` does on a first start, then closes it. */
const dir = process.argv[2]
if (!dir) throw new Error('usage: make-template.ts <data-dir>')
await openCore({ dataDir: dir, host: 'web', version: 'e2e', demo: 'first-start' }).close()
