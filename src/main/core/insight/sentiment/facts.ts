import { EMOJI } from './emoji'
import { languageHint } from './language'
import type { Language, LanguageRules, Phrase } from './rules'
import { isPunctuation } from './tokens'

/** What the scorer asks about a token, as bits: one look-up per token instead of one per question. */
export const PUNCTUATION = 1
export const CONTRAST = 1 << 1
export const NEGATOR = 1 << 2
export const NEGATION_BREAKER = 1 << 3
export const TRAILING_NEGATOR = 1 << 4
export const NOT_NEGATABLE = 1 << 5
export const NEGATION_BARRIER = 1 << 6
export const BOOSTER = 1 << 7
export const DAMPENER = 1 << 8
export const EXCESS_MARKER = 1 << 9
export const EXCESS = 1 << 10
export const SALUTATION = 1 << 11

/** Everything one language's rules say about one token. */
export interface TokenFacts {
  flags: number
  /** The word's valence in these rules, when it carries one. */
  valence: number | undefined
  emoji: number | undefined
  /** Fixed expressions that start with this token. */
  phrases: readonly Phrase[] | undefined
}

/** How a message is read: in its language, or in either when it gives no hint. */
export type Reading = Language | 'either'

/** What is known about one token: its language hint and, once asked, its facts per reading. */
interface TokenEntry {
  hint: number
  /** Indexed by READING_INDEX: an array keeps every entry one shape (a keyed object went megamorphic). */
  facts: (TokenFacts | undefined)[]
}

const READING_INDEX: Record<Reading, number> = { de: 0, en: 1, either: 2 }

/** Enough for the words of many mails; a full memo is dropped and refilled, never grown further. */
const MEMO_LIMIT = 50_000
const memo = new Map<string, TokenEntry>()

/**
 * Each token's entry, found with one look-up: a token's facts never change, and a shop's mail
 * repeats the same few thousand words, so each is worked out once per reading (memo bounded).
 */
export function entriesOf(tokens: readonly string[]): TokenEntry[] {
  const entries = new Array<TokenEntry>(tokens.length)
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    let entry = memo.get(token)
    if (!entry) {
      if (memo.size >= MEMO_LIMIT) memo.clear()
      entry = { hint: languageHint(token), facts: [undefined, undefined, undefined] }
      memo.set(token, entry)
    }
    entries[i] = entry
  }
  return entries
}

/** null when the message gives no hint ("Super!! 😍"), or as many of either language. */
export function languageOf(entries: readonly TokenEntry[]): Language | null {
  let balance = 0
  for (const entry of entries) balance += entry.hint
  if (balance === 0) return null
  return balance > 0 ? 'de' : 'en'
}

/** The tokens' facts under the rules of one reading. */
export function factsIn(
  tokens: readonly string[],
  entries: readonly TokenEntry[],
  reading: Reading,
  rules: LanguageRules,
): TokenFacts[] {
  const facts = new Array<TokenFacts>(tokens.length)
  const index = READING_INDEX[reading]
  for (let i = 0; i < tokens.length; i++) facts[i] = entries[i]!.facts[index] ??= workOut(tokens[i]!, rules)
  return facts
}

function workOut(token: string, rules: LanguageRules): TokenFacts {
  const flag = (yes: boolean, bit: number) => (yes ? bit : 0)
  const flags =
    flag(isPunctuation(token), PUNCTUATION) |
    flag(rules.contrasts.has(token), CONTRAST) |
    flag(rules.negators.has(token), NEGATOR) |
    flag(rules.negationBreakers.has(token), NEGATION_BREAKER) |
    flag(rules.trailingNegators.has(token), TRAILING_NEGATOR) |
    flag(rules.notNegatable.has(token), NOT_NEGATABLE) |
    flag(rules.negationBarriers.has(token), NEGATION_BARRIER) |
    flag(rules.boosters.has(token), BOOSTER) |
    flag(rules.dampeners.has(token), DAMPENER) |
    flag(rules.excessMarkers.has(token), EXCESS_MARKER) |
    flag(rules.isExcess(token), EXCESS) |
    flag(rules.salutations.has(token), SALUTATION)
  return { flags, valence: rules.valence(token), emoji: EMOJI.get(token), phrases: rules.phrases.get(token) }
}
