import { describe, expect, it } from 'vitest'
import { priorityAnchor, priorityScore, type PriorityInput } from './priority'
import { HOUR_MS } from './zone'

const now = Date.parse('2026-05-04T12:00:00Z')
const base: PriorityInput = {
  waitingSince: now - HOUR_MS,
  reach: 0,
  sentiment: null,
  visibility: 'private',
  vip: false,
}
const score = (patch: Partial<PriorityInput>, at = now): number => priorityScore({ ...base, ...patch }, at)!

describe('priority score', () => {
  it('is the waiting time in hours for a private, neutral message from someone without followers', () => {
    expect(score({})).toBe(1)
    expect(score({ waitingSince: now - 5 * HOUR_MS })).toBe(5)
  })

  it('ranks a public complaint above the same complaint in private', () => {
    expect(score({ visibility: 'public', sentiment: -0.8 })).toBeGreaterThan(
      score({ visibility: 'private', sentiment: -0.8 }),
    )
  })

  it('rises with reach, by an hour per tenfold followers above a hundred', () => {
    expect(score({ reach: 100 })).toBe(score({ reach: 0 }))
    expect(score({ reach: 1_000 })).toBeCloseTo(2)
    expect(score({ reach: 1_000_000 })).toBeCloseTo(5)
    expect(score({ reach: 184_300 })).toBeGreaterThan(score({ reach: 12_000 }))
  })

  it('rises for negative sentiment, falls for positive, and treats a missing score as neutral', () => {
    expect(score({ sentiment: -1 })).toBe(3)
    expect(score({ sentiment: 1 })).toBe(-1)
    expect(score({ sentiment: null })).toBe(score({ sentiment: 0 }))
  })

  it('rises with waiting time: an old private question eventually outranks a fresh public one', () => {
    const freshPublic = score({ visibility: 'public', waitingSince: now - 10 * 60_000 })
    const oldPrivate = score({ waitingSince: now - 4 * HOUR_MS })
    expect(oldPrivate).toBeGreaterThan(freshPublic)
  })

  it('gives VIPs a head start', () => {
    expect(score({ vip: true })).toBe(score({}) + 3)
  })

  it('is null when nobody is waiting for us', () => {
    expect(priorityScore({ ...base, waitingSince: null }, now)).toBeNull()
    expect(priorityAnchor({ ...base, waitingSince: null })).toBeNull()
  })

  it('orders conversations by their stored anchor exactly as by their scores at any moment', () => {
    const inputs: PriorityInput[] = [
      base,
      { ...base, visibility: 'public', reach: 184_300, sentiment: -0.9, waitingSince: now - 20 * 60_000 },
      { ...base, vip: true, waitingSince: now - 2 * HOUR_MS },
      { ...base, sentiment: 0.7, waitingSince: now - 6 * HOUR_MS },
      { ...base, reach: 4_000, visibility: 'public', waitingSince: now - 3 * HOUR_MS },
    ]
    const byAnchor = [...inputs].sort((a, b) => priorityAnchor(a)! - priorityAnchor(b)!)
    for (const later of [0, HOUR_MS, 48 * HOUR_MS]) {
      const byScore = [...inputs].sort((a, b) => priorityScore(b, now + later)! - priorityScore(a, now + later)!)
      expect(byScore).toEqual(byAnchor)
    }
  })
})
