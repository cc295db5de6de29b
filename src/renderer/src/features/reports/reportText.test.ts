import { describe, expect, it } from 'vitest'
import { translator } from '../../i18n/test-translator'
import type { Report } from '../../../../shared/commands/reports'
import { reportSummaries } from './reportText'

const MIN = 60_000
const empty: Report = {
  workspaceId: 1,
  range: { from: '2026-03-02', to: '2026-03-03', timeZone: 'Europe/Berlin', fromMs: 0, toMs: 1 },
  volume: [{ day: '2026-03-02', channel: 'email', incoming: 0, outgoing: 0 }],
  firstReply: [{ channel: 'all', answered: 0, medianMs: null, p90Ms: null }],
  withinTarget: [{ channel: 'all', answered: 0, withinTarget: 0, share: null }],
  outcomes: [
    {
      channel: 'all',
      conversations: 0,
      answeredInChannel: 0,
      redirectedHotline: 0,
      redirectedEmail: 0,
      redirectedOther: 0,
      unanswered: 0,
    },
  ],
  sentiment: [{ day: '2026-03-02', negative: 0, neutral: 0, positive: 0, averageScore: null }],
  heatmap: Array.from({ length: 168 }, (_, i) => ({ weekday: Math.floor(i / 24) + 1, hour: i % 24, incoming: 0 })),
  complainers: [],
  sales: [],
  productFeedback: [],
}

const busy: Report = {
  ...empty,
  volume: [
    { day: '2026-03-02', channel: 'email', incoming: 3, outgoing: 2 },
    { day: '2026-03-03', channel: 'email', incoming: 1200, outgoing: 1 },
  ],
  firstReply: [{ channel: 'all', answered: 5, medianMs: 90 * MIN, p90Ms: 300 * MIN }],
  withinTarget: [{ channel: 'all', answered: 5, withinTarget: 4, share: 0.8 }],
  outcomes: [
    {
      channel: 'all',
      conversations: 7,
      answeredInChannel: 4,
      redirectedHotline: 1,
      redirectedEmail: 1,
      redirectedOther: 0,
      unanswered: 1,
    },
  ],
  sentiment: [
    { day: '2026-03-02', negative: 2, neutral: 0, positive: 0, averageScore: -0.7 },
    { day: '2026-03-03', negative: 0, neutral: 0, positive: 2, averageScore: 0.3 },
  ],
  heatmap: empty.heatmap.map((c) => (c.weekday === 2 && c.hour === 9 ? { ...c, incoming: 4 } : c)),
  complainers: [{ contactId: 3, name: 'Helene Armbruster', reach: 1_240_000, vip: false, negativeMessages: 1 }],
  sales: [
    { channel: 'email', kind: 'sale', contacts: 2, currency: 'EUR', valueMinor: 17_990 },
    { channel: 'x', kind: 'lead', contacts: 1, currency: null, valueMinor: null },
  ],
  productFeedback: [
    {
      conversationId: 9,
      day: '2026-03-02',
      channel: 'x',
      contactName: 'Dora',
      subject: null,
      text: 'Ohne Sesam bitte',
    },
  ],
}

describe('report summaries', () => {
  it('say what each figure shows, in English', async () => {
    const s = reportSummaries(await translator('en'), 'en', busy)
    expect(s.volume).toBe(
      '1,203 messages came in and 3 went out; the busiest day was Mar 3, 2026 with 1,200 incoming messages.',
    )
    expect(s.firstReply).toBe(
      'Of 5 conversations answered, half got the first answer within 1 hr 30 min of business time, nine in ten within 5 hr.',
    )
    expect(s.withinTarget).toBe('80% of 5 answered conversations got their first answer within the target.')
    expect(s.outcomes).toBe('Of 7 conversations: 4 answered in their channel, 2 sent to another channel, 1 unanswered.')
    // Mean over messages, not over days: (−0.7·2 + 0.3·2) / 4.
    expect(s.sentiment).toBe('2 negative, 0 neutral and 2 positive messages; mean mood -0.2 on a scale from −1 to +1.')
    expect(s.heatmap).toBe('Customers write most on Tue from 9 AM: 4 messages.')
    expect(s.complainers).toBe(
      'The complainer with the widest reach: Helene Armbruster (1,240,000 followers, 1 negative message).',
    )
    expect(s.sales).toBe('3 sales outcomes set on contacts; 2 of them sales worth €179.90.')
    expect(s.productFeedback).toBe('1 conversation begun on these days is tagged as product feedback.')
  })

  it('say so when there is nothing to show, in German', async () => {
    const s = reportSummaries(await translator('de'), 'de', empty)
    expect(s.volume).toBe('An diesen Tagen kam keine Nachricht herein; 0 gingen hinaus.')
    expect(s.firstReply).toBe('Keine an diesen Tagen begonnene Unterhaltung ist bisher beantwortet.')
    expect(s.sentiment).toBe('Keine eingehende Nachricht dieser Tage ist auf ihre Stimmung gelesen.')
    expect(s.heatmap).toBe('An diesen Tagen kam keine Nachricht herein.')
    expect(s.complainers).toBe('An diesen Tagen schrieb niemand negativ.')
    expect(s.sales).toBe('An diesen Tagen wurde an keinem Kontakt ein Verkaufsergebnis gesetzt.')
    expect(s.productFeedback).toBe('0 an diesen Tagen begonnene Unterhaltungen sind als Produktfeedback markiert.')
  })
})
