import type { Db } from '../db'

/**
 * Turns what a person types into a safe FTS5 query: every word becomes a quoted phrase (so
 * operators and punctuation in the input are never FTS5 syntax), words are ANDed, and the last word
 * of three or more characters matches as a prefix so results follow typing ("Dinkel" finds
 * "Dinkelbrötchen") — unless `isWholeWord` says the index holds it as a word: a prefix query reads
 * every matching term's whole posting list, 30 ms for a word in a quarter of a million messages.
 * Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string, isWholeWord: (folded: string) => boolean = () => false): string | null {
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
      const prefix = i === words.length - 1 && [...w].length >= 3 && !isWholeWord(foldLikeIndex(w))
      return prefix ? `${phrase}*` : phrase
    })
    .join(' ')
}


/** The form the unicode61 tokenizer (remove_diacritics 2) stores a word in. */
export const foldLikeIndex = (word: string): string =>
  word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

/**
 * Whether the message index holds `folded` as a word: the first entry of its posting list, found in
 * well under a millisecond (an fts5vocab lookup scans the whole vocabulary: 18 ms at 1M messages).
 */
export function messageVocabulary(db: Db): (folded: string) => boolean {
  const lookup = db.prepare('SELECT 1 FROM messages_fts WHERE messages_fts MATCH ? LIMIT 1').pluck()
  return (folded) => lookup.get(`"${folded}"`) !== undefined
}
