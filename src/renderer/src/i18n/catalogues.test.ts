import { describe, expect, it } from 'vitest'
import { de, en, type Catalogue } from './catalogues'

/** Every leaf as "a.b.c" → value, so nested catalogues compare as flat key sets. */
function flatten(obj: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

describe('i18n catalogues', () => {
  const flatDe = flatten(de)
  const flatEn = flatten(en)

  it('assemble every feature file under its own name', () => {
    // Guards the loader: two empty catalogues would otherwise pass every comparison below.
    expect(flatEn.get('inbox.heading')).toBeTruthy()
    expect(flatDe.get('inbox.heading')).toBeTruthy()
  })

  it('have identical keys in German and English', () => {
    expect([...flatDe.keys()].sort()).toEqual([...flatEn.keys()].sort())
  })

  it('have no empty values', () => {
    for (const [lang, flat] of [
      ['de', flatDe],
      ['en', flatEn],
    ] as const) {
      const empty = [...flat].filter(([, v]) => v.trim() === '').map(([k]) => `${lang}:${k}`)
      expect(empty).toEqual([])
    }
  })

  it('use the same interpolation variables in both languages', () => {
    const vars = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort()
    for (const [key, value] of flatEn) expect(vars(flatDe.get(key) ?? ''), key).toEqual(vars(value))
  })
})
