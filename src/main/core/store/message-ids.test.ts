import { describe, expect, it } from 'vitest'
import { messageIdRange } from './message-ids'

describe('messageIdRange', () => {
  it('gives each workspace its own range of exact integers', () => {
    const a = messageIdRange(1)
    const b = messageIdRange(2)
    expect(a.last + 1).toBe(b.first)
    expect(Number.isSafeInteger(messageIdRange(2 ** 21 - 1).last)).toBe(true)
  })
})
