import { describe, expect, it } from 'vitest'
import { framesInRefreshes } from './frames'
import { percentile } from './stats'

describe('framesInRefreshes', () => {
  const refresh = 1000 / 60

  it('counts a frame that jitters around the interval as one refresh', () => {
    const figures = framesInRefreshes([16.6, 16.7, 16.8, 16.5], refresh)
    expect(figures.shownMs).toEqual([refresh, refresh, refresh, refresh])
    expect(figures.late).toBe(0)
  })

  it('counts a missed refresh as a late frame of two intervals', () => {
    const frames = [...Array<number>(18).fill(16.7), 33.4, 50.1]
    const figures = framesInRefreshes(frames, refresh)
    expect(figures.late).toBe(2)
    expect(figures.shownMs.slice(-2)).toEqual([2 * refresh, 3 * refresh])
    expect(percentile(figures.shownMs, 95)).toBe(2 * refresh)
  })

  it('refuses a refresh interval it cannot divide by', () => {
    expect(() => framesInRefreshes([16.7], 0)).toThrow(/refresh interval/)
    expect(() => framesInRefreshes([16.7], Number.NaN)).toThrow(/refresh interval/)
  })
})
