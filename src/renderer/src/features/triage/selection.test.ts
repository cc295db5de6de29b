import { describe, expect, it } from 'vitest'
import { followingIndex, keepLoaded, movedIndex, rangeBetween } from './selection'

const order = [50, 40, 30, 20, 10]

describe('row selection', () => {
  it('selects a range from the anchor in either direction, in list order', () => {
    expect(rangeBetween(order, 40, 20)).toEqual([40, 30, 20])
    expect(rangeBetween(order, 20, 40)).toEqual([40, 30, 20])
    expect(rangeBetween(order, 30, 30)).toEqual([30])
  })

  it('selects just the clicked row without an anchor, and nothing for a row that is gone', () => {
    expect(rangeBetween(order, null, 30)).toEqual([30])
    expect(rangeBetween(order, 99, 30)).toEqual([30])
    expect(rangeBetween(order, 40, 99)).toEqual([])
  })

  it('keeps only loaded rows selected, and the same set when nothing left', () => {
    const selected = new Set([50, 30])
    expect(keepLoaded(selected, order)).toBe(selected)
    expect([...keepLoaded(new Set([50, 7]), order)]).toEqual([50])
  })
})

describe('the row cursor', () => {
  it('starts at the top and stops at either end', () => {
    expect(movedIndex(5, -1, 1)).toBe(0)
    expect(movedIndex(5, -1, -1)).toBe(0)
    expect(movedIndex(5, 2, 1)).toBe(3)
    expect(movedIndex(5, 4, 1)).toBe(4)
    expect(movedIndex(5, 0, -1)).toBe(0)
    expect(movedIndex(0, 0, 1)).toBeNull()
  })

  it('lands on the row that took the place of one that left the list', () => {
    expect(followingIndex(4, 2)).toBe(2)
    expect(followingIndex(2, 2)).toBe(1)
    expect(followingIndex(0, 2)).toBeNull()
  })
})
