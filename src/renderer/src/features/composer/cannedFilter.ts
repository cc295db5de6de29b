import type { CannedReply } from '../../../../shared/contract'

/** Lower case without accents, so "uber" finds "Über" and "cafe" finds "Café". */
const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

/**
 * The canned replies whose title or text contain every word typed, in any order; those in the
 * language the person works in come first, then by title.
 */
export function filterCanned(replies: readonly CannedReply[], query: string, language: string): CannedReply[] {
  const words = fold(query).split(/\s+/).filter(Boolean)
  const matches = replies.filter((reply) => {
    const haystack = fold(`${reply.title} ${reply.body}`)
    return words.every((word) => haystack.includes(word))
  })
  return matches.sort(
    (a, b) =>
      Number(b.language === language) - Number(a.language === language) ||
      a.title.localeCompare(b.title, language, { sensitivity: 'base' }),
  )
}

/** Arrow keys move through the list and wrap around at either end. */
export function stepIndex(length: number, current: number, step: 1 | -1): number {
  return length === 0 ? 0 : (current + step + length) % length
}
