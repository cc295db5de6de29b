import { EarshotError, notFound } from '../../../shared/errors'
import type { Db } from '../store/db'
import { rootContact } from '../store/repos/contacts'
import { rescanSignaturesOf } from './keys'

interface IdentityRow {
  id: number
  contact_id: number
  workspace_id: number
  external_id: string
  handle: string | null
  display_name: string | null
}

export interface SplitResult {
  contactId: number
  workspaceId: number
  /** The contacts the identities were taken from. */
  from: number[]
  movedConversations: number
}

/**
 * Moves identities to a new contact together with the conversations they started: someone taken for
 * another person (a shared family address, a wrong merge) gets their own contact and timeline. Notes,
 * tags, fields and outcome stay where they were written. Every contact must keep at least one identity;
 * to take a merged contact apart entirely, its merge is undone instead.
 */
export function splitIdentities(db: Db, arg: { identityIds: readonly number[]; now?: number }): SplitResult {
  return db.transaction(() => {
    const ids = [...new Set(arg.identityIds)]
    const idsJson = JSON.stringify(ids)
    const rows = db
      .prepare(
        `SELECT id, contact_id, workspace_id, external_id, handle, display_name FROM identities
         WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`,
      )
      .all(idsJson) as IdentityRow[]
    if (rows.length !== ids.length) throw notFound('An identity')
    const owners = [...new Set(rows.map((r) => r.contact_id))]
    if (new Set(owners.map((o) => rootContact(db, o))).size > 1) {
      throw new EarshotError(
        'INVALID',
        'These identities belong to different contacts; split them one contact at a time.',
      )
    }
    assertEachKeepsOne(db, owners, idsJson)
    const first = rows[0]!
    const workspaceId = first.workspace_id
    const contactId = Number(
      db
        .prepare('INSERT INTO contacts (workspace_id, display_name, created_at) VALUES (?, ?, ?)')
        .run(workspaceId, first.display_name ?? first.handle ?? first.external_id, arg.now ?? Date.now())
        .lastInsertRowid,
    )
    db.prepare('UPDATE identities SET contact_id = ? WHERE id IN (SELECT value FROM json_each(?))').run(
      contactId,
      idsJson,
    )
    const moved = conversationsStartedBy(db, owners, ids)
    const movedJson = JSON.stringify(moved)
    db.prepare('UPDATE conversations SET contact_id = ? WHERE id IN (SELECT value FROM json_each(?))').run(
      contactId,
      movedJson,
    )
    db.prepare('UPDATE messages SET contact_id = ? WHERE conversation_id IN (SELECT value FROM json_each(?))').run(
      contactId,
      movedJson,
    )
    rescanSignaturesOf(db, workspaceId, [...owners, contactId])
    return { contactId, workspaceId, from: owners, movedConversations: moved.length }
  })()
}

function assertEachKeepsOne(db: Db, owners: readonly number[], idsJson: string): void {
  const remaining = db.prepare(
    'SELECT count(*) FROM identities WHERE contact_id = ? AND id NOT IN (SELECT value FROM json_each(?))',
  )
  for (const owner of owners) {
    if ((remaining.pluck().get(owner, idsJson) as number) === 0) {
      throw new EarshotError(
        'CONFLICT',
        'A contact must keep at least one channel. To separate a merged contact entirely, undo its merge.',
      )
    }
  }
}

/** Conversations whose first customer message came from one of `identityIds`: they go with the identity. */
function conversationsStartedBy(db: Db, owners: readonly number[], identityIds: readonly number[]): number[] {
  const wanted = new Set(identityIds)
  const candidates = db
    .prepare(
      `SELECT DISTINCT m.conversation_id FROM messages m
       WHERE m.contact_id = ? AND m.author_identity_id IN (SELECT value FROM json_each(?))`,
    )
    .pluck()
  const starter = db
    .prepare(
      `SELECT author_identity_id FROM messages WHERE conversation_id = ? AND direction = 'in'
       ORDER BY sent_at, id LIMIT 1`,
    )
    .pluck()
  const json = JSON.stringify(identityIds)
  return owners
    .flatMap((owner) => candidates.all(owner, json) as number[])
    .filter((conversationId) => wanted.has(starter.get(conversationId) as number))
}
