import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../migrate'

const planOf = (db: Database.Database, sql: string, ...params: unknown[]): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((p) => p.detail).join(' | ')

describe('migration 0130', () => {
  it('drops the two covered indexes, and their queries read the wider ones', () => {
    const db = new Database(':memory:')
    migrate(db, 130)
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all()
    expect(indexes).not.toContain('messages_negative')
    expect(indexes).not.toContain('identities_contact')

    // The groundswell's negative-messages count (repos/groundswell.ts).
    expect(
      planOf(
        db,
        `SELECT count(*) FROM messages WHERE workspace_id = ? AND direction = 'in' AND sentiment_label = 'negative'
           AND sent_at > ? AND sent_at <= ? AND (? IS NULL OR listen_query_id = ?)`,
        1,
        0,
        1,
        null,
        null,
      ),
    ).toContain('USING INDEX messages_complaints (workspace_id=? AND sent_at>? AND sent_at<?)')
    // A contact's identities, and the foreign-key check of a contact delete.
    expect(planOf(db, 'SELECT handle FROM identities WHERE contact_id = ?', 1)).toContain(
      'USING INDEX identities_reach (contact_id=?)',
    )
    expect(planOf(db, 'SELECT 1 FROM identities WHERE contact_id = ?', 1)).toContain(
      'USING COVERING INDEX identities_reach (contact_id=?)',
    )
  })
})
