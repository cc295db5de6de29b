import { describe, expect, it } from 'vitest'
import {
  checkSnoozeInput,
  fromLocalInputValue,
  nextWeek,
  snoozePresets,
  toLocalInputValue,
  tomorrowMorning,
} from './snoozeTimes'

// Local times: the functions work in the user's zone, so the tests build their dates in it too.
const at = (y: number, mo: number, d: number, h: number, mi = 0) => new Date(y, mo - 1, d, h, mi)

describe('snooze presets', () => {
  it('offers later today three hours on, rounded up to the full hour', () => {
    expect(snoozePresets(at(2026, 11, 23, 10, 20))).toEqual([
      { id: 'laterToday', at: at(2026, 11, 23, 14).getTime() },
      { id: 'tomorrowMorning', at: at(2026, 11, 24, 9).getTime() },
      { id: 'nextWeek', at: at(2026, 11, 30, 9).getTime() },
    ])
    expect(snoozePresets(at(2026, 11, 23, 10, 0))[0]).toEqual({ id: 'laterToday', at: at(2026, 11, 23, 13).getTime() })
  })

  it('drops later today in the evening, when that would be tomorrow', () => {
    expect(snoozePresets(at(2026, 11, 23, 21, 30)).map((p) => p.id)).toEqual(['tomorrowMorning', 'nextWeek'])
  })

  it('goes to tomorrow 9:00 across a month end, and to next Monday 9:00', () => {
    expect(tomorrowMorning(at(2026, 11, 30, 23, 59))).toBe(at(2026, 12, 1, 9).getTime())
    expect(nextWeek(at(2026, 11, 28, 12))).toBe(at(2026, 11, 30, 9).getTime()) // Saturday → Monday
    expect(nextWeek(at(2026, 11, 29, 12))).toBe(at(2026, 11, 30, 9).getTime()) // Sunday → Monday
    expect(nextWeek(at(2026, 11, 30, 8))).toBe(at(2026, 12, 7, 9).getTime()) // Monday → the next one
  })
})

describe('the date-time field', () => {
  it('round-trips a local time through the input value', () => {
    const ms = at(2026, 3, 5, 7, 45).getTime()
    expect(toLocalInputValue(ms)).toBe('2026-03-05T07:45')
    expect(fromLocalInputValue('2026-03-05T07:45')).toBe(ms)
    expect(fromLocalInputValue('2026-03-05T07:45:30')).toBe(ms + 30_000)
  })

  it('reads anything else as no time', () => {
    for (const v of ['', '2026-02-31T10:00', 'morgen', '2026-03-05 07:45']) expect(fromLocalInputValue(v)).toBeNull()
  })
})

describe('checking the entered time', () => {
  it('takes a future time and says what is wrong otherwise', () => {
    const now = at(2026, 11, 23, 10).getTime()
    expect(checkSnoozeInput('2026-11-23T10:01', now)).toEqual({ until: now + 60_000, problem: null })
    expect(checkSnoozeInput('2026-11-23T10:00', now)).toEqual({ until: null, problem: 'inPast' })
    expect(checkSnoozeInput('', now)).toEqual({ until: null, problem: 'invalid' })
  })
})
