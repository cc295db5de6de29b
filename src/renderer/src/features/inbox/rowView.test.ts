import { describe, expect, it } from 'vitest'
import { translator } from '../../i18n/test-translator'
import type { ConversationRow } from '../../../../shared/domain'
import { inboxRowView, rowLabel } from './rowView'

const NOW = Date.parse('2026-03-06T15:00:00Z')
const row = (patch: Partial<ConversationRow> = {}): ConversationRow => ({
  id: 7,
  workspaceId: 1,
  channel: 'email',
  visibility: 'private',
  status: 'open',
  snoozedUntil: null,
  assignee: null,
  subject: 'Torte',
  snippet: 'Wo bleibt sie?',
  contactId: 3,
  contactName: 'Anna Schmidt',
  contactReach: 0,
  messageCount: 1,
  lastMessageAt: NOW,
  firstCustomerMessageAt: NOW,
  firstReplyAt: null,
  awaitingReplySince: NOW,
  sentiment: null,
  tags: [],
  sla: {
    state: 'none',
    dueAt: null,
    dueSoonAt: null,
    businessMsLeft: null,
    asOf: NOW,
    running: false,
    steadyUntil: null,
  },
  ...patch,
})

describe('the labels an inbox row shows', () => {
  it('translates channels, statuses and moods once, in the chosen language', async () => {
    const en = inboxRowView(await translator('en'), 'en', NOW)
    expect(en.channel.facebook).toBe('Facebook')
    expect(en.status.snoozed).toBe('Snoozed')
    expect(en.unassigned).toBe('Unassigned')
    expect(en.mood).toEqual({ negative: 'mood Negative', neutral: '', positive: 'mood Positive' })
    const de = inboxRowView(await translator('de'), 'de', NOW)
    expect(de.status.done).toBe('Erledigt')
    expect(de.mood.negative).toBe('Stimmung Negativ')
  })

  it('names a row by who wrote, about what, and whether it is overdue or upset', async () => {
    const view = inboxRowView(await translator('en'), 'en', NOW)
    expect(rowLabel(view, row(), false)).toBe('Anna Schmidt – Torte Wo bleibt sie?')
    expect(rowLabel(view, row({ subject: null, sentiment: { score: -0.6, label: 'negative' } }), true)).toBe(
      'Anna Schmidt – Wo bleibt sie? Overdue mood Negative',
    )
    expect(rowLabel(view, row({ sentiment: { score: 0, label: 'neutral' } }), false)).toBe(
      'Anna Schmidt – Torte Wo bleibt sie?',
    )
  })
})
