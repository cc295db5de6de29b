const BASE_MS = 5_000
const CAP_MS = 15 * 60_000

/**
 * Delay before retry number `failures` (1, 2, …): doubling from 5 s up to 15 min, with "equal jitter"
 * (half fixed, half random) so accounts that failed together do not retry together.
 */
export function backoffDelay(failures: number, random: () => number): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, failures - 1))
  return Math.round(ceiling / 2 + (ceiling / 2) * random())
}
