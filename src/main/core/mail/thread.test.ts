import { describe, expect, it } from 'vitest'
import { item, testStore } from '../store/test-support'
import { createThreadRepo } from './repo'
import { createThreader, normalizeSubject, type ThreadInput } from './thread'

const DAY = 86_400_000
const base: ThreadInput = { messageId: '<x>', inReplyTo: null, references: [], subject: 'Bestellung 4711', counterpart: 'anna@example.de', sentAt: 1_700_000_000_000 }

function setup() {
  const store = testStore()
  const accountId = store.accounts.email
  store.ingest({
    accountId,
    items: [
      item({ externalId: '<root@a>', conversation: { externalId: '<root@a>', visibility: 'private', subject: 'Bestellung 4711' }, subject: 'Bestellung 4711', sentAt: base.sentAt }),
      item({ externalId: '<reply@shop>', conversation: { externalId: '<root@a>', visibility: 'private' }, inReplyTo: '<root@a>', sentAt: base.sentAt + 1000 }),
    ],
  })
  return createThreader(createThreadRepo(store.db, accountId))
}

describe('threading', () => {
  it('strips reply and forward prefixes in several languages', () => {
    expect(normalizeSubject('Re: AW: WG: Fwd:  Ihre   Bestellung')).toBe('ihre bestellung')
    expect(normalizeSubject('RE[2]: Sv: Hallo')).toBe('hallo')
  })

  it('joins by References to the stored thread root, even via a middle message', () => {
    const t = setup()
    expect(t.assign({ ...base, messageId: '<m3>', references: ['<reply@shop>'], inReplyTo: '<reply@shop>' })).toBe('<root@a>')
    expect(t.assign({ ...base, messageId: '<m4>', inReplyTo: '<root@a>' })).toBe('<root@a>')
  })

  it('uses the first reference as root when nothing is stored yet, and the batch joins up', () => {
    const t = setup()
    expect(t.assign({ ...base, messageId: '<b2>', references: ['<new-root>', '<b1>'] })).toBe('<new-root>')
    expect(t.assign({ ...base, messageId: '<b3>', inReplyTo: '<b2>' })).toBe('<new-root>')
    // The root arriving after its replies lands in the conversation they opened.
    expect(t.assign({ ...base, messageId: '<new-root>' })).toBe('<new-root>')
  })

  it('joins a parent to the conversation its earlier-arrived child opened, and then the root too', () => {
    const store = testStore()
    const accountId = store.accounts.email
    // The grandchild came first, naming only its parent: it opened a conversation called '<p>'.
    store.ingest({ accountId, items: [item({ externalId: '<c>', conversation: { externalId: '<p>', visibility: 'private' }, inReplyTo: '<p>' })] })
    const t = createThreader(createThreadRepo(store.db, accountId))
    expect(t.assign({ ...base, messageId: '<p>', inReplyTo: '<r>', references: ['<r>'] })).toBe('<p>')
    t.clearPending()
    store.ingest({ accountId, items: [item({ externalId: '<p>', conversation: { externalId: '<p>', visibility: 'private' }, inReplyTo: '<r>' })] })
    // The root arrives last: found through the stored reply to it (the in_reply_to index).
    expect(t.assign({ ...base, messageId: '<r>' })).toBe('<p>')
  })

  it('falls back to the subject only for a reply from the same counterpart within 30 days', () => {
    const t = setup()
    expect(t.assign({ ...base, messageId: '<s1>', subject: 'AW: Bestellung 4711', sentAt: base.sentAt + 2 * DAY })).toBe('<root@a>')
    expect(t.assign({ ...base, messageId: '<s2>', subject: 'Bestellung 4711', sentAt: base.sentAt + DAY })).toBe('<s2>')
    expect(t.assign({ ...base, messageId: '<s3>', subject: 'Re: Bestellung 4711', counterpart: 'other@x.de' })).toBe('<s3>')
    expect(t.assign({ ...base, messageId: '<s4>', subject: 'Re: Bestellung 4711', sentAt: base.sentAt + 90 * DAY })).toBe('<s4>')
  })
})
