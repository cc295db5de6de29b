import { describe, expect, it } from 'vitest'
import type { Message } from '../../../../shared/domain'
import { checkReply, lastInboundAt, latestInbound } from './replyRules'

const NOW = Date.UTC(2026, 10, 23, 12)
const HOUR = 3_600_000

/** A message with only what the reply rules read: its direction and time. */
function message(direction: Message['direction'], sentAt: number): Message {
  return { id: sentAt, conversationId: 1, channel: 'facebook', direction, sentAt } as Message
}

describe('checkReply on X', () => {
  const x = { channel: 'x', visibility: 'public' } as const
  it('allows exactly 280 characters and blocks 281, counting links as X does', () => {
    expect(checkReply(x, [], 'a'.repeat(280), NOW)).toMatchObject({ overLimit: false, canSend: true })
    expect(checkReply(x, [], 'a'.repeat(281), NOW)).toMatchObject({ overLimit: true, canSend: false })
    expect(checkReply(x, [], `${'a'.repeat(256)} https://example.com/${'x'.repeat(60)}`, NOW).count).toEqual({
      used: 280,
      limit: 280,
    })
  })
  it('counts the trimmed text, as the core does', () => {
    expect(checkReply(x, [], `  ${'a'.repeat(280)}\n`, NOW).count).toEqual({ used: 280, limit: 280 })
  })
  it('never sends an empty reply', () => {
    expect(checkReply(x, [], '   ', NOW).canSend).toBe(false)
  })
  it('shows no count where only the contract’s ceiling applies', () => {
    expect(checkReply({ channel: 'email', visibility: 'private' }, [], 'Hallo', NOW).count).toBeNull()
  })
})

describe('the Messenger window', () => {
  const dm = { channel: 'facebook', visibility: 'private' } as const
  it('is open within 24 hours of the customer’s last message, whatever we sent since', () => {
    const messages = [message('in', NOW - 23 * HOUR), message('out', NOW - HOUR)]
    expect(checkReply(dm, messages, 'Hallo', NOW)).toMatchObject({ windowClosed: false, canSend: true })
  })
  it('is closed after 24 hours or when the customer never wrote', () => {
    expect(checkReply(dm, [message('in', NOW - 25 * HOUR)], 'Hallo', NOW)).toMatchObject({
      windowClosed: true,
      canSend: false,
    })
    expect(checkReply(dm, [message('out', NOW - HOUR)], 'Hallo', NOW).windowClosed).toBe(true)
  })
})

describe('unfilled variables', () => {
  it('block sending until a person replaces them', () => {
    const mail = { channel: 'email', visibility: 'private' } as const
    expect(checkReply(mail, [], 'Viele Grüße, {{agent.name}}', NOW)).toMatchObject({
      unfilled: ['{{agent.name}}'],
      canSend: false,
    })
    expect(checkReply(mail, [], 'Viele Grüße, Lena', NOW)).toMatchObject({ unfilled: [], canSend: true })
  })
})

describe('the customer’s latest message', () => {
  it('is the newest incoming one', () => {
    const messages = [message('in', 1), message('in', 3), message('out', 4)]
    expect(lastInboundAt(messages)).toBe(3)
    expect(latestInbound(messages)?.sentAt).toBe(3)
    expect(latestInbound([message('out', 1)])).toBeNull()
  })
})
