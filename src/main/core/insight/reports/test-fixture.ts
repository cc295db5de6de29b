import type { Channel, SentimentLabel } from '../../../../shared/domain'
import type { IngestIdentity } from '../../store/ingest'
import { savePolicy } from '../../store/repos/policies'
import { setOutcome } from '../../store/repos/outcomes'
import { setTag } from '../../store/repos/tags'
import { testStore } from '../../store/test-support'
import { settleAllClocks } from '../clocks'
import { defaultPolicy } from '../sla-policy'

/** A wall-clock time in Berlin in the first week of March 2026 (CET, one hour ahead of UTC). */
export const berlin = (local: string): number => Date.parse(`${local.replace(' ', 'T')}:00+01:00`)

/** The report week: Monday 2 to Sunday 8 March 2026, in Berlin. */
export const WEEK = { from: '2026-03-02', to: '2026-03-08' }

interface Message {
  at: string
  direction: 'in' | 'out'
  mood?: [SentimentLabel, number]
}

const person = (name: string, followers: number | null = null): IngestIdentity => ({
  externalId: name.toLowerCase(),
  displayName: name,
  followers,
})

/**
 * Eight conversations around one week (see reports.test.ts for the figures they make, worked out by
 * hand). Moods are set explicitly, so the expectations do not depend on the sentiment lexicon.
 */
const CONVERSATIONS: { key: string; channel: Channel; customer: IngestIdentity; messages: Message[] }[] = [
  // Asked before opening on Monday, answered 90 business minutes later.
  {
    key: 'A',
    channel: 'email',
    customer: person('Anna'),
    messages: [
      { at: '2026-03-02 08:00', direction: 'in', mood: ['neutral', 0] },
      { at: '2026-03-02 10:30', direction: 'out' },
    ],
  },
  // Friday 16:00, answered Monday 10:00 (after the week): one business hour each side of the weekend.
  {
    key: 'B',
    channel: 'email',
    customer: person('Bernd'),
    messages: [
      { at: '2026-03-06 16:00', direction: 'in', mood: ['neutral', 0.1] },
      { at: '2026-03-09 10:00', direction: 'out' },
    ],
  },
  // Five business hours to the answer (late), then another complaint.
  {
    key: 'C',
    channel: 'x',
    customer: person('Carla', 5_000),
    messages: [
      { at: '2026-03-03 09:00', direction: 'in', mood: ['negative', -0.8] },
      { at: '2026-03-03 14:00', direction: 'out' },
      { at: '2026-03-03 16:00', direction: 'in', mood: ['negative', -0.6] },
    ],
  },
  // Never answered here: someone records that she was sent to the hotline.
  {
    key: 'D',
    channel: 'x',
    customer: person('Dora', 300),
    messages: [{ at: '2026-03-04 12:00', direction: 'in', mood: ['positive', 0.6] }],
  },
  // Answered within 20 minutes, but to say "please write to us by email".
  {
    key: 'E',
    channel: 'facebook',
    customer: person('Emil'),
    messages: [
      { at: '2026-03-05 13:00', direction: 'in', mood: ['negative', -0.4] },
      { at: '2026-03-05 13:20', direction: 'out' },
    ],
  },
  // On Saturday, answered within the hour while the shop is closed: no business time passed.
  {
    key: 'F',
    channel: 'facebook',
    customer: person('Frida'),
    messages: [
      { at: '2026-03-07 11:00', direction: 'in', mood: ['neutral', 0] },
      { at: '2026-03-07 12:00', direction: 'out' },
    ],
  },
  // Begun on Sunday before the week (so not one of its conversations), answered on Monday.
  {
    key: 'G',
    channel: 'email',
    customer: person('Gustav'),
    messages: [
      { at: '2026-03-01 20:00', direction: 'in', mood: ['positive', 0.9] },
      { at: '2026-03-02 09:15', direction: 'out' },
    ],
  },
  // Late on the last Sunday, still unanswered.
  {
    key: 'H',
    channel: 'x',
    customer: person('Hanna', 12_000),
    messages: [{ at: '2026-03-08 23:30', direction: 'in', mood: ['negative', -0.5] }],
  },
]

/** The week's store: Berlin office hours (Mon–Fri 9–17, three hours to answer), clocks settled. */
export function reportFixture() {
  const store = testStore()
  const { db, workspaceId, accounts } = store
  savePolicy(db, workspaceId, defaultPolicy('Europe/Berlin'))
  for (const c of CONVERSATIONS) {
    store.ingest({
      accountId: accounts[c.channel as keyof typeof accounts],
      items: c.messages.map((m, i) => ({
        externalId: `${c.key}${i}`,
        conversation: { externalId: c.key, visibility: c.channel === 'email' ? 'private' : 'public' },
        direction: m.direction,
        customer: c.customer,
        bodyText: `${c.key} ${i}`,
        sentAt: berlin(m.at),
      })),
    })
    c.messages.forEach((m, i) => {
      if (m.mood)
        db.prepare('UPDATE messages SET sentiment_label = ?, sentiment = ? WHERE external_id = ?').run(
          ...m.mood,
          `${c.key}${i}`,
        )
    })
  }
  settleAllClocks(db)
  const conversation = (key: string) =>
    db.prepare('SELECT id FROM conversations WHERE external_id = ?').pluck().get(key) as number
  const contact = (name: string) =>
    db.prepare('SELECT id FROM contacts WHERE display_name = ?').pluck().get(name) as number
  const outcome = (key: string, to: 'hotline' | 'email') =>
    setOutcome(db, {
      conversationId: conversation(key),
      workspaceId,
      outcome: { kind: 'redirected', to },
      actor: 'Anna',
    })
  outcome('D', 'hotline')
  outcome('E', 'email')
  setTag(db, workspaceId, conversation('D'), 'Produktfeedback', true)
  setTag(db, workspaceId, conversation('F'), 'PRODUCT FEEDBACK', true)
  setTag(db, workspaceId, conversation('G'), 'Produktfeedback', true)
  db.prepare('UPDATE contacts SET reach_override = 20000 WHERE id = ?').run(contact('Emil'))
  const sale = db.prepare(
    'INSERT INTO contact_outcomes (contact_id, kind, value_minor, currency, set_at) VALUES (?, ?, ?, ?, ?)',
  )
  sale.run(contact('Anna'), 'sale', 12_990, 'EUR', berlin('2026-03-03 12:00'))
  sale.run(contact('Dora'), 'lead', null, null, berlin('2026-03-04 15:00'))
  sale.run(contact('Emil'), 'sale', 5_000, 'EUR', berlin('2026-03-05 14:00'))
  sale.run(contact('Frida'), 'saved', null, null, berlin('2026-03-10 09:00'))
  return { ...store, conversation, contact }
}
