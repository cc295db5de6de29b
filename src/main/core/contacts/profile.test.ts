import { describe, expect, it } from 'vitest'
import { contactsHarness } from './test-support'

describe('what people write down about a contact', () => {
  it('keeps notes, tags, fields, outcome, reach and VIP, each audited and announced', async () => {
    const h = contactsHarness()
    const id = h.person('x', { externalId: '1', handle: 'lukas_b', displayName: 'Lukas Becker', followers: 900 }, 2)
    await h.ok('contact:setVip', { contactId: id, vip: true })
    await h.ok('contact:setReach', { contactId: id, reach: 25_000 })
    await h.ok('contact:setOutcome', { contactId: id, outcome: { kind: 'sale', valueMinor: 129_90, currency: 'eur' } })
    await h.ok('contact:setField', { contactId: id, key: 'Geburtstag', value: '12. März' })
    await h.ok('contact:setField', { contactId: id, key: 'Kundennummer', value: '4711' })
    await h.ok('contact:setField', { contactId: id, key: 'KUNDENNUMMER', value: '4712' })
    await h.ok('contact:setField', { contactId: id, key: 'geburtstag', value: null })
    await h.ok('contact:tag', { contactId: id, tag: 'Stammkunde', on: true })
    await h.ok('contact:tag', { contactId: id, tag: 'Presse', on: true })
    await h.ok('contact:tag', { contactId: id, tag: 'presse', on: false })
    const withNote = await h.ok('contact:addNote', { contactId: id, body: 'Mag Mohnzopf' })
    const profile = await h.ok('contact:deleteNote', { noteId: withNote.notes[0]!.id })

    expect(profile).toMatchObject({
      vip: true,
      reach: 25_000,
      reachOverride: 25_000,
      outcome: { kind: 'sale', valueMinor: 129_90, currency: 'EUR' },
      fields: [{ key: 'KUNDENNUMMER', value: '4712' }],
      tags: ['Stammkunde'],
      notes: [],
      mergedIntoId: null,
      merges: [],
    })
    expect(await h.ok('contact:fieldKeys', { workspaceId: h.workspaceId })).toEqual(['KUNDENNUMMER'])
    expect((await h.ok('tags:list', { workspaceId: h.workspaceId })).sort()).toEqual(['Presse', 'Stammkunde'])
    const reverted = await h.ok('contact:setReach', { contactId: id, reach: null })
    expect(reverted).toMatchObject({ reach: 900, reachOverride: null })
    expect((await h.ok('contact:setOutcome', { contactId: id, outcome: null })).outcome).toBeNull()

    const actions = h.db.prepare("SELECT action FROM audit_log WHERE target_type = 'contact' ORDER BY id").pluck().all()
    expect(actions).toEqual([
      'contact.vip',
      'contact.reach',
      'contact.outcome',
      'contact.field',
      'contact.field',
      'contact.field',
      'contact.field',
      'contact.tag',
      'contact.tag',
      'contact.untag',
      'contact.note.add',
      'contact.note.delete',
      'contact.reach',
      'contact.outcome',
    ])
    expect(h.seen.at(-1)).toEqual({ tables: ['contacts'], workspaceId: h.workspaceId, ids: [id] })
  })

  it('refuses what is not valid before anything is stored', async () => {
    const h = contactsHarness()
    const id = h.person('email', { externalId: 'a@x.example', displayName: 'A' })
    const invalid = { ok: false, error: { code: 'INVALID' } }
    expect(await h.call('contact:setOutcome', { contactId: id, outcome: { kind: 'sale' } } as never)).toMatchObject(
      invalid,
    )
    expect(
      await h.call('contact:setOutcome', { contactId: id, outcome: { kind: 'sale', valueMinor: -1, currency: 'EUR' } }),
    ).toMatchObject(invalid)
    expect(
      await h.call('contact:setOutcome', { contactId: id, outcome: { kind: 'sale', valueMinor: 1, currency: 'EURO' } }),
    ).toMatchObject(invalid)
    expect(
      await h.call('contact:setOutcome', { contactId: id, outcome: { kind: 'lost', valueMinor: 1 } } as never),
    ).toMatchObject(invalid)
    expect(await h.call('contact:setField', { contactId: id, key: ' ', value: 'x' })).toMatchObject(invalid)
    expect(await h.call('contact:setReach', { contactId: id, reach: -5 })).toMatchObject(invalid)
    expect(await h.call('contact:addNote', { contactId: id, body: '   ' })).toMatchObject(invalid)
    expect(await h.call('contact:setVip', { contactId: 999, vip: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await h.call('contact:deleteNote', { noteId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(h.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0)
  })
})
