import { describe, expect, it } from 'vitest'
import { snippetAround } from './snippet'

describe('snippetAround', () => {
  it('centres on the first word found, ignoring case and accents', () => {
    const text = `${'Vorwort '.repeat(30)}wir hätten gern Dinkelbrötchen ohne Sesam ${'Nachwort '.repeat(30)}`
    const s = snippetAround(text, ['dinkelbrotchen'], 60)
    expect(s).toContain('Dinkelbrötchen ohne Sesam')
    expect(s.startsWith('…')).toBe(true)
    expect(s.endsWith('…')).toBe(true)
  })

  it('starts at the beginning when nothing matches, and leaves short texts whole', () => {
    expect(snippetAround('Kurz und gut.', ['fehlt'])).toBe('Kurz und gut.')
    expect(snippetAround('a\n\n  b', [])).toBe('a b')
  })
})
