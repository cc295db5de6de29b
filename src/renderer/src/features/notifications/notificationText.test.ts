import { describe, expect, it } from 'vitest'
import { translator } from '../../i18n/test-translator'
import type { Alert } from '../../../../shared/domain'
import { notificationText } from './notificationText'

const alert = (overrides: Partial<Alert> = {}): Alert => ({
  kind: 'overdue',
  workspaceId: 1,
  conversationIds: [7],
  detail: {},
  raisedAt: 1,
  ...overrides,
})
const anna = { contactName: 'Anna Schmidt', snippet: 'Wo bleibt meine Torte?' }

describe('browser notification text', () => {
  it('names the kind and the conversation, in the chosen language', async () => {
    expect(notificationText(await translator('en'), alert(), anna)).toEqual({
      title: 'A reply is overdue',
      body: 'Anna Schmidt: Wo bleibt meine Torte?',
    })
    expect(
      notificationText(await translator('de'), alert({ kind: 'groundswell', conversationIds: [1, 2, 3] }), anna),
    ).toEqual({
      title: 'Negative Erwähnungen häufen sich',
      body: 'Anna Schmidt: Wo bleibt meine Torte? (und 2 weitere)',
    })
  })

  it('says who assigned the work, and counts when the conversation could not be loaded', async () => {
    const t = await translator('en')
    const assigned = alert({
      kind: 'assigned',
      conversationIds: [7, 8],
      detail: { reason: 'assigned', by: 'Jonas', count: 2 },
    })
    expect(notificationText(t, assigned, null)).toEqual({
      title: 'Jonas assigned a conversation to you',
      body: '2 conversations',
    })
    expect(notificationText(t, alert({ kind: 'assigned', detail: { reason: 'message' } }), anna).title).toBe(
      'New message in your conversation',
    )
  })
})
