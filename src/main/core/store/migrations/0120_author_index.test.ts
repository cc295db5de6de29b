import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../migrate'

describe('migration 0120', () => {
  it('lets the foreign-key check of an identity delete use an index instead of scanning messages', () => {
    const db = new Database(':memory:')
    migrate(db, 120)
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT 1 FROM messages WHERE author_identity_id = ?')
      .all(1) as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toContain('USING COVERING INDEX messages_author_identity')
  })
})
