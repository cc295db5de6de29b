import { describe, expect, it } from 'vitest'
import type { Message, OutboxItem } from '../../../../shared/domain'
import { withoutDelivered } from './delivered'

const QUEUED_AT = 1_800_000_000_000
const pending = (id: number, bodyText: string): OutboxItem =>
  ({ id, conversationId: 1, bodyText, state: 'sending', attempts: 1, lastError: null, remoteId: null, createdAt: QUEUED_AT, notBefore: QUEUED_AT }) as OutboxItem
const message = (bodyText: string, direction: 'in' | 'out', sentAt: number): Message => ({ bodyText, direction, sentAt }) as Message

describe('withoutDelivered', () => {
  it('drops a pending reply once our message with its text is in the thread, and keeps the rest', () => {
    const items = [pending(1, 'Ja, ab 8 Uhr'), pending(2, 'Gern geschehen')]
    const thread = [message('Ja, ab 8 Uhr', 'in', QUEUED_AT + 5_000), message('Ja, ab 8 Uhr', 'out', QUEUED_AT + 6_000)]
    expect(withoutDelivered(items, thread).map((i) => i.id)).toEqual([2])
  })

  it('does not mistake an older reply with the same words for the pending one', () => {
    const items = [pending(1, 'Danke!')]
    expect(withoutDelivered(items, [message('Danke!', 'out', QUEUED_AT - 86_400_000)]).map((i) => i.id)).toEqual([1])
  })
})
