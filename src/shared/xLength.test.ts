import { describe, expect, it } from 'vitest'
import { X_URL_LENGTH, xWeightedLength } from './xLength'

describe('xWeightedLength', () => {
  it('counts Latin letters, umlauts and punctuation as one', () => {
    expect(xWeightedLength('a'.repeat(280))).toBe(280)
    expect(xWeightedLength('Grüße – „Danke“')).toBe(15)
  })

  it('counts code points outside the light ranges as two, as X does with the ellipsis', () => {
    expect(xWeightedLength('…')).toBe(2)
  })

  it('counts CJK characters as two and an emoji as two, however it is built', () => {
    expect(xWeightedLength('日本')).toBe(4)
    expect(xWeightedLength('👍')).toBe(2)
    expect(xWeightedLength('👍🏽')).toBe(2) // thumbs up + skin tone
    expect(xWeightedLength('👨‍👩‍👧')).toBe(2) // a family: five code points joined
    expect(xWeightedLength('🇩🇪')).toBe(2) // a flag: two regional indicators
  })

  it('counts the composed form of a decomposed letter', () => {
    expect(xWeightedLength('e\u0301')).toBe(1)
  })

  it('counts every link as 23, with or without a scheme', () => {
    expect(xWeightedLength('see https://example.com/a/very/long/path?x=1 ok')).toBe(4 + X_URL_LENGTH + 3)
    expect(xWeightedLength('baeckerei-sonnenschein.de')).toBe(X_URL_LENGTH)
    expect(xWeightedLength('www.baeckerei-sonnenschein.de/torten/bestellen')).toBe(X_URL_LENGTH)
  })

  it('leaves sentence punctuation after a link out of the link', () => {
    expect(xWeightedLength('Mehr auf example.com!')).toBe(9 + X_URL_LENGTH + 1)
    expect(xWeightedLength('(https://example.com/x).')).toBe(1 + X_URL_LENGTH + 2)
  })

  it('does not take addresses, abbreviations or handles for links', () => {
    expect(xWeightedLength('anna@example.de')).toBe(15)
    expect(xWeightedLength('z.B. morgen')).toBe(11)
    expect(xWeightedLength('@sonnenschein_dus')).toBe(17)
  })
})
