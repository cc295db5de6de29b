import type { TFunction } from 'i18next'

/** Cannot occur in a catalogue's text: marks where each placeholder sat. */
const MARK = '\u0000'

/**
 * A message with placeholders, translated once: filling it in joins strings instead of calling
 * i18next (key lookup, option merging and interpolation, some 20 µs a call). For the texts every row of
 * a long list repeats, several rows of which a fast scroll renders each frame. Not for plurals, whose
 * form depends on the value.
 */
export function compileMessage<Name extends string>(
  t: TFunction,
  key: string,
  names: readonly Name[],
): (values: Record<Name, string>) => string {
  const marked = Object.fromEntries(names.map((name) => [name, `${MARK}${name}${MARK}`]))
  // Even parts are the text around the placeholders, odd parts their names.
  const parts = String(t(key, marked)).split(MARK)
  return (values) => {
    let text = ''
    for (let i = 0; i < parts.length; i++) text += i % 2 === 1 ? values[parts[i] as Name] : parts[i]
    return text
  }
}
