/**
 * Turns what a person types into a safe FTS5 query: every word becomes a quoted phrase (so
 * operators and punctuation in the input are never FTS5 syntax), words are ANDed, and the last word
 * of three or more characters matches as a prefix so results follow typing.
 * Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const words = input
    .normalize('NFC')
    .split(/[\s"]+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}@#]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, 12)
  if (words.length === 0) return null
  return words
    .map((w, i) => {
      const phrase = `"${w}"`
      return i === words.length - 1 && [...w].length >= 3 ? `${phrase}*` : phrase
    })
    .join(' ')
}

