import { describe, expect, it } from 'vitest'
import { item } from '../store/test-support'
import { confidenceOf } from './suggestions'
import { contactsHarness } from './test-support'

const reasonsOf = (s: { reasons: { kind: string; value: string }[] }) =>
  s.reasons.map((r) => `${r.kind} ${r.value}`).sort()

describe('suggested merges', () => {
  it('finds the same address, a phone number, a handle in a signature and a name with its user name', async () => {
    const h = contactsHarness()
    const gmail = h.person('email', { externalId: 'jonas.weber@gmail.com', displayName: 'Jonas Weber' })
    const gmail2 = h.person('email', { externalId: 'jonasweber+shop@googlemail.com', displayName: 'J. Weber' })
    const signed = h.person(
      'email',
      { externalId: 'chen@kim.example', displayName: 'Chen Kim' },
      1,
      () => 'Danke!\n\nBest regards\nChen Kim\nx.com/chenkim_bakes · Mobile: +49 176 555 01 23',
    )
    const onX = h.person('x', { externalId: '7', handle: 'chenkim_bakes', displayName: 'Chen' })
    const byPhone = h.person('facebook', { externalId: 'fb-9', displayName: 'Chen K.' })
    await h.ok('contact:setField', { contactId: byPhone, key: 'Handy', value: '0176 5550123' })
    const mueller = h.person('email', { externalId: 'anna.mueller84@web.example', displayName: 'Anna Müller' })
    const muellerX = h.person('x', { externalId: '8', handle: 'anna_mueller84', displayName: 'Anna Mueller' })

    const found = await h.ok('merge:suggestions', { workspaceId: h.workspaceId })
    const byPair = new Map(
      found.map((s) => [
        s.contacts
          .map((c) => c.id)
          .sort((a, b) => a - b)
          .join('+'),
        s,
      ]),
    )
    const pair = (a: number, b: number) => byPair.get([a, b].sort((x, y) => x - y).join('+'))!
    expect(reasonsOf(pair(gmail, gmail2))).toEqual(['same-email jonasweber@gmail.com'])
    expect(reasonsOf(pair(signed, onX))).toEqual(['signature-handle chenkim_bakes'])
    expect(reasonsOf(pair(signed, byPhone))).toEqual(['same-phone 65550123'])
    expect(reasonsOf(pair(mueller, muellerX))).toEqual(['name-and-handle annamueller84'])
    expect(found).toHaveLength(4)
    expect(pair(gmail, gmail2).confidence).toBe(0.95)
    // Most certain first.
    expect(found.map((s) => s.confidence)).toEqual([...found.map((s) => s.confidence)].sort((a, b) => b - a))
    expect(pair(signed, onX).contacts[0]).toMatchObject({
      displayName: 'Chen Kim',
      channels: ['email'],
      handles: ['chen@kim.example'],
    })
  })

  it('adds up several pieces of evidence for one pair', () => {
    expect(confidenceOf([{ kind: 'same-email', value: 'a' }])).toBe(0.95)
    expect(
      confidenceOf([
        { kind: 'signature-handle', value: 'a' },
        { kind: 'same-phone', value: '1' },
      ]),
    ).toBe(0.96)
    expect(confidenceOf([])).toBe(0)
  })

  it('does not take the same name alone, colleagues sharing a signature or a key many share for evidence', async () => {
    const h = contactsHarness()
    h.person('email', { externalId: 'anna.s@web.example', displayName: 'Anna Schmidt' })
    h.person('x', { externalId: '1', handle: 'annas_kuchen', displayName: 'Anna Schmidt' })
    const office = (i: number) => () => `Hallo\n\nViele Grüße\nKollege ${i}\nTel. +49 211 9999 000 · @kanzlei_rhein`
    for (let i = 0; i < 3; i++)
      h.person('email', { externalId: `kollege${i}@kanzlei.example`, displayName: `Kollege ${i}` }, 1, office(i))
    const shared = '+49 170 1234567'
    for (let i = 0; i < 6; i++) {
      const c = h.person('facebook', { externalId: `fb-${i}`, displayName: `Person ${i}` })
      await h.ok('contact:setField', { contactId: c, key: 'Telefon', value: shared })
    }
    expect(await h.ok('merge:suggestions', { workspaceId: h.workspaceId })).toEqual([])
  })

  it('keeps up with new mail and with handles that change, around one contact too', async () => {
    const h = contactsHarness()
    const x = h.person('x', { externalId: '5', handle: 'old_name', displayName: 'Lena Vogel' })
    const mail = h.person('email', { externalId: 'lena@vogel.example', displayName: 'Lena Vogel' })
    expect(await h.ok('merge:suggestions', { workspaceId: h.workspaceId })).toEqual([])
    h.ingest({
      accountId: h.accounts.email,
      items: [
        item({
          customer: { externalId: 'lena@vogel.example', displayName: 'Lena Vogel' },
          bodyText: 'Hi\n-- \nLena · @lena_vogel',
        }),
      ],
    })
    expect(await h.ok('merge:suggestions', { workspaceId: h.workspaceId })).toEqual([])
    h.ingest({
      accountId: h.accounts.x,
      items: [item({ customer: { externalId: '5', handle: 'lena_vogel', displayName: 'Lena Vogel' } })],
    })
    const [around] = await h.ok('merge:suggestions', { workspaceId: h.workspaceId, contactId: x })
    expect(around?.contacts.map((c) => c.id).sort()).toEqual([x, mail].sort())
    expect(await h.ok('merge:suggestions', { workspaceId: h.workspaceId, contactId: mail })).toHaveLength(1)
  })

  it('forgets a dismissed pair and treats a merged contact as part of its survivor', async () => {
    const h = contactsHarness()
    const a = h.person('email', { externalId: 'tim.koch@gmail.com', displayName: 'Tim Koch' })
    const b = h.person('email', { externalId: 'timkoch@gmail.com', displayName: 'Tim Koch' })
    const c = h.person('email', { externalId: 't.i.m.koch@gmail.com', displayName: 'Tim Koch' })
    expect(await h.ok('merge:suggestions', { workspaceId: h.workspaceId })).toHaveLength(3)
    await h.ok('contact:merge', { survivorId: b, absorbedId: c })
    const [left, ...none] = await h.ok('merge:suggestions', { workspaceId: h.workspaceId })
    expect(none).toEqual([])
    expect(left?.contacts.map((x) => x.id).sort()).toEqual([a, b].sort())
    expect(left?.contacts.find((x) => x.id === b)?.handles.sort()).toEqual([
      't.i.m.koch@gmail.com',
      'timkoch@gmail.com',
    ])
    await h.ok('merge:dismiss', { contactIds: [b, a] })
    expect(await h.ok('merge:suggestions', { workspaceId: h.workspaceId })).toEqual([])
    expect(h.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'contact.merge.dismiss'").pluck().get()).toBe(1)
  })

  it('answers NOT_FOUND for a workspace or contact that is not there', async () => {
    const h = contactsHarness()
    expect(await h.call('merge:suggestions', { workspaceId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await h.call('merge:suggestions', { workspaceId: h.workspaceId, contactId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })
})
