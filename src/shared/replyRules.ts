import type { Channel, EpochMs, Visibility } from './domain'
import { X_MAX_LENGTH, xWeightedLength } from './xLength'
import {
  BLUESKY_MAX_GRAPHEMES,
  MASTODON_DEFAULT_MAX,
  graphemeLength,
  mastodonLength,
  withMention,
} from './openNetworkLength'

/**
 * What each channel accepts in a reply, in one place: the core refuses to queue a reply that breaks
 * a rule (the provider would refuse it later, after the person has moved on), and the composer
 * shows the same rules while the reply is written.
 */

/** Messenger lets a page answer a private message only within 24 hours of the customer's last one. */
export const MESSENGER_WINDOW_MS = 24 * 3_600_000
/** The most of an original message an email reply quotes; longer ones end with an ellipsis. */
export const QUOTE_MAX_CHARS = 4_000

export interface ReplyTarget {
  channel: Channel
  visibility: Visibility
  /** When the customer last wrote in the conversation; null if they never did. */
  lastInboundAt: EpochMs | null
  /** Mastodon only: what its limit depends on. Absent: Mastodon's own defaults, and no mention added. */
  mastodon?: MastodonReplyFacts
}

export interface MastodonReplyFacts {
  /** The instance's limit (configuration.statuses.max_characters) as last read from it. */
  maxCharacters: number
  /** What the instance counts a link as (configuration.statuses.characters_reserved_per_url). */
  urlLength: number
  /** The customer's `@user@host`: the reply starts with it unless it names them already. */
  mention: string | null
}

export interface ReplyLimit {
  max: number
  /** The length as the provider counts it. */
  count: (text: string) => number
}

/** Counts code points: an emoji or an umlaut is one character, not two UTF-16 units. */
export function codePointLength(text: string): number {
  let n = 0
  for (const _ of text) n++
  return n
}

/**
 * The provider's length limit for a reply; null when only the contract's ceiling applies (email,
 * X direct messages with their 10,000 characters).
 */
export function replyLimit(target: Pick<ReplyTarget, 'channel' | 'visibility' | 'mastodon'>): ReplyLimit | null {
  if (target.channel === 'x' && target.visibility === 'public') return { max: X_MAX_LENGTH, count: xWeightedLength }
  // Graph API: the Send API takes at most 2,000 characters, a comment at most 8,000.
  if (target.channel === 'facebook')
    return { max: target.visibility === 'private' ? 2_000 : 8_000, count: codePointLength }
  if (target.channel === 'bluesky') return { max: BLUESKY_MAX_GRAPHEMES, count: graphemeLength }
  if (target.channel === 'mastodon') {
    const facts = target.mastodon
    const mention = facts?.mention
    return {
      max: facts?.maxCharacters ?? MASTODON_DEFAULT_MAX,
      count: (text) => mastodonLength(mention ? withMention(text, mention) : text, facts?.urlLength),
    }
  }
  return null
}

export function isMessengerWindowClosed(target: ReplyTarget, now: EpochMs): boolean {
  if (target.channel !== 'facebook' || target.visibility !== 'private') return false
  return target.lastInboundAt === null || now - target.lastInboundAt > MESSENGER_WINDOW_MS
}

export type ReplyProblem =
  | { kind: 'empty' }
  | { kind: 'too-long'; used: number; max: number }
  | { kind: 'window-closed' }
  /** A mention found on the web (a blog post, a review): it is answered on its site, not from the app. */
  | { kind: 'answered-on-site' }

/** Why this reply cannot go out, or null if it can. The text is judged trimmed, as it is sent. */
export function replyProblem(target: ReplyTarget, text: string, now: EpochMs): ReplyProblem | null {
  const body = text.trim()
  if (target.channel === 'web') return { kind: 'answered-on-site' }
  if (!body) return { kind: 'empty' }
  if (isMessengerWindowClosed(target, now)) return { kind: 'window-closed' }
  const limit = replyLimit(target)
  const used = limit?.count(body) ?? 0
  return limit && used > limit.max ? { kind: 'too-long', used, max: limit.max } : null
}

/** "Re: <subject>", without stacking prefixes on a subject that already has one (Re:, AW:, Antw:). */
export function replySubject(subject: string | null): string {
  const s = (subject ?? '').trim()
  return /^(re|aw|antw)\s*:/i.test(s) ? s : `Re: ${s}`.trim()
}

export type QuoteLanguage = 'de' | 'en'

export interface QuotedMessage {
  authorName: string
  sentAt: EpochMs
  bodyText: string
}

const ATTRIBUTION: Record<QuoteLanguage, (when: string, author: string) => string> = {
  de: (when, author) => `Am ${when} schrieb ${author}:`,
  en: (when, author) => `On ${when}, ${author} wrote:`,
}

/**
 * The original message below an email reply, as mail programs quote it: an attribution line, then
 * every line of the original behind "> ". `timeZone` is for tests; the default is the local zone.
 */
export function quoteOriginal(original: QuotedMessage, language: QuoteLanguage, timeZone?: string): string {
  const when = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(original.sentAt)
  const text = original.bodyText.trim()
  const body = codePointLength(text) > QUOTE_MAX_CHARS ? `${[...text].slice(0, QUOTE_MAX_CHARS).join('')}…` : text
  const lines = body.split(/\r?\n/).map((line) => (line ? `> ${line}` : '>'))
  return [ATTRIBUTION[language](when, original.authorName), ...lines].join('\n')
}

/** What is sent: the reply, a blank line, then the quote (when there is one). */
export function withQuote(body: string, quote: string | null): string {
  return quote ? `${body.trim()}\n\n${quote}` : body.trim()
}

/** An undone reply goes back in front of whatever was typed since, so neither text is lost. */
export function prependUndone(undone: string, typedSince: string): string {
  return typedSince.trim() ? `${undone}\n\n${typedSince}` : undone
}
