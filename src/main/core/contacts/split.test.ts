import { describe, expect, it } from 'vitest'
import { item } from '../store/test-support'
import { contactsHarness } from './test-support'

describe('splitting identities off a contact', () => {
  it('gives the identity its own contact with the conversations it started', async () => {
    const h = contactsHarness()
    const mail = h.person('email', { externalId: 'ingrid@rheinblick.example', displayName: 'Ingrid Hoffmann' }, 3)
    const fb = h.person('facebook', { externalId: 'fb-ingrid', displayName: 'Ingrid H.', followers: 212 }, 2)
    await h.ok('contact:tag', { contactId: mail, tag: 'Stammkundin', on: true })
    const merge = await h.ok('contact:merge', { survivorId: mail, absorbedId: fb })
    // Mail and Messenger history are one timeline now; then someone notices the Messenger account is her daughter's.
    h.ingest({
      accountId: h.accounts.facebook,
      items: [item({ customer: { externalId: 'fb-ingrid', displayName: 'Ingrid H.' } })],
    })
    expect((await h.snapshot(mail)).timeline).toHaveLength(6)

    const facebookIdentity = (await h.ok('contact:get', { contactId: mail })).identities.find(
      (i) => i.channel === 'facebook',
    )!
    expect(await h.call('contact:split', { identityIds: [facebookIdentity.id] })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('undo its merge') },
    })
    await h.ok('contact:unmerge', { mergeId: merge.id })

    const both = h.person('x', { externalId: 'x-ingrid', handle: 'ingrid_h', displayName: 'Ingrid Hoffmann' }, 2)
    h.db.prepare("UPDATE identities SET contact_id = ? WHERE external_id = 'x-ingrid'").run(mail)
    h.db.prepare('UPDATE conversations SET contact_id = ? WHERE contact_id = ?').run(mail, both)
    h.db.prepare('UPDATE messages SET contact_id = ? WHERE contact_id = ?').run(mail, both)
    const xIdentity = (await h.ok('contact:get', { contactId: mail })).identities.find((i) => i.channel === 'x')!
    const { contactId } = await h.ok('contact:split', { identityIds: [xIdentity.id] })

    const split = await h.snapshot(contactId)
    expect(split.profile).toMatchObject({
      displayName: 'Ingrid Hoffmann',
      tags: [],
      conversationCount: 2,
      messageCount: 2,
    })
    expect(split.profile.identities.map((i) => i.externalId)).toEqual(['x-ingrid'])
    expect(split.timeline.every((t) => t.channel === 'x')).toBe(true)
    const rest = await h.snapshot(mail)
    expect(rest.profile).toMatchObject({ tags: ['Stammkundin'], messageCount: 3 })
    expect(rest.timeline.every((t) => t.channel === 'email')).toBe(true)
    expect(h.db.prepare("SELECT detail FROM audit_log WHERE action = 'contact.split'").pluck().get()).toContain(
      '2 conversations moved',
    )
    // New posts from that identity now reach the new contact.
    h.ingest({
      accountId: h.accounts.x,
      items: [item({ customer: { externalId: 'x-ingrid', displayName: 'Ingrid Hoffmann' } })],
    })
    expect((await h.snapshot(contactId)).timeline).toHaveLength(3)
  })

  it('refuses identities of different contacts and unknown ones', async () => {
    const h = contactsHarness()
    h.person('email', { externalId: 'a@x.example', displayName: 'A' })
    h.person('email', { externalId: 'b@x.example', displayName: 'B' })
    const ids = h.db.prepare('SELECT id FROM identities ORDER BY id').pluck().all() as number[]
    expect(await h.call('contact:split', { identityIds: ids })).toMatchObject({ ok: false, error: { code: 'INVALID' } })
    expect(await h.call('contact:split', { identityIds: [999] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await h.call('contact:split', { identityIds: [] })).toMatchObject({ ok: false, error: { code: 'INVALID' } })
  })
})
