import { describe, expect, it } from 'vitest'
import { graphemeLength, mastodonLength, withMention } from './openNetworkLength'
import { replyLimit, replyProblem, type ReplyTarget } from './replyRules'

const NOW = Date.UTC(2026, 10, 23, 12)

describe('Bluesky’s 300 graphemes', () => {
  const post: ReplyTarget = { channel: 'bluesky', visibility: 'public', lastInboundAt: NOW }
  it('counts what a reader sees as one character once', () => {
    expect(graphemeLength('👍🏽🇩🇪ü')).toBe(3)
    expect(graphemeLength('e\u0301')).toBe(1)
  })
  it('allows 300 and refuses 301, however many code units they take', () => {
    expect(replyProblem(post, '👍🏽'.repeat(300), NOW)).toBeNull()
    expect(replyProblem(post, `${'🇩🇪'.repeat(300)}!`, NOW)).toEqual({ kind: 'too-long', used: 301, max: 300 })
  })
})

describe('Mastodon’s instance limit', () => {
  it('counts a link as 23 and a remote mention as its local part', () => {
    expect(mastodonLength(`Menü: https://example.com/${'x'.repeat(200)}`)).toBe(6 + 23)
    expect(mastodonLength('@anna@chaos.social hallo')).toBe('@anna hallo'.length)
    expect(mastodonLength('mail@example.com')).toBe('mail@example.com'.length)
  })

  it('uses the instance’s own limit, and counts the mention the reply will start with', () => {
    const facts = { maxCharacters: 1000, urlLength: 23, mention: '@anna@chaos.social' }
    const target: ReplyTarget = { channel: 'mastodon', visibility: 'public', lastInboundAt: NOW, mastodon: facts }
    // "@anna " leads the reply: 6 of the 1,000.
    expect(replyProblem(target, 'a'.repeat(994), NOW)).toBeNull()
    expect(replyProblem(target, 'a'.repeat(995), NOW)).toEqual({ kind: 'too-long', used: 1001, max: 1000 })
    expect(replyProblem(target, `@anna@chaos.social ${'a'.repeat(994)}`, NOW)).toBeNull()
    expect(replyLimit({ channel: 'mastodon', visibility: 'public' })?.max).toBe(500)
  })

  it('adds the mention only when the reply does not name the customer', () => {
    expect(withMention('Danke!', '@anna@chaos.social')).toBe('@anna@chaos.social Danke!')
    expect(withMention('Danke @anna@chaos.social', 'anna@chaos.social')).toBe('Danke @anna@chaos.social')
  })
})
