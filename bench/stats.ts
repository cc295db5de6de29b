import { monitorEventLoopDelay } from 'node:perf_hooks'

/** Small helpers shared by the benchmarks: percentiles and a timer with sub-millisecond resolution. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]!
}

export function timeMs(fn: () => unknown): number {
  const start = process.hrtime.bigint()
  fn()
  return Number(process.hrtime.bigint() - start) / 1e6
}

/** Median of several runs after one warm-up run, so a single cold cache miss doesn't decide. */
export function medianOfRuns(fn: () => unknown, runs = 5): number {
  fn()
  return percentile(
    Array.from({ length: runs }, () => timeMs(fn)),
    50,
  )
}

export const fmt = (n: number, digits = 2): string => n.toLocaleString('en-US', { maximumFractionDigits: digits })

export function printTable(rows: Record<string, string | number>[]): void {
  if (rows.length === 0) return
  const keys = Object.keys(rows[0]!)
  const width = (k: string) => Math.max(k.length, ...rows.map((r) => String(r[k]).length))
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(width(keys[i]!))).join('  ')
  console.log(line(keys))
  for (const r of rows) console.log(line(keys.map((k) => String(r[k]))))
}

/**
 * The worst event-loop stall of this thread between start and stop(): what a host's window or server
 * would feel. The histogram's resolution hides short stalls; a 10 ms interval's drift catches long ones.
 */
export function startStallProbe(): { stop: () => number } {
  const histogram = monitorEventLoopDelay({ resolution: 5 })
  let worstDrift = 0
  let last = performance.now()
  const probe = setInterval(() => {
    const now = performance.now()
    worstDrift = Math.max(worstDrift, now - last - 10)
    last = now
  }, 10)
  histogram.enable()
  return {
    stop() {
      histogram.disable()
      clearInterval(probe)
      return Math.max(worstDrift, histogram.max / 1e6 - 5)
    },
  }
}
