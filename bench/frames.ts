/**
 * Frame times as a person sees them. A display shows each frame for a whole number of refreshes; the
 * page's frame timestamps (rAF, coarsened to 0.1 ms) jitter by a tenth of a millisecond around the
 * refresh interval, so a frame of 16.8 ms at 60 Hz was shown on time, not late. Each frame is counted
 * in refreshes (its time divided by the interval, rounded) and reported as that many intervals.
 */
export interface FrameFigures {
  refreshMs: number
  /** Each frame's time as whole refresh intervals (ms). */
  shownMs: number[]
  /** Frames shown for more than one refresh: at least one refresh showed the previous frame again. */
  late: number
}

export function framesInRefreshes(frames: readonly number[], refreshMs: number): FrameFigures {
  if (!(refreshMs > 0)) throw new Error(`the refresh interval must be positive, not ${refreshMs}`)
  const refreshes = frames.map((ms) => Math.max(1, Math.round(ms / refreshMs)))
  return {
    refreshMs,
    shownMs: refreshes.map((n) => n * refreshMs),
    late: refreshes.filter((n) => n > 1).length,
  }
}
