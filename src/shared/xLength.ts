/**
 * How X counts a post's length (twitter-text v3, the rules X's servers apply): after NFC
 * normalisation each code point weighs 1 in the Latin, Greek, Cyrillic and punctuation ranges and 2
 * elsewhere (CJK, for instance), an emoji weighs 2 however many code points it is built from, and
 * every URL counts as 23, the length of the t.co link that replaces it.
 */
export const X_MAX_LENGTH = 280
export const X_URL_LENGTH = 23

/** Code points that weigh 1; everything else weighs 2 (twitter-text's `ranges`). */
const LIGHT_RANGES: readonly (readonly [number, number])[] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
]

/**
 * Top-level domains that make a bare "name.tld" a link. twitter-text knows every TLD; this is the
 * part a small European shop's customers write (a link with http:// or https:// always counts).
 */
const TLDS =
  'com|net|org|info|biz|io|co|app|dev|shop|store|online|site|blog|me|tv|ly|gl|' +
  'de|at|ch|eu|uk|fr|nl|be|it|es|pl|cz|dk|se|no|fi|lu|li|berlin|koeln|nrw|bayern|hamburg'

// A link starts a word: not after a letter, a digit, '@' (an address) or '.', '-', '/' (inside one).
const URL_PATTERN = new RegExp(
  String.raw`(?<![\p{L}\p{N}@.\-/])(?:https?://[^\s<>"]+|(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?\.)+(?:${TLDS})(?![\p{L}\p{N}\-@])(?::\d+)?(?:/[^\s<>"]*)?)`,
  'giu',
)
/** Sentence punctuation right after a link belongs to the sentence, not to the link. */
const TRAILING_PUNCTUATION = /[.,:;!?)\]'"’”]+$/u
const EMOJI = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\p{Regional_Indicator}|\u20E3/u

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' })

function weightOf(codePoint: number): number {
  return LIGHT_RANGES.some(([start, end]) => codePoint >= start && codePoint <= end) ? 1 : 2
}

function plainLength(text: string): number {
  let length = 0
  for (const { segment } of segmenter.segment(text)) {
    if (EMOJI.test(segment)) length += 2
    else for (const char of segment) length += weightOf(char.codePointAt(0) ?? 0)
  }
  return length
}

/** The length X gives `text`, to compare with X_MAX_LENGTH. */
export function xWeightedLength(text: string): number {
  const normalized = text.normalize('NFC')
  let length = 0
  let from = 0
  for (const match of normalized.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, '')
    length += plainLength(normalized.slice(from, match.index)) + X_URL_LENGTH
    from = match.index + url.length
  }
  return length + plainLength(normalized.slice(from))
}
