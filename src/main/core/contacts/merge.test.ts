import { describe, expect, it } from 'vitest'
import { dirtyClocks } from '../store/repos/clocks'
import { contactsHarness } from './test-support'

const helene = { externalId: 'helene.armbruster@posteo.example', displayName: 'Helene Armbruster' }
const heleneOnX = { externalId: '1199', handle: 'helene_isst', displayName: 'Helene Armbruster', followers: 1_240_000 }
const signed = (i: number) => `Bestellung ${i}\n\nViele Grüße\nHelene Armbruster\n-- \nX: @helene_isst`

/** Two contacts for one person, each with history and everything a person can write down about them. */
async function twoContacts() {
  const h = contactsHarness()
  const mail = h.person('email', helene, 5, signed)
  const x = h.person('x', heleneOnX, 4)
  await h.ok('contact:setField', { contactId: mail, key: 'Kundennummer', value: '4711' })
  await h.ok('contact:setField', { contactId: mail, key: 'Telefon', value: '0151 2345 6789' })
  await h.ok('contact:setField', { contactId: x, key: 'Kundennummer', value: '0815' })
  await h.ok('contact:setField', { contactId: x, key: 'Blog', value: 'helene-isst.example' })
  await h.ok('contact:tag', { contactId: mail, tag: 'Hochzeit', on: true })
  await h.ok('contact:tag', { contactId: x, tag: 'Hochzeit', on: true })
  await h.ok('contact:tag', { contactId: x, tag: 'Presse', on: true })
  await h.ok('contact:addNote', { contactId: mail, body: 'Torte für Samstag angezahlt' })
  await h.ok('contact:addNote', { contactId: x, body: 'Bloggt über Düsseldorfer Cafés' })
  await h.ok('contact:setVip', { contactId: x, vip: true })
  await h.ok('contact:setReach', { contactId: x, reach: 2_000_000 })
  await h.ok('contact:setOutcome', { contactId: x, outcome: { kind: 'sale', valueMinor: 480_00, currency: 'EUR' } })
  return { ...h, mail, x }
}

describe('merging two contacts', () => {
  it('shows one contact with both histories, and undoing it restores both exactly', async () => {
    const h = await twoContacts()
    const before = { mail: await h.snapshot(h.mail), x: await h.snapshot(h.x) }

    const [suggestion] = await h.ok('merge:suggestions', { workspaceId: h.workspaceId })
    expect(suggestion).toMatchObject({
      contacts: [{ id: h.mail }, { id: h.x }],
      reasons: [{ kind: 'signature-handle', value: 'helene_isst' }],
      confidence: 0.8,
    })
    const merge = await h.ok('contact:merge', { survivorId: h.mail, absorbedId: h.x })
    expect(merge).toMatchObject({
      absorbedId: h.x,
      absorbedName: 'Helene Armbruster',
      confidence: 0.8,
      mergedBy: 'Anna',
    })

    const merged = await h.snapshot(h.mail)
    expect(merged.timeline).toHaveLength(9)
    expect(merged.timeline.map((t) => t.sentAt)).toEqual(
      [...before.mail.timeline, ...before.x.timeline].map((t) => t.sentAt).sort((a, b) => b - a),
    )
    expect(merged.profile).toMatchObject({
      vip: true,
      reach: 2_000_000,
      reachOverride: 2_000_000,
      outcome: { kind: 'sale', valueMinor: 480_00, currency: 'EUR' },
      tags: ['Hochzeit', 'Presse'],
      // The survivor's own value wins; what it lacked comes from the absorbed contact.
      fields: [
        { key: 'Blog', value: 'helene-isst.example' },
        { key: 'Kundennummer', value: '4711' },
        { key: 'Telefon', value: '0151 2345 6789' },
      ],
      messageCount: 9,
      merges: [merge],
    })
    expect(merged.profile.identities.map((i) => i.channel)).toEqual(['email', 'x'])
    expect(merged.profile.notes.map((n) => n.body).sort()).toEqual([
      'Bloggt über Düsseldorfer Cafés',
      'Torte für Samstag angezahlt',
    ])
    expect((await h.ok('contact:get', { contactId: h.x })).mergedIntoId).toBe(h.mail)
    expect(await h.ok('merge:suggestions', { workspaceId: h.workspaceId })).toEqual([])

    expect(await h.ok('contact:unmerge', { mergeId: merge.id })).toEqual({ survivorId: h.mail, absorbedId: h.x })
    expect(await h.snapshot(h.mail)).toEqual(before.mail)
    expect(await h.snapshot(h.x)).toEqual(before.x)
    // Someone just said these are two people.
    expect(await h.ok('merge:suggestions', { workspaceId: h.workspaceId })).toEqual([])
    const audit = h.db
      .prepare("SELECT action, target_id FROM audit_log WHERE action LIKE 'contact.%merge%' ORDER BY id")
      .all()
    expect(audit).toEqual([
      { action: 'contact.merge', target_id: h.mail },
      { action: 'contact.unmerge', target_id: h.mail },
    ])
  })

  it('gives the conversations of an absorbed contact the reach and VIP mark of the merged customer, until undone', async () => {
    const h = await twoContacts()
    const factors = () => {
      // What the clocks would work priority out from, for the mail contact's conversations.
      const mailConversations = new Set(
        h.db.prepare("SELECT id FROM conversations WHERE contact_id = ? AND status = 'open'").pluck().all(h.mail),
      )
      expect(mailConversations.size).toBeGreaterThan(0)
      const rows = dirtyClocks(h.db, 1_000, h.workspaceId).filter((row) => mailConversations.has(row.id))
      expect(rows).toHaveLength(mailConversations.size)
      h.db.exec('UPDATE conversations SET sla_dirty = 0')
      return new Set(rows.map((row) => `${row.reach} ${row.vip}`))
    }
    h.db.prepare('UPDATE conversations SET sla_dirty = 1 WHERE contact_id = ?').run(h.mail)
    expect(factors()).toEqual(new Set(['0 0']))

    const merge = await h.ok('contact:merge', { survivorId: h.x, absorbedId: h.mail })
    expect(factors()).toEqual(new Set(['2000000 1']))
    await h.ok('contact:setReach', { contactId: h.x, reach: 3_000_000 })
    expect(factors()).toEqual(new Set(['3000000 1']))
    await h.ok('contact:unmerge', { mergeId: merge.id })
    expect(factors()).toEqual(new Set(['0 0']))
  })

  it('leaves what someone changed after the merge when undoing it', async () => {
    const h = await twoContacts()
    const xBefore = await h.snapshot(h.x)
    const merge = await h.ok('contact:merge', { survivorId: h.mail, absorbedId: h.x })
    await h.ok('contact:setField', { contactId: h.mail, key: 'Blog', value: 'neu.example' })
    await h.ok('contact:setOutcome', { contactId: h.mail, outcome: { kind: 'lost' } })
    await h.ok('contact:addNote', { contactId: h.mail, body: 'Nach der Zusammenführung notiert' })
    await h.ok('contact:unmerge', { mergeId: merge.id })
    const survivor = await h.ok('contact:get', { contactId: h.mail })
    expect(survivor.fields).toContainEqual({ key: 'Blog', value: 'neu.example' })
    expect(survivor.outcome).toMatchObject({ kind: 'lost' })
    expect(survivor.notes.map((n) => n.body)).toEqual([
      'Nach der Zusammenführung notiert',
      'Torte für Samstag angezahlt',
    ])
    expect(survivor.vip).toBe(false)
    expect(await h.snapshot(h.x)).toEqual(xBefore)
  })

  it('edits a merged contact only through its survivor and undoes a merge once', async () => {
    const h = await twoContacts()
    const merge = await h.ok('contact:merge', { survivorId: h.mail, absorbedId: h.x })
    expect(await h.call('contact:setVip', { contactId: h.x, vip: false })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(await h.call('contact:merge', { survivorId: h.x, absorbedId: h.mail })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    await h.ok('contact:unmerge', { mergeId: merge.id })
    expect(await h.call('contact:unmerge', { mergeId: merge.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(await h.call('contact:merge', { survivorId: h.mail, absorbedId: h.mail })).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    })
  })

  it('merges by hand without evidence, and chains of merges share one timeline', async () => {
    const h = await twoContacts()
    const third = h.person('facebook', { externalId: 'fb-1', displayName: 'H. A.' }, 2)
    const byHand = await h.ok('contact:merge', { survivorId: h.x, absorbedId: third })
    expect(byHand).toMatchObject({ confidence: null, reasons: [] })
    const top = await h.ok('contact:merge', { survivorId: h.mail, absorbedId: h.x })
    expect((await h.snapshot(h.mail)).timeline).toHaveLength(11)
    expect((await h.ok('contact:get', { contactId: third })).mergedIntoId).toBe(h.mail)
    // The inner merge's gifts moved on to the top contact: it is undone after the outer one, not before.
    expect(await h.call('contact:unmerge', { mergeId: byHand.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    await h.ok('contact:unmerge', { mergeId: top.id })
    expect((await h.snapshot(h.mail)).timeline).toHaveLength(5)
    expect((await h.snapshot(h.x)).timeline).toHaveLength(6)
    await h.ok('contact:unmerge', { mergeId: byHand.id })
    expect((await h.snapshot(h.x)).timeline).toHaveLength(4)
  })

  it('records the evidence with a merge even for a pair someone had dismissed', async () => {
    const h = await twoContacts()
    await h.ok('merge:dismiss', { contactIds: [h.mail, h.x] })
    expect(await h.ok('merge:suggestions', { workspaceId: h.workspaceId })).toEqual([])
    const merge = await h.ok('contact:merge', { survivorId: h.mail, absorbedId: h.x })
    expect(merge).toMatchObject({ confidence: 0.8, reasons: [{ kind: 'signature-handle', value: 'helene_isst' }] })
  })

  it('goes with its workspace, merges and notes included', async () => {
    const h = await twoContacts()
    await h.ok('contact:merge', { survivorId: h.mail, absorbedId: h.x })
    await h.ok('workspaces:remove', { workspaceId: h.workspaceId })
    const left = [
      'contact_merges',
      'contact_notes',
      'contact_fields',
      'contact_tags',
      'contact_outcomes',
      'contact_keys',
    ].map((table) => h.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get())
    expect(left).toEqual([0, 0, 0, 0, 0, 0])
  })

  it('announces every change so open views refetch', async () => {
    const h = await twoContacts()
    const merge = await h.ok('contact:merge', { survivorId: h.mail, absorbedId: h.x })
    expect(h.seen.at(-1)).toEqual({ tables: ['contacts'], workspaceId: h.workspaceId, ids: [h.mail, h.x] })
    await h.ok('contact:unmerge', { mergeId: merge.id })
    expect(h.seen.at(-1)).toEqual({ tables: ['contacts'], workspaceId: h.workspaceId, ids: [h.mail, h.x] })
  })
})
