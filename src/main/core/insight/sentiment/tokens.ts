/**
 * Splits a message into lower-cased words, emojis, emoticons and the punctuation that ends a clause.
 * It reads what this expression would match, from left to right:
 *
 *   /[:;=]-?[()dp/](?![\p{L}\p{N}])|<3|[\p{L}\p{N}]+(?:['’][\p{L}]+)?|\p{Extended_Pictographic}|[.!?,;:]/gu
 *
 * as one hand-written pass over the characters: matching it with `exec` cost more than scoring
 * the words, on every incoming message. tokens.test.ts holds the two to the same tokens.
 */

export interface Tokens {
  words: string[]
  /**
   * 1 for a capitalised word inside a sentence. In German that marks a noun, which "nicht" does not
   * negate ("Für so einen Pfusch zahle ich nicht" is no praise).
   */
  capitalised: Uint8Array
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u
const LETTER = /\p{L}/u
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u

/** A mail uses few code points above ASCII; text made of thousands of them only refills the memo. */
const CLASS_MEMO_LIMIT = 10_000

/** Unicode classes of the code points above ASCII, looked up once each (memo bounded). */
function classMemo(pattern: RegExp): (codePoint: number) => boolean {
  const memo = new Map<number, boolean>()
  return (codePoint) => {
    let member = memo.get(codePoint)
    if (member === undefined) {
      member = pattern.test(String.fromCodePoint(codePoint))
      if (memo.size >= CLASS_MEMO_LIMIT) memo.clear()
      memo.set(codePoint, member)
    }
    return member
  }
}
const isWideWordCharacter = classMemo(WORD_CHARACTER)
const isWideLetter = classMemo(LETTER)
const isWidePictographic = classMemo(PICTOGRAPHIC)

const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
const isAsciiDigit = (c: number) => c >= 48 && c <= 57
const isWordCharacter = (cp: number) => (cp < 128 ? isAsciiLetter(cp) || isAsciiDigit(cp) : isWideWordCharacter(cp))
const isLetter = (cp: number) => (cp < 128 ? isAsciiLetter(cp) : isWideLetter(cp))

/** The code point at i: a surrogate pair is one character, a lone surrogate stands for itself. */
function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i)
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? text.codePointAt(i)! : c
}
const widthOf = (cp: number) => (cp > 0xffff ? 2 : 1)

/** Where a run of letters and digits (or of letters only) that starts at i ends. */
function endOfRun(text: string, i: number, digits: boolean): number {
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (c < 128) {
      if (!(isAsciiLetter(c) || (digits && isAsciiDigit(c)))) return i
      i++
      continue
    }
    const cp = codePointAt(text, i)
    if (!(digits ? isWideWordCharacter(cp) : isWideLetter(cp))) return i
    i += widthOf(cp)
  }
  return i
}

const COLON = 58
const SEMICOLON = 59
const EQUALS = 61
const HYPHEN = 45
const APOSTROPHE = 39
const TYPOGRAPHIC_APOSTROPHE = 0x2019

const isEmoticonMouth = (c: number) => c === 40 || c === 41 || c === 100 || c === 112 || c === 47 // ( ) d p /
const isSentenceEnd = (c: number) => c === 46 || c === 33 || c === 63 // . ! ?

/** Where the token that starts at i ends; -1 when none starts there. */
function tokenEnd(lower: string, i: number, c: number): number {
  if (c === COLON || c === SEMICOLON || c === EQUALS) {
    const mouth = lower.charCodeAt(i + 1) === HYPHEN ? i + 2 : i + 1
    const closed = mouth + 1 < lower.length && isWordCharacter(codePointAt(lower, mouth + 1))
    if (isEmoticonMouth(lower.charCodeAt(mouth)) && !closed) return mouth + 1
    return c === EQUALS ? -1 : i + 1
  }
  if (c === 60 && lower.charCodeAt(i + 1) === 51) return i + 2 // <3
  const cp = c < 0xd800 ? c : codePointAt(lower, i)
  if (isWordCharacter(cp)) {
    const end = endOfRun(lower, i + widthOf(cp), true)
    const next = lower.charCodeAt(end)
    const elided = (next === APOSTROPHE || next === TYPOGRAPHIC_APOSTROPHE) && end + 1 < lower.length
    return elided && isLetter(codePointAt(lower, end + 1)) ? endOfRun(lower, end + 1, false) : end
  }
  if (isSentenceEnd(c) || c === 44) return i + 1 // . ! ? , (":" and ";" are read with the emoticons)
  if (cp >= 128 && isWidePictographic(cp)) return i + widthOf(cp)
  return -1
}

export function tokenize(text: string): Tokens {
  const lower = text.toLowerCase()
  // Lower-casing keeps offsets except for a few letters ("İ"); then nothing counts as capitalised.
  const aligned = lower.length === text.length
  // Most mails have no typographic apostrophe: then no word needs looking through for one.
  const typographic = lower.includes('’')
  const words: string[] = []
  const capitalised: number[] = []
  let sentenceStart = true
  for (let i = 0; i < lower.length;) {
    const c = lower.charCodeAt(i)
    const end = tokenEnd(lower, i, c)
    if (end < 0) {
      i += widthOf(codePointAt(lower, i))
      continue
    }
    if (aligned && !sentenceStart && text.charCodeAt(i) !== c) capitalised.push(words.length)
    const word = lower.slice(i, end)
    // Emoticons lose their nose (":-)" is ":)"), and "didn’t" is "didn't".
    if (c === COLON || c === SEMICOLON || c === EQUALS) words.push(end - i > 2 ? word.replace('-', '') : word)
    else words.push(typographic && end - i > 2 && word.includes('’') ? word.replace('’', "'") : word)
    sentenceStart = end === i + 1 && isSentenceEnd(c)
    i = end
  }
  const flags = new Uint8Array(words.length)
  for (const i of capitalised) flags[i] = 1
  return { words, capitalised: flags }
}

const PUNCTUATION = new Set(['.', '!', '?', ',', ';', ':'])
export const isPunctuation = (token: string): boolean => PUNCTUATION.has(token)
