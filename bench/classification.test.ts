import { describe, expect, it } from 'vitest'
import { macroF1 } from './classification'

describe('macroF1', () => {
  it('averages each class’s F1 without weighting by class size', () => {
    const pairs = [
      { expected: 'a', predicted: 'a' },
      { expected: 'a', predicted: 'b' },
      { expected: 'b', predicted: 'b' },
      { expected: 'c', predicted: 'c' },
    ] as const
    const { macroF1: f1, perClass } = macroF1(['a', 'b', 'c'], pairs)
    // a: P 1, R 1/2 → 2/3; b: P 1/2, R 1 → 2/3; c: 1.
    expect(perClass.map((c) => c.f1)).toEqual([2 / 3, 2 / 3, 1])
    expect(f1).toBeCloseTo((2 / 3 + 2 / 3 + 1) / 3, 12)
  })

  it('counts a class nobody predicted as F1 0, not as an error', () => {
    const { perClass } = macroF1(['a', 'b'], [{ expected: 'b', predicted: 'a' }])
    expect(perClass).toEqual([
      { label: 'a', precision: 0, recall: 0, f1: 0, support: 0 },
      { label: 'b', precision: 0, recall: 0, f1: 0, support: 1 },
    ])
  })
})
