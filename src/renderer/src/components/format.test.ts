import { describe, expect, it } from 'vitest'
import { formatScore, formatUnit } from './format'

describe('number formats shared by long lists', () => {
  it('signs a sentiment score unless it is zero, in the reader’s language', () => {
    expect(formatScore('en', 0.42)).toBe('+0.42')
    expect(formatScore('en', -0.333)).toBe('-0.33')
    expect(formatScore('de', 0.5)).toBe('+0,5')
    expect(formatScore('en', 0)).toBe('0')
  })

  it('writes one value in a short unit', () => {
    expect(formatUnit('en', 3, 'day')).toBe('3 days')
    expect(formatUnit('de', 20, 'minute')).toBe('20 Min.')
    // Same language, another unit: a formatter of its own, not the one cached for days.
    expect(formatUnit('en', 3, 'hour')).toBe('3 hr')
  })
})
