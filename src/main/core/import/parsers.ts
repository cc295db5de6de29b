import { availableParallelism } from 'node:os'

/** Below this many messages, starting a parse thread costs more than it saves. */
const SMALL_IMPORT = 200

/**
 * Parse threads besides the import worker itself: one core stays with the host, one runs the import
 * worker, and at least one parses. On 2 cores that one made the import 1.3× faster (1,560 → 2,000
 * msg/s, the import benchmark on a lightly loaded machine) with the host's worst stall unchanged
 * (9–11 ms): the host is idle meanwhile. Earlier, without the shortcuts in mail/simple-mail.ts, it
 * gave no speed and stalls of 88–200 ms; the benchmark's floorStallMs tells a loaded machine from a
 * stalled host.
 */
export const defaultImportParsers = (): number => Math.max(1, availableParallelism() - 2)

/** How many parse threads an import of `total` messages starts: none for a small one. */
export const importParsers = (total: number, requested?: number): number =>
  total < SMALL_IMPORT ? 0 : (requested ?? defaultImportParsers())
