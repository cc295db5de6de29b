import {
  BOOSTER,
  CONTRAST,
  DAMPENER,
  EXCESS,
  EXCESS_MARKER,
  NEGATION_BARRIER,
  NEGATION_BREAKER,
  NEGATOR,
  NOT_NEGATABLE,
  PUNCTUATION,
  SALUTATION,
  TRAILING_NEGATOR,
  type TokenFacts,
} from './facts'
import type { Phrase } from './rules'
import type { Tokens } from './tokens'

/**
 * A lexicon scorer with VADER's rules (Hutto & Gilbert, 2014), sized for customer messages: each
 * sentiment word (or fixed phrase, or emoji) adds its valence; negation turns it, boosters and
 * dampeners scale it, "but" shifts the weight onto what follows, questions count for less, and
 * exclamation marks add emphasis. Plain loops over one token array: this runs on every message.
 */

/** VADER's factor: a negated word keeps most of its strength with the sign turned ("not bad"). */
const NEGATION = -0.74
/** How far a negator or booster reaches, in words. */
const NEGATION_REACH = 3
const BOOSTER_REACH = 2
const BOOST = 1
const DAMPEN = 0.5
/** "zu süß", "too expensive": a complaint, stronger after "viel zu", "way too". */
const EXCESS_VALENCE = -2
const BEFORE_CONTRAST = 0.5
const AFTER_CONTRAST = 1.5
/** A question asks more than it feels ("Can you recommend a tyre?"). */
const QUESTION = 0.5
const EXCLAMATION = 0.3
const MAX_EXCLAMATIONS = 4

/** Per-token facts the passes share. */
interface Scan {
  tokens: readonly string[]
  facts: readonly TokenFacts[]
  capitalised: Uint8Array
  valence: Float64Array
  /** 1 where the valence comes from a word or phrase, so negation and boosters apply to it. */
  word: Uint8Array
  /** 1 for emojis, phrases and "too" + word: their valence is final, and none of them is a negator. */
  fixed: Uint8Array
  clause: Int32Array
}

/** The raw sum of valences on AFINN's scale; `index.ts` maps it onto [-1, 1]. */
export function rawScore({ words, capitalised }: Tokens, facts: readonly TokenFacts[]): number {
  const scan = readValences(words, facts, capitalised)
  applyBoosters(scan)
  applyNegation(scan)
  return sumWithWeights(scan)
}

function readValences(tokens: readonly string[], facts: readonly TokenFacts[], capitalised: Uint8Array): Scan {
  const n = tokens.length
  const scan: Scan = {
    tokens,
    facts,
    capitalised,
    valence: new Float64Array(n),
    word: new Uint8Array(n),
    fixed: new Uint8Array(n),
    clause: new Int32Array(n),
  }
  let clause = 0
  for (let i = 0; i < n; i++) {
    const { flags, emoji, phrases, valence } = facts[i]!
    if (flags & (PUNCTUATION | CONTRAST)) clause++
    scan.clause[i] = clause
    if (scan.fixed[i]) continue
    if (emoji !== undefined) {
      scan.valence[i] = emoji
      scan.fixed[i] = 1
      continue
    }
    const phrase = phrases && matchPhrase(tokens, i, phrases)
    if (phrase) {
      scan.valence[i] = phrase.valence
      scan.word[i] = phrase.valence === 0 ? 0 : 1
      // Fixed: a phrase is neither boosted nor read for negators; a negator before it still turns it.
      for (let k = i; k < i + phrase.length; k++) scan.fixed[k] = 1
      continue
    }
    if (flags & NEGATOR) continue
    if (i > 0 && facts[i - 1]!.flags & EXCESS_MARKER && flags & EXCESS) {
      const emphasised = i > 1 && facts[i - 2]!.flags & BOOSTER
      scan.valence[i] = emphasised ? EXCESS_VALENCE - BOOST : EXCESS_VALENCE
      scan.word[i] = 1
      scan.fixed[i] = 1
      continue
    }
    if (valence) {
      scan.valence[i] = valence
      scan.word[i] = 1
    }
  }
  if (n > 0 && facts[0]!.flags & SALUTATION) scan.valence[0] = scan.word[0] = 0
  return scan
}

function matchPhrase(tokens: readonly string[], at: number, candidates: readonly Phrase[]) {
  for (const phrase of candidates) {
    if (phrase.rest.every((word, k) => tokens[at + 1 + k] === word)) {
      return { valence: phrase.valence, length: phrase.rest.length + 1 }
    }
  }
  return null
}

/** "sehr gut", "really bad" gain a step; "etwas trocken", "slightly late" lose half. */
function applyBoosters(scan: Scan): void {
  const { tokens, facts, valence, word, fixed, clause } = scan
  for (let i = 0; i < tokens.length; i++) {
    if (!word[i] || fixed[i]) continue
    const own = valence[i]!
    for (let j = i - 1; j >= 0 && j >= i - BOOSTER_REACH && clause[j] === clause[i] && !word[j]; j--) {
      const modifier = facts[j]!.flags
      if (modifier & BOOSTER) {
        valence[i] = own + Math.sign(own) * BOOST
        break
      }
      if (modifier & DAMPENER) {
        valence[i] = own * DAMPEN
        break
      }
    }
  }
}

/**
 * Each negator turns one sentiment word: the next one in its clause, or for a trailing negator
 * (German "nicht"), failing that, the nearest verb or adjective before it ("Der Kuchen schmeckt mir nicht").
 */
function applyNegation(scan: Scan): void {
  const { tokens, facts, valence, fixed } = scan
  const negated = new Uint8Array(tokens.length)
  for (let j = 0; j < tokens.length; j++) {
    const negator = facts[j]!.flags
    if (fixed[j] || !(negator & NEGATOR)) continue
    if (j + 1 < tokens.length && facts[j + 1]!.flags & NEGATION_BREAKER) continue
    let target = findTarget(scan, negated, j, +1)
    if (target < 0 && negator & TRAILING_NEGATOR) target = findTarget(scan, negated, j, -1)
    if (target >= 0) {
      valence[target] = valence[target]! * NEGATION
      negated[target] = 1
    }
  }
}

function findTarget(scan: Scan, negated: Uint8Array, from: number, step: 1 | -1): number {
  const { tokens, facts, word, clause, capitalised } = scan
  for (let k = from + step, reach = 0; reach < NEGATION_REACH && k >= 0 && k < tokens.length; k += step, reach++) {
    if (clause[k] !== clause[from] || facts[k]!.flags & NEGATION_BARRIER) return -1
    if (!word[k] || negated[k]) continue
    const backwards = step < 0
    if (backwards && (capitalised[k] || facts[k]!.flags & NOT_NEGATABLE)) continue
    return k
  }
  return -1
}

/** Sums sentence by sentence, so "but" and a question mark weigh only their own sentence. */
function sumWithWeights(scan: Scan): number {
  const { tokens, facts, valence } = scan
  let total = 0
  let sentence = 0
  let weight = 1
  let exclamations = 0
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (facts[i]!.flags & CONTRAST) {
      sentence *= BEFORE_CONTRAST
      weight = AFTER_CONTRAST
    } else if (token === '.' || token === '!' || token === '?') {
      if (token === '!') exclamations++
      total += token === '?' ? sentence * QUESTION : sentence
      sentence = 0
      weight = 1
    } else {
      sentence += valence[i]! * weight
    }
  }
  total += sentence
  if (total !== 0) total += Math.sign(total) * Math.min(exclamations, MAX_EXCLAMATIONS) * EXCLAMATION
  return total
}
