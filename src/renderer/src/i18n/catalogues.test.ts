import { describe, expect, it } from 'vitest'
import de from './de.json'
import en from './en.json'

type Catalogue = { [key: string]: string | Catalogue }

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
  const flatDe = flatten(de as Catalogue)
  const flatEn = flatten(en as Catalogue)

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
