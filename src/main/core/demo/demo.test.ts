import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../store/db'
import { listWorkspaces } from '../store/repos/workspaces'
import { generateDemo, initializeOnFirstStart, type DemoSummary } from './index'
import { X_LIMIT } from './compose'

const NOW = Date.UTC(2025, 4, 14, 12, 0, 0)
const HOUR = 3_600_000

const count = (db: Db, sql: string, ...params: unknown[]): number => (db.prepare(sql).get(...params) as { n: number }).n

describe('generateDemo', () => {
  let db: Db
  let summary: DemoSummary
  beforeAll(() => {
    db = openDatabase(':memory:')
    summary = generateDemo(db, { seed: 7, now: NOW })
  })

  it('builds three labelled demo workspaces of the intended size', () => {
    const workspaces = listWorkspaces(db)
    expect(workspaces.map((w) => w.name).sort()).toEqual([
      'Demo · Brightside Yoga Studio',
      'Demo · Bäckerei Sonnenschein',
      'Demo · Fahrradladen Kettenblatt',
    ])
    expect(workspaces.every((w) => w.isDemo)).toBe(true)
    expect(summary.messages).toBe(count(db, 'SELECT count(*) AS n FROM messages'))
    expect(summary.messages).toBeGreaterThan(20_000)
    expect(summary.messages).toBeLessThan(32_000)
    expect(summary.contacts).toBeGreaterThan(2_000)
    expect(summary.contacts).toBeLessThan(3_000)
  })

  it('is deterministic for a seed', () => {
    // Small scale keeps the test quick; the same code path builds scale 1 and 40.
    const build = (seed: number) => {
      const d = openDatabase(':memory:')
      return { d, summary: generateDemo(d, { seed, now: NOW, scale: 0.2 }) }
    }
    const [a, b, other] = [build(7), build(7), build(8)]
    // Everything but the time it took is a function of the seed.
    expect({ ...b.summary, ingestMs: 0 }).toEqual({ ...a.summary, ingestMs: 0 })
    const first = (d: Db) => d.prepare('SELECT external_id, author_name, body_text, sent_at FROM messages ORDER BY id LIMIT 20').all()
    expect(first(b.d)).toEqual(first(a.d))
    expect(first(other.d)).not.toEqual(first(a.d))
    expect(first(db).length).toBe(20)
  })

  it('covers all three channels, public and private, in German and English', () => {
    const channels = db.prepare('SELECT DISTINCT channel FROM messages JOIN accounts ON accounts.id = messages.account_id').all()
    expect(channels.map((r) => (r as { channel: string }).channel).sort()).toEqual(['email', 'facebook', 'x'])
    expect(count(db, "SELECT count(*) AS n FROM conversations WHERE channel = 'facebook' AND visibility = 'public'")).toBeGreaterThan(0)
    expect(count(db, "SELECT count(*) AS n FROM conversations WHERE channel = 'facebook' AND visibility = 'private'")).toBeGreaterThan(0)
    expect(count(db, "SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH 'Bestellung'")).toBeGreaterThan(500)
    expect(count(db, "SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH 'class'")).toBeGreaterThan(200)
    expect(count(db, "SELECT count(*) AS n FROM messages WHERE direction = 'out' AND subject LIKE 'AW:%'")).toBeGreaterThan(0)
  })

  it('keeps X posts within 280 characters and follower counts long-tailed', () => {
    expect(count(db, "SELECT max(length(body_text)) AS n FROM messages WHERE account_id IN (SELECT id FROM accounts WHERE channel = 'x')")).toBeLessThanOrEqual(X_LIMIT)
    const small = count(db, "SELECT count(*) AS n FROM identities WHERE channel = 'x' AND followers < 500")
    const all = count(db, "SELECT count(*) AS n FROM identities WHERE channel = 'x'")
    expect(small / all).toBeGreaterThan(0.8)
    expect(count(db, 'SELECT count(*) AS n FROM identities WHERE followers >= 10000')).toBeGreaterThanOrEqual(3)
  })

  it('has the angry customer with 1.2M followers posting in public on X, unanswered', () => {
    const angry = db
      .prepare("SELECT i.followers, i.handle, c.display_name FROM identities i JOIN contacts c ON c.id = i.contact_id WHERE i.contact_id = ? AND i.channel = 'x'")
      .get(summary.angryContactId) as { followers: number; handle: string; display_name: string }
    expect(angry).toEqual({ followers: 1_240_000, handle: 'helene_isst', display_name: 'Helene Armbruster' })
    const posts = count(db, "SELECT count(*) AS n FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.contact_id = ? AND c.visibility = 'public' AND m.direction = 'in'", summary.angryContactId)
    expect(posts).toBeGreaterThanOrEqual(4)
    expect(count(db, "SELECT count(*) AS n FROM conversations WHERE contact_id = ? AND status = 'open' AND last_outbound_at IS NULL", summary.angryContactId)).toBeGreaterThan(0)
  })

  it('leaves open conversations waiting for an answer for more than three hours', () => {
    const waiting = count(
      db,
      "SELECT count(*) AS n FROM conversations WHERE status = 'open' AND last_inbound_at < ? AND (last_outbound_at IS NULL OR last_outbound_at < last_inbound_at)",
      NOW - 3 * HOUR,
    )
    expect(waiting).toBeGreaterThan(5)
    expect(count(db, "SELECT count(*) AS n FROM conversations WHERE status = 'done'")).toBeGreaterThan(count(db, "SELECT count(*) AS n FROM conversations WHERE status = 'open'"))
    expect(count(db, "SELECT count(*) AS n FROM conversations WHERE first_reply_at IS NOT NULL")).toBeGreaterThan(1000)
  })

  it('puts one contact on two channels on one timeline, and the heavy regular grows with scale', () => {
    const channels = count(db, 'SELECT count(DISTINCT account_id) AS n FROM messages WHERE contact_id = ?', summary.heavyContactId)
    expect(channels).toBe(2)
    const events = count(db, 'SELECT count(*) AS n FROM messages WHERE contact_id = ?', summary.heavyContactId)
    expect(events).toBeGreaterThan(200)
    expect(events).toBeLessThan(300)
  })

  it('has product feedback, tags, assignees and a note', () => {
    expect(count(db, `SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH '"Dinkelbrötchen ohne Sesam"'`)).toBeGreaterThan(0)
    const tags = db.prepare('SELECT DISTINCT t.name FROM tags t JOIN conversation_tags ct ON ct.tag_id = t.id ORDER BY 1').all()
    expect(tags.map((r) => (r as { name: string }).name)).toEqual(['Lieferung', 'Lob', 'Produktidee', 'Reklamation'])
    expect(count(db, "SELECT count(*) AS n FROM conversations WHERE assignee IN ('Anna', 'Jonas')")).toBeGreaterThan(100)
    expect(count(db, 'SELECT count(*) AS n FROM notes')).toBeGreaterThan(0)
  })
})

describe('initializeOnFirstStart', () => {
  const dbs: Db[] = []
  afterEach(() => dbs.splice(0).forEach((d) => d.close()))
  const fresh = () => {
    const db = openDatabase(':memory:')
    dbs.push(db)
    return db
  }

  it('builds the demo once and never again, even after the demo was removed', () => {
    const db = fresh()
    initializeOnFirstStart(db, 'first-start', NOW)
    expect(listWorkspaces(db).filter((w) => w.isDemo)).toHaveLength(3)
    const messages = count(db, 'SELECT count(*) AS n FROM messages')
    initializeOnFirstStart(db, 'first-start', NOW)
    expect(count(db, 'SELECT count(*) AS n FROM messages')).toBe(messages)
    db.prepare('DELETE FROM settings WHERE key != ?').run('initialized')
    db.exec('PRAGMA foreign_keys = OFF; DELETE FROM conversation_tags; DELETE FROM tags; DELETE FROM notes; DELETE FROM messages; DELETE FROM conversations; DELETE FROM identities; DELETE FROM contacts; DELETE FROM accounts; DELETE FROM workspaces; PRAGMA foreign_keys = ON')
    initializeOnFirstStart(db, 'first-start', NOW)
    expect(listWorkspaces(db)).toHaveLength(0)
  })

  it("creates exactly one empty workspace in 'never' mode", () => {
    const db = fresh()
    initializeOnFirstStart(db, 'never', NOW)
    initializeOnFirstStart(db, 'first-start', NOW)
    const workspaces = listWorkspaces(db)
    expect(workspaces).toHaveLength(1)
    expect(workspaces[0]).toMatchObject({ name: 'My workspace', isDemo: false, conversationCount: 0 })
    expect(count(db, 'SELECT count(*) AS n FROM messages')).toBe(0)
  })
})
