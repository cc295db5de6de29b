import { describe, expect, it } from 'vitest'
import { tokenScope } from './client'
import { TID_PATTERN, replyRecordKey, tid } from './tid'

describe('record keys', () => {
  it('writes TIDs as the spec does: 13 base32-sortable characters that sort by time', () => {
    expect(tid(0n, 0)).toBe('2222222222222')
    expect(tid(0n, 1)).toBe('2222222222223')
    const march2024 = 1_709_843_453_201_000n
    expect(tid(march2024, 0)).toMatch(TID_PATTERN)
    expect(tid(march2024, 1023) < tid(march2024 + 1n, 0)).toBe(true)
  })

  it('gives one outbox item the same key on every attempt, and two items different ones', () => {
    const item = { id: 7, idempotencyKey: '6f1c-…', queuedAt: Date.parse('2026-03-02T09:00:00Z') }
    expect(replyRecordKey(item)).toBe(replyRecordKey({ ...item }))
    expect(replyRecordKey(item)).toMatch(TID_PATTERN)
    expect(replyRecordKey({ ...item, id: 8, idempotencyKey: 'a3d9-…' })).not.toBe(replyRecordKey(item))
  })
})

describe('tokenScope', () => {
  const token = (claims: object) => `x.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.y`
  it('reads the scope an access token was issued for, and nothing from what is not a JWT', () => {
    expect(tokenScope(token({ scope: 'com.atproto.appPass' }))).toBe('com.atproto.appPass')
    expect(tokenScope(token({ sub: 'did:plc:x' }))).toBeNull()
    expect(tokenScope('opaque-token')).toBeNull()
  })
})
