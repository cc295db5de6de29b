import { describe, expect, it } from 'vitest'
import type { NotificationSettings } from '../../shared/contract'
import type { Alert } from '../../shared/domain'
import { desktopNotification } from './desktop-notifications'

const ALL_ON: NotificationSettings = { 'due-soon': true, overdue: true, reach: true, groundswell: true, assigned: true }
const alert = (overrides: Partial<Alert> = {}): Alert => ({
  kind: 'overdue',
  workspaceId: 1,
  conversationIds: [7],
  detail: {},
  raisedAt: 1,
  ...overrides,
})
const anna = { contactName: 'Anna Schmidt', snippet: 'Wo bleibt meine Torte?' }

describe('desktop notifications in the desktop app', () => {
  it('names the kind and the conversation, in the system language', () => {
    expect(desktopNotification(alert(), ALL_ON, 'en-GB', anna)).toEqual({
      title: 'A reply is overdue',
      body: 'Anna Schmidt: Wo bleibt meine Torte?',
    })
    expect(desktopNotification(alert({ conversationIds: [7, 8, 9] }), ALL_ON, 'de-AT', anna)).toEqual({
      title: 'Eine Antwort ist überfällig',
      body: 'Anna Schmidt: Wo bleibt meine Torte? (und 2 weitere)',
    })
  })

  it('says who assigned the work, and counts when the conversation is gone', () => {
    const assigned = alert({
      kind: 'assigned',
      detail: { reason: 'assigned', by: 'Jonas', count: 2 },
      conversationIds: [7, 8],
    })
    expect(desktopNotification(assigned, ALL_ON, 'en-US', null)).toEqual({
      title: 'Jonas assigned a conversation to you',
      body: '2 conversations',
    })
    const message = alert({ kind: 'assigned', detail: { reason: 'message', count: 1 } })
    expect(desktopNotification(message, ALL_ON, 'de', anna)?.title).toBe('Neue Nachricht in Ihrer Unterhaltung')
  })

  it('stays silent for a kind the user turned off', () => {
    expect(desktopNotification(alert({ kind: 'reach' }), { ...ALL_ON, reach: false }, 'en', anna)).toBeNull()
    expect(desktopNotification(alert({ kind: 'overdue' }), { ...ALL_ON, reach: false }, 'en', anna)).not.toBeNull()
  })
})
