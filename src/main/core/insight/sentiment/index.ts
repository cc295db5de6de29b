import type { Sentiment, SentimentLabel } from '../../../../shared/domain'
import { ENGLISH } from './english'
import { GERMAN } from './german'
import { entriesOf, factsIn, languageOf, type Reading } from './facts'
import { eitherLanguage, type Language, type LanguageRules } from './rules'
import { rawScore } from './score'
import { tokenize } from './tokens'

export type { Language }

/** Earshot's shops are German-speaking first: a message without any hint reads German words first. */
const RULES: Record<Reading, LanguageRules> = { de: GERMAN, en: ENGLISH, either: eitherLanguage(GERMAN, ENGLISH) }

/** VADER's normalisation: x / √(x² + α) maps a sum of valences onto (-1, 1), ±0.5 at about ±2.2. */
const ALPHA = 15
/**
 * A message leans one way from ±0.3: more than one mild word (valence ±1 alone normalises to 0.25),
 * so "Ich habe meine Flasche vergessen" or "please add a note" stay neutral.
 */
export const LABEL_THRESHOLD = 0.3

/**
 * Only a message's opening is read: the mood is stated up front, and a long mail's quoted history or
 * signature would cost time and blur it.
 */
const MAX_CHARS = 2_000

export interface SentimentReading extends Sentiment {
  language: Language | null
}

/** Reads the mood of a customer message, German or English, on the device and in microseconds. */
export function readSentiment(text: string): SentimentReading {
  const tokens = tokenize(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text)
  const entries = entriesOf(tokens.words)
  const language = languageOf(entries)
  const reading = language ?? 'either'
  const raw = rawScore(tokens, factsIn(tokens.words, entries, reading, RULES[reading]))
  const score = Math.round((raw / Math.sqrt(raw * raw + ALPHA)) * 1000) / 1000
  return { score, label: labelOf(score), language }
}

/** A stored message's mood, read the same way at ingest and in the backfill: an e-mail's subject often says it best. */
export function moodOfMessage(subject: string | null | undefined, bodyText: string): Sentiment {
  const { score, label } = readSentiment(subject ? `${subject}. ${bodyText}` : bodyText)
  return { score, label }
}

export function labelOf(score: number): SentimentLabel {
  if (score >= LABEL_THRESHOLD) return 'positive'
  if (score <= -LABEL_THRESHOLD) return 'negative'
  return 'neutral'
}
