import { describe, expect, it } from 'vitest'
import { foldLikeIndex, toFtsQuery } from './fts'

describe('toFtsQuery', () => {
  it('quotes every word, so input is never FTS5 syntax', () => {
    expect(toFtsQuery('NEAR(a b) OR "x" col:y')).toBe('"NEAR(a" "b" "OR" "x" "col:y"*')
    expect(toFtsQuery(' ,;  ')).toBeNull()
  })

  it('matches the last word as a prefix only when the index does not hold it as a whole word', () => {
    const words = new Set(['sonnenschein'])
    const isWord = (w: string) => words.has(w)
    expect(toFtsQuery('Dinkel', isWord)).toBe('"Dinkel"*')
    expect(toFtsQuery('Sonnenschein', isWord)).toBe('"Sonnenschein"')
    expect(toFtsQuery('ab', isWord)).toBe('"ab"')
  })

  it('folds like the tokenizer', () => {
    expect(foldLikeIndex('Brötchen')).toBe('brotchen')
  })
})
