import { describe, expect, it } from 'vitest'
import { item, testStore } from '../store/test-support'
import type { IngestItem } from '../store/ingest'
import { HOUR_MS, HOURS_PER_WEEK } from './groundswell'
import { lookForGroundswells } from './groundswell-watch'

/** Tuesday 15:00 in slot terms: hour h of the epoch lies in slot h mod 168, whatever the machine's time zone. */
const NOW = (2_900 * HOURS_PER_WEEK + 2 * 24 + 15) * HOUR_MS
const slotOf = (at: number) => Math.floor(at / HOUR_MS) % HOURS_PER_WEEK

const COMPLAINTS = [
  'Katastrophe, die Torte war ungenießbar 😡',
  'Furchtbar! Schon wieder kalt und zu spät.',
  'Never again, terrible service and stale bread.',
  'Unverschämt teuer und das Personal war unfreundlich.',
]
const complaint = (n: number, sentAt: number, extra: Partial<IngestItem> = {}) =>
  item({
    customer: { externalId: `angry-${n}`, displayName: `Kundin ${n}` },
    conversation: { externalId: `post-${n}`, visibility: 'public' },
    bodyText: COMPLAINTS[n % COMPLAINTS.length]!,
    sentAt,
    ...extra,
  })

/** Eight weeks of a quiet shop: a complaint every eleven hours and a compliment every five. */
function quietHistory(): IngestItem[] {
  const items: IngestItem[] = []
  for (let at = NOW - 8 * HOURS_PER_WEEK * HOUR_MS; at < NOW - HOUR_MS; at += HOUR_MS) {
    const hour = Math.floor(at / HOUR_MS)
    if (hour % 11 === 0) items.push(complaint(hour, at + 60_000))
    if (hour % 5 === 0) items.push(item({ bodyText: 'Lecker wie immer, danke!', sentAt: at + 120_000 }))
  }
  return items
}

function spike(count: number, endingAt: number, extra: Partial<IngestItem> = {}): IngestItem[] {
  return Array.from({ length: count }, (_, n) => complaint(10_000 + endingAt / 1000 + n, endingAt - n * 150_000, extra))
}

function storeWithHistory() {
  const store = testStore()
  store.ingest({ accountId: store.accounts.x, items: quietHistory() })
  return store
}

describe('groundswell watch', () => {
  it('stays quiet on everyday traffic, then raises one alert naming the conversations behind a spike', () => {
    const { db, workspaceId, accounts, ingest } = storeWithHistory()
    expect(lookForGroundswells(db, NOW - HOUR_MS, slotOf)).toEqual([])

    ingest({ accountId: accounts.x, items: spike(18, NOW) })
    const alerts = lookForGroundswells(db, NOW, slotOf)
    expect(alerts).toHaveLength(1)
    const [alert] = alerts
    expect(alert).toMatchObject({
      kind: 'groundswell',
      workspaceId,
      raisedAt: NOW,
      detail: { count: 18, mentions: 18, query: '' },
    })
    const spikeConversations = db
      .prepare(`SELECT id FROM conversations WHERE external_id LIKE 'post-1%' AND last_message_at > ?`)
      .pluck()
      .all(NOW - HOUR_MS) as number[]
    expect([...alert!.conversationIds].sort()).toEqual([...spikeConversations].sort())

    // The surge goes on: no second alert while the episode lasts, and none a minute later either.
    ingest({ accountId: accounts.x, items: spike(10, NOW + 60_000) })
    expect(lookForGroundswells(db, NOW + 60_000, slotOf)).toEqual([])
  })

  it('remembers its baseline and the episode across a restart', () => {
    const { db, accounts, ingest } = storeWithHistory()
    lookForGroundswells(db, NOW - HOUR_MS, slotOf)
    const baseline = db.prepare('SELECT count(*) FROM groundswell_baselines').pluck().get() as number
    expect(baseline).toBeGreaterThan(0)

    ingest({ accountId: accounts.x, items: spike(18, NOW) })
    expect(lookForGroundswells(db, NOW, slotOf)).toHaveLength(1)
    // A restart reads the episode back from the store: the same surge raises nothing new.
    expect(db.prepare('SELECT in_episode, last_alert_at FROM groundswell_scopes').get()).toEqual({
      in_episode: 1,
      last_alert_at: NOW,
    })
    expect(lookForGroundswells(db, NOW + 5 * 60_000, slotOf)).toEqual([])

    // Quiet again, then a new surge after the cool-down: a new episode, a new alert.
    expect(lookForGroundswells(db, NOW + 3 * HOUR_MS, slotOf)).toEqual([])
    const later = NOW + 30 * HOUR_MS
    ingest({ accountId: accounts.x, items: spike(18, later) })
    expect(lookForGroundswells(db, later, slotOf)).toHaveLength(1)
  })

  it('watches each listening query, without a second alert when the whole workspace spikes with it', () => {
    const { db, accounts, ingest } = storeWithHistory()
    const queryId = Number(
      db
        .prepare(`INSERT INTO listen_queries (account_id, query, created_at) VALUES (?, 'Sonnenschein', 1)`)
        .run(accounts.x).lastInsertRowid,
    )
    lookForGroundswells(db, NOW - HOUR_MS, slotOf)
    ingest({ accountId: accounts.x, items: spike(18, NOW, { listenQueryId: queryId }) })
    const alerts = lookForGroundswells(db, NOW, slotOf)
    expect(alerts).toHaveLength(1)
    expect(alerts[0]!.detail.query).toBe('')
    // The query's own episode is on record, so it does not alert later for the same surge.
    expect(db.prepare('SELECT in_episode FROM groundswell_scopes WHERE listen_query_id = ?').pluck().get(queryId)).toBe(
      1,
    )
  })

  it('takes no notice of old complaints that arrive late (an import of last month’s mail)', () => {
    const { db, accounts, ingest } = storeWithHistory()
    lookForGroundswells(db, NOW - HOUR_MS, slotOf)
    ingest({ accountId: accounts.email, items: spike(30, NOW - 3 * HOURS_PER_WEEK * HOUR_MS) })
    expect(lookForGroundswells(db, NOW, slotOf)).toEqual([])
  })
})
