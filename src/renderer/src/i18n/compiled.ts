import type { TFunction } from 'i18next'

/** Cannot occur in a catalogue's text: marks where each placeholder sat. */
const MARK = '\u0000'

type Filler = (values: Readonly<Record<string, string>>) => string

/** The messages compiled so far, by language, key and placeholder names. */
const compiled = new Map<string, Filler>()

/**
 * `t(key, values)` in language `lang` (the one `t` translates to) for the texts every row of a long list repeats, several rows of which a fast scroll
 * renders each frame. i18next looks the key up, merges options and interpolates on every call (some
 * 20 µs); here a message is translated once per language with marked placeholders, and filling it in
 * joins strings. Values are strings and taken literally. Not for plurals (a `count`), whose form
 * depends on the value: those go to i18next.
 */
export function fill(t: TFunction, lang: string, key: string, values: Readonly<Record<string, string>> = {}): string {
  const names = Object.keys(values)
  if (names.includes('count')) return String(t(key, values))
  // Keyed by the language, not by `t`: react-i18next may keep a `t` across a change of language.
  const id = `${lang}\u0001${key}\u0001${names.join(',')}`
  let filler = compiled.get(id)
  if (!filler) compiled.set(id, (filler = compile(t, key, names)))
  return filler(values)
}

function compile(t: TFunction, key: string, names: readonly string[]): Filler {
  const marked = Object.fromEntries(names.map((name) => [name, `${MARK}${name}${MARK}`]))
  // Even parts are the text around the placeholders, odd parts their names.
  const parts = String(t(key, marked)).split(MARK)
  return (values) => {
    let text = ''
    for (let i = 0; i < parts.length; i++) text += i % 2 === 1 ? values[parts[i]!] : parts[i]
    return text
  }
}
