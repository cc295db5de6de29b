/**
 * How Bluesky and Mastodon count a post's length, for the core's check and the composer's counter.
 *
 * Bluesky: at most 300 graphemes (app.bsky.feed.post `text`, maxGraphemes) — what a reader sees as
 * one character, so 👍🏽 or a flag is one.
 *
 * Mastodon: each instance sets its own limit (configuration.statuses.max_characters, 500 by
 * default). It counts code points, but every link as characters_reserved_per_url (23) however long,
 * and a remote mention `@user@host` as `@user` (StatusLengthValidator).
 */
export const BLUESKY_MAX_GRAPHEMES = 300
export const MASTODON_DEFAULT_MAX = 500
export const MASTODON_URL_LENGTH = 23

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' })

export function graphemeLength(text: string): number {
  let n = 0
  for (const _ of segmenter.segment(text)) n++
  return n
}

const MASTODON_URL = /https?:\/\/[^\s<>"]+/g
const REMOTE_MENTION = /(^|[^\w@/])@(\w+)@[\w.-]+\w/g

export function mastodonLength(text: string, urlLength = MASTODON_URL_LENGTH): number {
  const counted = text
    .replace(MASTODON_URL, 'x'.repeat(urlLength))
    .replace(REMOTE_MENTION, (_, lead: string, user: string) => `${lead}@${user}`)
  let n = 0
  for (const _ of counted) n++
  return n
}

/**
 * A Mastodon reply notifies only the people it mentions, and a direct one without the mention
 * reaches nobody: the customer's `@acct` leads the reply unless it already names them (as
 * `@user@host`, or as `@user` on the same instance).
 */
export function withMention(text: string, acct: string): string {
  const body = text.trim()
  const escaped = acct.replace(/^@/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(^|[^\\w@])@${escaped}(?![\\w@])`, 'i').test(body) ? body : `@${acct.replace(/^@/, '')} ${body}`
}
