import { describe, expect, it } from 'vitest'
import { keepLoadedRows } from './keepLoadedRows'

const rows = (...ids: number[]) => ids.map((id) => ({ id }))
const ids = (page: { items: { id: number }[] }) => page.items.map((row) => row.id)

describe('keepLoadedRows', () => {
  // Six rows were loaded (two pages of three), the reload brings a top of three.
  const loaded = { items: rows(9, 8, 7, 6, 5, 4), next: 'after-4' }

  it('keeps the rows loaded beyond the reloaded top, and where the list goes on from there', () => {
    const kept = keepLoadedRows(loaded, { items: rows(9, 8, 7), next: 'after-7' })
    expect(ids(kept)).toEqual([9, 8, 7, 6, 5, 4])
    expect(kept.next).toBe('after-4')
  })

  it('shows a new row on top without losing one at the end of the top', () => {
    const kept = keepLoadedRows(loaded, { items: rows(10, 9, 8), next: 'after-8' })
    expect(ids(kept)).toEqual([10, 9, 8, 7, 6, 5, 4])
  })

  it('does not repeat a row that new activity moved into the top', () => {
    const kept = keepLoadedRows(loaded, { items: rows(5, 9, 8), next: 'after-8' })
    expect(ids(kept)).toEqual([5, 9, 8, 7, 6, 4])
  })

  it('takes the reload alone when it reached the end of the list', () => {
    const top = { items: rows(9, 8), next: null }
    expect(keepLoadedRows(loaded, top)).toBe(top)
  })

  it('takes the reload alone when its last row was not loaded before', () => {
    const top = { items: rows(9, 8, 3), next: 'after-3' }
    expect(keepLoadedRows(loaded, top)).toBe(top)
  })

  it('takes the reload alone when nothing was loaded beyond it', () => {
    const top = { items: rows(9, 8, 7, 6, 5, 4), next: 'after-4' }
    expect(keepLoadedRows(loaded, top)).toBe(top)
  })
})
