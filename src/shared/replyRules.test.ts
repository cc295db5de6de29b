import { describe, expect, it } from 'vitest'
import {
  prependUndone,
  QUOTE_MAX_CHARS,
  quoteOriginal,
  replyLimit,
  replyProblem,
  replySubject,
  withQuote,
  type ReplyTarget,
} from './replyRules'

const NOW = Date.UTC(2026, 10, 23, 12)
const HOUR = 3_600_000
const tweet: ReplyTarget = { channel: 'x', visibility: 'public', lastInboundAt: NOW - HOUR }

describe('replyProblem', () => {
  it('allows 280 on X and refuses 281, counted as X counts', () => {
    expect(replyProblem(tweet, 'a'.repeat(280), NOW)).toBeNull()
    expect(replyProblem(tweet, 'a'.repeat(281), NOW)).toEqual({ kind: 'too-long', used: 281, max: 280 })
    // A long link counts 23, so this fits although it has more than 280 characters.
    expect(replyProblem(tweet, `${'a'.repeat(250)} https://example.com/${'x'.repeat(100)}`, NOW)).toBeNull()
  })

  it('judges the trimmed text and never allows an empty one', () => {
    expect(replyProblem(tweet, `  ${'a'.repeat(280)}\n`, NOW)).toBeNull()
    expect(replyProblem(tweet, '  \n ', NOW)).toEqual({ kind: 'empty' })
  })

  it('gives X direct messages and email no limit beyond the contract’s ceiling', () => {
    expect(replyLimit({ channel: 'x', visibility: 'private' })).toBeNull()
    expect(replyLimit({ channel: 'email', visibility: 'private' })).toBeNull()
  })

  it('limits Messenger to 2,000 characters and comments to 8,000', () => {
    expect(replyLimit({ channel: 'facebook', visibility: 'private' })?.max).toBe(2_000)
    expect(replyLimit({ channel: 'facebook', visibility: 'public' })?.max).toBe(8_000)
  })

  it('closes Messenger 24 hours after the customer’s last message, or when they never wrote', () => {
    const dm = (lastInboundAt: number | null): ReplyTarget => ({
      channel: 'facebook',
      visibility: 'private',
      lastInboundAt,
    })
    expect(replyProblem(dm(NOW - 23 * HOUR), 'Hallo', NOW)).toBeNull()
    expect(replyProblem(dm(NOW - 25 * HOUR), 'Hallo', NOW)).toEqual({ kind: 'window-closed' })
    expect(replyProblem(dm(null), 'Hallo', NOW)).toEqual({ kind: 'window-closed' })
    expect(replyProblem({ channel: 'facebook', visibility: 'public', lastInboundAt: null }, 'Hallo', NOW)).toBeNull()
  })
})

describe('replySubject', () => {
  it('adds Re: once', () => {
    expect(replySubject('Torte bestellen')).toBe('Re: Torte bestellen')
    expect(replySubject('AW: Torte bestellen')).toBe('AW: Torte bestellen')
    expect(replySubject('re:Termin')).toBe('re:Termin')
    expect(replySubject(null)).toBe('Re:')
  })
})

describe('quoteOriginal', () => {
  const original = {
    authorName: 'Anna Schmidt',
    sentAt: Date.UTC(2026, 10, 20, 8, 30),
    bodyText: 'Hallo,\n\nist die Torte fertig?\n',
  }

  it('quotes every line under an attribution in the reply’s language', () => {
    expect(quoteOriginal(original, 'de', 'Europe/Berlin')).toBe(
      'Am 20.11.2026, 09:30 schrieb Anna Schmidt:\n> Hallo,\n>\n> ist die Torte fertig?',
    )
    expect(quoteOriginal(original, 'en', 'Europe/Berlin').split('\n')[0]).toBe(
      'On 20 Nov 2026, 09:30, Anna Schmidt wrote:',
    )
  })

  it('cuts a very long original and says so', () => {
    const quote = quoteOriginal({ ...original, bodyText: 'ä'.repeat(QUOTE_MAX_CHARS + 10) }, 'en')
    expect(quote.split('\n')[1]).toBe(`> ${'ä'.repeat(QUOTE_MAX_CHARS)}…`)
  })

  it('goes below the reply after a blank line', () => {
    expect(withQuote(' Ja, ist sie. ', '> Frage')).toBe('Ja, ist sie.\n\n> Frage')
    expect(withQuote(' Ja. ', null)).toBe('Ja.')
  })
})

describe('prependUndone', () => {
  it('puts the undone reply before what was typed since, or alone', () => {
    expect(prependUndone('Danke!', 'PS: Kerzen?')).toBe('Danke!\n\nPS: Kerzen?')
    expect(prependUndone('Danke!', '  ')).toBe('Danke!')
  })
})
