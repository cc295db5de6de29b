import { describe, expect, it } from 'vitest'
import { parseKeywords } from './keywords'

describe('parseKeywords', () => {
  it('splits on commas and lines, trims, and drops blanks and repeats in any case', () => {
    expect(parseKeywords(' Sonnenschein, Bäckerei an der Kö\n\nsonnenschein,, ')).toEqual([
      'Sonnenschein',
      'Bäckerei an der Kö',
    ])
  })
})
