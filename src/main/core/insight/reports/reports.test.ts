import { describe, expect, it, vi } from 'vitest'
import type { Report } from '../../../../shared/commands/reports'
import { savePolicy } from '../../store/repos/policies'
import { testStore } from '../../store/test-support'
import { settleAllClocks } from '../clocks'
import { defaultPolicy } from '../sla-policy'
import { buildReport, foldInSteps } from '.'
import { localToday, resolveRange } from './range'
import { foldChunk, startRollupFolding } from './rollup'
import { WEEK, reportFixture } from './test-fixture'

const MIN = 60_000
const NOW = Date.parse('2026-03-20T12:00:00Z')

async function weekReport(): Promise<{ report: Report; fixture: ReturnType<typeof reportFixture> }> {
  const fixture = reportFixture()
  await foldInSteps(fixture.db, [fixture.workspaceId])
  return { report: buildReport(fixture.db, fixture.workspaceId, WEEK, NOW), fixture }
}

describe('report queries on the fixed week (expectations worked out by hand in the comments)', () => {
  it('covers whole Berlin days, Monday 00:00 CET to the next Monday 00:00', async () => {
    const { report } = await weekReport()
    expect(report.range).toEqual({
      from: '2026-03-02',
      to: '2026-03-08',
      timeZone: 'Europe/Berlin',
      fromMs: Date.parse('2026-03-01T23:00:00Z'),
      toMs: Date.parse('2026-03-08T23:00:00Z'),
    })
  })

  it('counts messages per channel and local day', async () => {
    const { report } = await weekReport()
    const day = (d: string) =>
      report.volume.filter((v) => v.day === d).map(({ channel, incoming, outgoing }) => [channel, incoming, outgoing])
    // Monday: Anna asks (08:00) and is answered (10:30); Gustav's Sunday mail is answered at 09:15.
    expect(day('2026-03-02')).toEqual([
      ['email', 1, 2],
      ['x', 0, 0],
      ['facebook', 0, 0],
    ])
    // Tuesday: Carla complains at 09:00, is answered at 14:00 and complains again at 16:00.
    expect(day('2026-03-03')).toEqual([
      ['email', 0, 0],
      ['x', 2, 1],
      ['facebook', 0, 0],
    ])
    // Friday: Bernd asks at 16:00; the answer comes on the Monday after the week and is not counted.
    expect(day('2026-03-06')).toEqual([
      ['email', 1, 0],
      ['x', 0, 0],
      ['facebook', 0, 0],
    ])
    // Sunday 23:30 (Hanna) still belongs to Sunday.
    expect(day('2026-03-08')).toEqual([
      ['email', 0, 0],
      ['x', 1, 0],
      ['facebook', 0, 0],
    ])
    // 7 days × 3 channels; 8 incoming (Gustav's Sunday question is before the week) and 5 outgoing.
    expect(report.volume).toHaveLength(21)
    expect(report.volume.reduce((n, v) => n + v.incoming, 0)).toBe(8)
    expect(report.volume.reduce((n, v) => n + v.outgoing, 0)).toBe(5)
  })

  it('takes median and p90 of the first-reply wait in business time, by nearest rank', async () => {
    const { report } = await weekReport()
    // Waits of the conversations begun in the week: Anna 90 min (09:00–10:30), Bernd 120 (Fri 16–17 and
    // Mon 9–10), Carla 300 (09:00–14:00), Emil 20, Frida 0 (Saturday, closed). Dora and Hanna are unanswered.
    expect(report.firstReply).toEqual([
      // [90, 120]: median rank ⌈0.5·2⌉ = 1 → 90, p90 rank ⌈0.9·2⌉ = 2 → 120.
      { channel: 'email', answered: 2, medianMs: 90 * MIN, p90Ms: 120 * MIN },
      { channel: 'x', answered: 1, medianMs: 300 * MIN, p90Ms: 300 * MIN },
      { channel: 'facebook', answered: 2, medianMs: 0, p90Ms: 20 * MIN },
      // [0, 20, 90, 120, 300]: median rank 3 → 90, p90 rank ⌈4.5⌉ = 5 → 300.
      { channel: 'all', answered: 5, medianMs: 90 * MIN, p90Ms: 300 * MIN },
    ])
  })

  it('shares answered within the three-hour target', async () => {
    const { report } = await weekReport()
    // Only Carla's 300 minutes miss the 180-minute target.
    expect(report.withinTarget).toEqual([
      { channel: 'email', answered: 2, withinTarget: 2, share: 1 },
      { channel: 'x', answered: 1, withinTarget: 0, share: 0 },
      { channel: 'facebook', answered: 2, withinTarget: 2, share: 1 },
      { channel: 'all', answered: 5, withinTarget: 4, share: 0.8 },
    ])
  })

  it('derives outcomes from replies unless someone set them', async () => {
    const { report } = await weekReport()
    const row = (
      channel: string,
      conversations: number,
      answered: number,
      hotline: number,
      email: number,
      unanswered: number,
    ) => ({
      channel,
      conversations,
      answeredInChannel: answered,
      redirectedHotline: hotline,
      redirectedEmail: email,
      redirectedOther: 0,
      unanswered,
    })
    expect(report.outcomes).toEqual([
      // Anna and Bernd were answered (Bernd after the week: the outcome is about what happened).
      row('email', 2, 2, 0, 0, 0),
      // Carla answered; Dora sent to the hotline by hand; Hanna unanswered.
      row('x', 3, 1, 1, 0, 1),
      // Frida answered; Emil got a reply, but it sent him to email.
      row('facebook', 2, 1, 0, 1, 0),
      row('all', 7, 4, 1, 1, 1),
    ])
  })

  it('follows the mood of incoming messages day by day', async () => {
    const { report } = await weekReport()
    const mood = report.sentiment.map((s) => [s.day, s.negative, s.neutral, s.positive])
    expect(mood).toEqual([
      ['2026-03-02', 0, 1, 0],
      ['2026-03-03', 2, 0, 0],
      ['2026-03-04', 0, 0, 1],
      ['2026-03-05', 1, 0, 0],
      ['2026-03-06', 0, 1, 0],
      ['2026-03-07', 0, 1, 0],
      ['2026-03-08', 1, 0, 0],
    ])
    // Tuesday: (−0.8 − 0.6) / 2; Friday: Bernd's 0.1 alone.
    expect(report.sentiment[1]!.averageScore).toBeCloseTo(-0.7, 6)
    expect(report.sentiment[4]!.averageScore).toBeCloseTo(0.1, 6)
  })

  it('puts incoming messages on the local weekday and hour they arrived', async () => {
    const { report } = await weekReport()
    const busy = report.heatmap.filter((c) => c.incoming > 0).map((c) => [c.weekday, c.hour, c.incoming])
    // Mon 08 Anna, Tue 09 and 16 Carla, Wed 12 Dora, Thu 13 Emil, Fri 16 Bernd, Sat 11 Frida, Sun 23 Hanna.
    expect(busy).toEqual([
      [1, 8, 1],
      [2, 9, 1],
      [2, 16, 1],
      [3, 12, 1],
      [4, 13, 1],
      [5, 16, 1],
      [6, 11, 1],
      [7, 23, 1],
    ])
    expect(report.heatmap).toHaveLength(168)
  })

  it('ranks complainers by reach, hand-set reach included', async () => {
    const { report, fixture } = await weekReport()
    // Negative: Carla twice (5,000 followers), Emil once (no followers, reach set to 20,000), Hanna once (12,000).
    expect(report.complainers).toEqual([
      { contactId: fixture.contact('Emil'), name: 'Emil', reach: 20_000, vip: false, negativeMessages: 1 },
      { contactId: fixture.contact('Hanna'), name: 'Hanna', reach: 12_000, vip: false, negativeMessages: 1 },
      { contactId: fixture.contact('Carla'), name: 'Carla', reach: 5_000, vip: false, negativeMessages: 2 },
    ])
  })

  it('counts a merged complainer as the contact it is part of, with the family reach', async () => {
    const fixture = reportFixture()
    const { db, contact } = fixture
    // Hanna was merged into Dora (300 followers): Dora's family reaches 12,000 and complained once.
    db.prepare('UPDATE contacts SET merged_into_id = ? WHERE id = ?').run(contact('Dora'), contact('Hanna'))
    await foldInSteps(db, [fixture.workspaceId])
    const report = buildReport(db, fixture.workspaceId, WEEK, NOW)
    expect(report.complainers.map((c) => [c.name, c.reach, c.negativeMessages])).toEqual([
      ['Emil', 20_000, 1],
      ['Dora', 12_000, 1],
      ['Carla', 5_000, 2],
    ])
  })

  it('sums sales outcomes per channel of the conversation that led to them', async () => {
    const { report } = await weekReport()
    // Anna (email) bought for 129.90 €, Dora (X) is a lead, Emil (Facebook) bought for 50 €; Frida's outcome is after the week.
    expect(report.sales).toEqual([
      { channel: 'email', kind: 'sale', contacts: 1, currency: 'EUR', valueMinor: 12_990 },
      { channel: 'x', kind: 'lead', contacts: 1, currency: null, valueMinor: null },
      { channel: 'facebook', kind: 'sale', contacts: 1, currency: 'EUR', valueMinor: 5_000 },
    ])
  })

  it('lists product feedback by either tag name, in any case, with the customer’s words', async () => {
    const { report, fixture } = await weekReport()
    // Dora ("Produktfeedback") and Frida ("PRODUCT FEEDBACK"); Gustav's began before the week.
    expect(report.productFeedback).toEqual([
      {
        conversationId: fixture.conversation('D'),
        day: '2026-03-04',
        channel: 'x',
        contactName: 'Dora',
        subject: null,
        text: 'D 0',
      },
      {
        conversationId: fixture.conversation('F'),
        day: '2026-03-07',
        channel: 'facebook',
        contactName: 'Frida',
        subject: null,
        text: 'F 0',
      },
    ])
  })
})

describe('the rollup behind volume, mood and busiest hours', () => {
  it('gives a reader the same figures before anything is folded, and after a partial fold', async () => {
    const { report: folded } = await weekReport()
    const fixture = reportFixture()
    expect(buildReport(fixture.db, fixture.workspaceId, WEEK, NOW)).toEqual(folded)
    foldChunk(fixture.db, fixture.workspaceId)
    expect(buildReport(fixture.db, fixture.workspaceId, WEEK, NOW)).toEqual(folded)
  })

  it('is folded by the running app from its start, and stops cleanly', async () => {
    const fixture = reportFixture()
    const folding = startRollupFolding(fixture.db)
    const newest = fixture.db.prepare('SELECT max(id) FROM messages').pluck().get()
    await vi.waitFor(() =>
      expect(fixture.db.prepare('SELECT through_message_id FROM report_rollup').pluck().get()).toBe(newest),
    )
    await folding.stop()
  })

  it('moves a folded message whose mood changes later (an edit, the sentiment backfill)', async () => {
    const { fixture } = await weekReport()
    const { db, workspaceId } = fixture
    db.prepare(`UPDATE messages SET sentiment_label = 'positive', sentiment = 0.5 WHERE external_id = 'H0'`).run()
    db.prepare(`UPDATE messages SET sentiment_label = NULL, sentiment = NULL WHERE external_id = 'A0'`).run()
    const moved = buildReport(db, workspaceId, WEEK, NOW).sentiment
    db.exec('DELETE FROM report_hours; DELETE FROM report_rollup')
    await foldInSteps(db, [workspaceId])
    expect(buildReport(db, workspaceId, WEEK, NOW).sentiment).toEqual(moved)
    expect(moved.at(-1)).toMatchObject({ negative: 0, positive: 1, averageScore: 0.5 })
    expect(moved[0]).toMatchObject({ neutral: 0, averageScore: null })
  })

  it('uses the first-reply wait the policy gives now for a conversation whose clock has not settled', async () => {
    const { fixture, report } = await weekReport()
    // A stale stored wait on a marked row is never read: the figure is worked out afresh.
    fixture.db
      .prepare(`UPDATE conversations SET first_reply_business_ms = 1, sla_dirty = 1 WHERE external_id = 'C'`)
      .run()
    expect(buildReport(fixture.db, fixture.workspaceId, WEEK, NOW).firstReply).toEqual(report.firstReply)
  })
})

describe('report days', () => {
  it('defaults to the last 30 days, today included, in the workspace zone', () => {
    // 23:30 UTC on 20 March is already the 21st in Berlin.
    const late = Date.parse('2026-03-20T23:30:00Z')
    expect(localToday('Europe/Berlin', late)).toBe('2026-03-21')
    expect(resolveRange('Europe/Berlin', {}, late).range).toMatchObject({ from: '2026-02-20', to: '2026-03-21' })
    expect(resolveRange('Europe/Berlin', { to: '2026-03-10' }, late).range).toMatchObject({ from: '2026-02-09' })
  })

  it('counts the 23-hour day of the spring change and its hours as the wall clock shows them', () => {
    const store = testStore()
    savePolicy(store.db, store.workspaceId, defaultPolicy('Europe/Berlin'))
    const at = ['2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z', '2026-03-29T21:30:00Z', '2026-03-29T22:30:00Z']
    store.ingest({
      accountId: store.accounts.x,
      items: at.map((iso, i) => ({
        externalId: `dst${i}`,
        conversation: { externalId: 'dst', visibility: 'public' },
        direction: 'in',
        customer: { externalId: 'u', displayName: 'U' },
        bodyText: 'Hallo',
        sentAt: Date.parse(iso),
      })),
    })
    settleAllClocks(store.db)
    const report = buildReport(store.db, store.workspaceId, { from: '2026-03-29', to: '2026-03-30' }, NOW)
    // Sunday runs from 23:00 UTC on Saturday to 22:00 UTC: 01:30 CET, 03:30 and 23:30 CEST are Sunday's,
    // 00:30 CEST on Monday is Monday's.
    expect(report.volume.filter((v) => v.channel === 'x').map((v) => [v.day, v.incoming])).toEqual([
      ['2026-03-29', 3],
      ['2026-03-30', 1],
    ])
    expect(report.heatmap.filter((c) => c.incoming > 0).map((c) => [c.weekday, c.hour])).toEqual([
      [1, 0],
      [7, 1],
      [7, 3],
      [7, 23],
    ])
  })
})
