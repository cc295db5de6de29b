import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../demo/prng'
import {
  assess,
  COOL_DOWN_MS,
  emptyState,
  HOUR_MS,
  HOURS_PER_WEEK,
  learnHour,
  poissonThreshold,
  type GroundswellState,
} from './groundswell'

const WEEK = HOURS_PER_WEEK
/** Hour h of a synthetic series starts at h hours; its slot is h mod 168 (hour 0 = Sunday 00:00). */
const slotOf = (hour: number) => hour % WEEK

/** Feeds a series of hourly counts: each hour is assessed when it ends, then learned. Returns the hours that alerted. */
function alertsOf(series: readonly number[], state: GroundswellState = emptyState()): number[] {
  const alerts: number[] = []
  series.forEach((count, hour) => {
    const assessment = assess(state, slotOf(hour), count, (hour + 1) * HOUR_MS)
    if (assessment.alert) alerts.push(hour)
    state = learnHour(assessment.state, slotOf(hour), count)
  })
  return alerts
}

/** Knuth's Poisson draw: negative mentions arrive independently of each other. */
function poisson(random: () => number, rate: number): number {
  const limit = Math.exp(-rate)
  let k = 0
  for (let p = random(); p > limit; p *= random()) k++
  return k
}

/** A small shop's weeks: about one complaint an hour while open (8–20 h), more on Saturday mornings, few at night. */
function everydayNoise(weeks: number, seed: number): number[] {
  const random = mulberry32(seed)
  return Array.from({ length: weeks * WEEK }, (_, hour) => {
    const day = Math.floor(slotOf(hour) / 24)
    const clock = hour % 24
    const open = clock >= 8 && clock < 20
    const rate = !open ? 0.1 : day === 6 && clock < 12 ? 2.5 : 1.2
    return poisson(random, rate)
  })
}

/** Adds `extra` mentions from `hour` on, one value per hour. */
function withSurge(series: readonly number[], hour: number, extra: readonly number[]): number[] {
  return series.map((count, h) => count + (h >= hour && h < hour + extra.length ? extra[h - hour]! : 0))
}

// Week 7, Tuesday 14:00: inside opening hours, after six weeks of baseline.
const TUESDAY_AFTERNOON = 6 * WEEK + 2 * 24 + 14

describe('groundswell detector', () => {
  it('never fires on a flat series: none, a steady trickle, or everyday noise', () => {
    expect(alertsOf(new Array(12 * WEEK).fill(0))).toEqual([])
    expect(alertsOf(new Array(12 * WEEK).fill(3))).toEqual([])
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) expect(alertsOf(everydayNoise(12, seed))).toEqual([])
  })

  it('fires exactly once for a one-hour spike', () => {
    for (const seed of [11, 12, 13]) {
      const series = withSurge(everydayNoise(8, seed), TUESDAY_AFTERNOON, [20])
      expect(alertsOf(series)).toEqual([TUESDAY_AFTERNOON])
    }
  })

  it('fires once, as it builds, for a surge that lasts for hours', () => {
    const surge = [6, 14, 30, 26, 22, 15, 9, 4]
    const alerts = alertsOf(withSurge(everydayNoise(8, 21), TUESDAY_AFTERNOON, surge))
    expect(alerts).toHaveLength(1)
    expect(alerts[0]! - TUESDAY_AFTERNOON).toBeLessThanOrEqual(2)
  })

  it('fires once per spike when spikes are days apart, and folds a relapse within the cool-down into one', () => {
    const twoDaysLater = TUESDAY_AFTERNOON + 48
    const apart = withSurge(withSurge(everydayNoise(8, 31), TUESDAY_AFTERNOON, [25]), twoDaysLater, [25])
    expect(alertsOf(apart)).toEqual([TUESDAY_AFTERNOON, twoDaysLater])

    const relapse = TUESDAY_AFTERNOON + 3
    expect(relapse * HOUR_MS - TUESDAY_AFTERNOON * HOUR_MS).toBeLessThan(COOL_DOWN_MS)
    const close = withSurge(withSurge(everydayNoise(8, 31), TUESDAY_AFTERNOON, [25]), relapse, [25])
    expect(alertsOf(close)).toEqual([TUESDAY_AFTERNOON])
  })

  it('never storms while a rate stays high, even assessed every minute over a sliding hour', () => {
    let state = emptyState()
    for (const [hour, count] of everydayNoise(6, 41).entries()) state = learnHour(state, slotOf(hour), count)
    // From Tuesday 14:00 a complaint every 90 seconds for six hours: the trailing hour climbs, then stays at 40.
    const start = TUESDAY_AFTERNOON * HOUR_MS
    const arrivals = Array.from({ length: 240 }, (_, i) => start + i * 90_000)
    let alerts = 0
    for (let minute = 1; minute <= 8 * 60; minute++) {
      const now = start + minute * 60_000
      const trailing = arrivals.filter((at) => at > now - HOUR_MS && at <= now).length
      const assessment = assess(state, slotOf(Math.floor((now - HOUR_MS / 2) / HOUR_MS)), trailing, now)
      state = assessment.state
      if (assessment.alert) alerts++
    }
    expect(alerts).toBe(1)
  })

  it('learns a weekly rhythm: a burst every Saturday morning becomes normal, the same count on a Tuesday is not', () => {
    const saturdayMorning = 6 * 24 + 9
    const weeks = 10
    const series = everydayNoise(weeks, 51).map((count, hour) =>
      slotOf(hour) === saturdayMorning ? count + 10 : count,
    )
    const alerts = alertsOf(series)
    expect(alerts.every((hour) => slotOf(hour) === saturdayMorning && hour < 4 * WEEK)).toBe(true)

    let state = emptyState()
    for (const [hour, count] of series.entries()) state = learnHour(state, slotOf(hour), count)
    const nextSaturday = weeks * WEEK + saturdayMorning
    const nextTuesday = weeks * WEEK + 2 * 24 + 9
    expect(assess(state, slotOf(nextSaturday), 13, (nextSaturday + 1) * HOUR_MS).alert).toBe(false)
    expect(assess(state, slotOf(nextTuesday), 13, (nextTuesday + 1) * HOUR_MS).alert).toBe(true)
  })

  it('keeps alerting on a repeated spike: what one spike teaches the baseline is clipped', () => {
    const weekLater = TUESDAY_AFTERNOON + WEEK
    const series = withSurge(withSurge(everydayNoise(9, 61), TUESDAY_AFTERNOON, [40]), weekLater, [40])
    expect(alertsOf(series)).toEqual([TUESDAY_AFTERNOON, weekLater])
  })

  it('judges a new shop without history cautiously: a few complaints are no groundswell, a dozen are', () => {
    expect(assess(emptyState(), 10, 4, HOUR_MS).alert).toBe(false)
    expect(assess(emptyState(), 10, 12, HOUR_MS).alert).toBe(true)
  })

  it('finds the Poisson tail threshold', () => {
    // P(X ≥ 10 | 1.2) ≈ 5.8e-7 ≤ 1e-6 < P(X ≥ 9 | 1.2) ≈ 4.9e-6.
    expect(poissonThreshold(1.2, 1e-6)).toBe(10)
    expect(poissonThreshold(0, 1e-6)).toBe(1)
    expect(poissonThreshold(400, 1e-6)).toBe(Math.ceil(400 + 4.75 * 20))
  })
})
