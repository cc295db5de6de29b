/** Folds a character the way the index does (unicode61, remove_diacritics): lower case, no accents. */
const fold = (ch: string): string => ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

/**
 * A short excerpt of `text` around the first of `words` it contains, matched the way the full-text
 * index matches (case and accents folded, prefix for the last word). Cheaper than FTS5's snippet(),
 * which re-reads the index for every hit.
 */
export function snippetAround(text: string, words: readonly string[], width = 110): string {
  const at = firstMatch(text, words)
  const start = Math.max(0, Math.min(at - Math.floor(width / 3), text.length - width))
  const excerpt = text.slice(start, start + width).replace(/\s+/g, ' ').trim()
  return `${start > 0 ? '…' : ''}${excerpt}${start + width < text.length ? '…' : ''}`
}

/** Where the first query word starts (UTF-16 index), or 0. Tries plain lower case before folding accents. */
function firstMatch(text: string, words: readonly string[]): number {
  const lower = text.toLowerCase()
  if (lower.length === text.length) {
    const hits = words.map((w) => lower.indexOf(w.toLowerCase())).filter((i) => i >= 0)
    if (hits.length > 0) return Math.min(...hits)
  }
  return foldedMatch(text, words)
}

function foldedMatch(text: string, words: readonly string[]): number {
  const chars = [...text]
  const folded: string[] = []
  const origin: number[] = []
  chars.forEach((ch, i) => {
    for (const f of fold(ch)) {
      folded.push(f)
      origin.push(i)
    }
  })
  const haystack = folded.join('')
  const hits = words.map((w) => haystack.indexOf([...w].map(fold).join(''))).filter((i) => i >= 0)
  if (hits.length === 0) return 0
  // Back from code points to a UTF-16 index, the unit String.slice counts in.
  return chars.slice(0, origin[Math.min(...hits)]).join('').length
}
