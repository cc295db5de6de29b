import { describe, expect, it } from 'vitest'
import type { Message } from '../../../../shared/domain'
import { checkReply, codePointLength, isMessengerWindowClosed, replySubject } from './replyRules'

const NOW = Date.UTC(2026, 10, 23, 12)
const HOUR = 3_600_000

function message(direction: Message['direction'], sentAt: number): Message {
  return {
    id: sentAt,
    conversationId: 1,
    channel: 'facebook',
    direction,
    authorName: 'A',
    authorHandle: null,
    subject: null,
    bodyText: 'hi',
    bodyHtml: null,
    sentAt,
  }
}

describe('codePointLength', () => {
  it('counts an emoji or an umlaut as one character', () => {
    expect(codePointLength('👍🏽ü')).toBe(3) // thumbs up + skin tone modifier + ü
    expect(codePointLength('x'.repeat(280))).toBe(280)
  })
})

describe('checkReply on X', () => {
  const x = { channel: 'x', visibility: 'public' } as const
  it('allows exactly 280 characters and blocks 281', () => {
    expect(checkReply(x, [], 'a'.repeat(280), NOW)).toMatchObject({ overLimit: false, canSend: true })
    expect(checkReply(x, [], 'a'.repeat(281), NOW)).toMatchObject({ overLimit: true, canSend: false })
  })
  it('counts the trimmed text, as the core does', () => {
    expect(checkReply(x, [], `  ${'a'.repeat(280)}\n`, NOW).count).toEqual({ used: 280, limit: 280 })
  })
  it('never sends an empty reply', () => {
    expect(checkReply(x, [], '   ', NOW).canSend).toBe(false)
  })
})

describe('the Messenger window', () => {
  const dm = { channel: 'facebook', visibility: 'private' } as const
  it('is open within 24 hours of the customer’s last message, whatever we sent since', () => {
    const messages = [message('in', NOW - 23 * HOUR), message('out', NOW - HOUR)]
    expect(isMessengerWindowClosed(dm, messages, NOW)).toBe(false)
  })
  it('is closed after 24 hours or when the customer never wrote', () => {
    expect(isMessengerWindowClosed(dm, [message('in', NOW - 25 * HOUR)], NOW)).toBe(true)
    expect(isMessengerWindowClosed(dm, [message('out', NOW - HOUR)], NOW)).toBe(true)
  })
  it('does not apply to public Facebook comments', () => {
    expect(isMessengerWindowClosed({ channel: 'facebook', visibility: 'public' }, [], NOW)).toBe(false)
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
