import { describe, expect, it } from 'vitest'
import type { SlaClock } from '../../../../shared/domain'
import { formatBusinessDuration, liveClock, nextOpening } from './slaClock'

const minute = 60_000
const asOf = Date.parse('2026-03-06T15:00:00Z')
const clock = (patch: Partial<SlaClock> = {}): SlaClock => ({
  state: 'ok',
  dueAt: asOf + 40 * minute,
  dueSoonAt: asOf + 10 * minute,
  businessMsLeft: 40 * minute,
  asOf,
  running: true,
  steadyUntil: asOf + 60 * minute,
  ...patch,
})

describe('a clock as time passes', () => {
  it('counts down while running and turns due soon, then overdue, at its instants', () => {
    expect(liveClock(clock(), asOf + 5 * minute)).toEqual({ state: 'ok', leftMs: 35 * minute })
    expect(liveClock(clock(), asOf + 15 * minute)).toEqual({ state: 'due-soon', leftMs: 25 * minute })
    expect(liveClock(clock(), asOf + 50 * minute)).toEqual({ state: 'overdue', leftMs: -10 * minute })
  })

  it('stops counting at closing time and stands still while closed', () => {
    expect(
      liveClock(clock({ dueAt: asOf + 3 * 86_400_000, businessMsLeft: 2 * 3_600_000 }), asOf + 5 * 3_600_000).leftMs,
    ).toBe(3_600_000)
    expect(liveClock(clock({ running: false, dueAt: asOf + 86_400_000 }), asOf + 30 * minute).leftMs).toBe(40 * minute)
  })

  it('is none without a due time', () => {
    expect(liveClock(clock({ state: 'none', dueAt: null, dueSoonAt: null, businessMsLeft: null }), asOf)).toEqual({
      state: 'none',
      leftMs: null,
    })
  })

  it('asks again at the earliest opening among paused clocks', () => {
    const monday = asOf + 2 * 86_400_000
    expect(nextOpening([clock(), clock({ running: false, steadyUntil: monday })], asOf)).toBe(monday)
    expect(nextOpening([clock()], asOf)).toBeNull()
  })
})

describe('business durations', () => {
  it('shows the two largest units in either language', () => {
    expect(formatBusinessDuration('en', 45 * minute)).toBe('45 min')
    expect(formatBusinessDuration('en', 200 * minute)).toBe('3 hr 20 min')
    expect(formatBusinessDuration('en', -(2 * 24 * 60 + 180) * minute)).toBe('2 days 3 hr')
    expect(formatBusinessDuration('de', 200 * minute)).toBe('3 Std. 20 Min.')
    expect(formatBusinessDuration('en', 10_000)).toBe('1 min')
  })
})
