import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../migrate'

describe('migration 0050', () => {
  it('lets queued replies send at once, and adds canned replies and drafts that go with their owners', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, 49)
    db.exec(`INSERT INTO workspaces (id, name, created_at) VALUES (1, 'W', 1);
             INSERT INTO accounts (id, workspace_id, channel, handle, display_name, created_at) VALUES (1, 1, 'x', '@w', 'W', 1);
             INSERT INTO contacts (id, workspace_id, display_name, created_at) VALUES (1, 1, 'Anna', 1);
             INSERT INTO conversations (id, workspace_id, account_id, channel, external_id, contact_id, visibility, last_message_at)
             VALUES (1, 1, 1, 'x', 'a', 1, 'public', 1);
             INSERT INTO outbox (workspace_id, account_id, conversation_id, body_text, idempotency_key, created_at, updated_at)
             VALUES (1, 1, 1, 'Danke!', 'k1', 5, 5);`)
    expect(migrate(db, 50)).toEqual({ from: expect.any(Number), to: 50 })
    // A reply queued before the upgrade waits for nothing: it was queued without an undo window.
    expect(db.prepare('SELECT not_before, quote_text, body_text FROM outbox').get()).toEqual({
      not_before: 0,
      quote_text: null,
      body_text: 'Danke!',
    })

    db.prepare(
      `INSERT INTO canned_replies (workspace_id, language, title, body, created_at, updated_at) VALUES (1, 'de', 'Danke', 'Danke, {{contact.firstName}}!', 1, 1)`,
    ).run()
    expect(() =>
      db
        .prepare(
          `INSERT INTO canned_replies (workspace_id, language, title, body, created_at, updated_at) VALUES (1, 'fr', 'Merci', 'Merci', 1, 1)`,
        )
        .run(),
    ).toThrow(/CHECK/)
    db.prepare(
      `INSERT INTO drafts (conversation_id, workspace_id, body_text, updated_at) VALUES (1, 1, 'Hallo Anna,', 2)`,
    ).run()

    db.prepare('DELETE FROM conversations WHERE id = 1').run()
    expect(db.prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(0)
    db.prepare('DELETE FROM workspaces WHERE id = 1').run()
    expect(db.prepare('SELECT count(*) FROM canned_replies').pluck().get()).toBe(0)
  })
})
