import type {
  ContactField,
  ContactNote,
  ContactOutcome,
  OutcomeKind,
  SalesOutcome,
} from '../../../../shared/commands/contacts'
import { notFound } from '../../../../shared/errors'
import type { Db } from '../db'
import { markFamilyClocks } from './clocks'

/** What people wrote down about a contact: never touched by a resync. */
export interface ProfileParts {
  reachOverride: number | null
  outcome: ContactOutcome | null
  tags: string[]
  fields: ContactField[]
  notes: ContactNote[]
}

interface OutcomeRow {
  kind: OutcomeKind
  value_minor: number | null
  currency: string | null
  set_at: number
}

interface NoteRow {
  id: number
  contact_id: number
  body: string
  author: string
  created_at: number
}

function toOutcome(r: OutcomeRow): ContactOutcome {
  if (r.kind === 'sale')
    return { kind: 'sale', valueMinor: r.value_minor ?? 0, currency: r.currency ?? '', setAt: r.set_at }
  return { kind: r.kind, setAt: r.set_at }
}

const toNote = (r: NoteRow): ContactNote => ({
  id: r.id,
  contactId: r.contact_id,
  body: r.body,
  author: r.author,
  createdAt: r.created_at,
})

export function profileParts(db: Db, contactId: number): ProfileParts {
  const reachOverride = db.prepare('SELECT reach_override FROM contacts WHERE id = ?').pluck().get(contactId) as
    number | null | undefined
  if (reachOverride === undefined) throw notFound(`Contact ${contactId}`)
  const outcome = db
    .prepare('SELECT kind, value_minor, currency, set_at FROM contact_outcomes WHERE contact_id = ?')
    .get(contactId) as OutcomeRow | undefined
  const tags = db
    .prepare(
      `SELECT t.name FROM contact_tags x JOIN tags t ON t.id = x.tag_id
       WHERE x.contact_id = ? ORDER BY t.name COLLATE NOCASE`,
    )
    .pluck()
    .all(contactId) as string[]
  const fields = db
    .prepare('SELECT key, value FROM contact_fields WHERE contact_id = ? ORDER BY key COLLATE NOCASE')
    .all(contactId) as ContactField[]
  const notes = db
    .prepare('SELECT * FROM contact_notes WHERE contact_id = ? ORDER BY created_at DESC, id DESC')
    .all(contactId) as NoteRow[]
  return { reachOverride, outcome: outcome ? toOutcome(outcome) : null, tags, fields, notes: notes.map(toNote) }
}

export function setVip(db: Db, contactId: number, vip: boolean): void {
  db.prepare('UPDATE contacts SET vip = ? WHERE id = ?').run(vip ? 1 : 0, contactId)
  markFamilyClocks(db, contactId)
}

export function setReachOverride(db: Db, contactId: number, reach: number | null): void {
  db.prepare('UPDATE contacts SET reach_override = ? WHERE id = ?').run(reach, contactId)
  markFamilyClocks(db, contactId)
}

export function setOutcome(db: Db, contactId: number, outcome: SalesOutcome | null, now = Date.now()): void {
  if (outcome === null) {
    db.prepare('DELETE FROM contact_outcomes WHERE contact_id = ?').run(contactId)
    return
  }
  const sale = outcome.kind === 'sale' ? outcome : null
  db.prepare(
    `INSERT INTO contact_outcomes (contact_id, kind, value_minor, currency, set_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (contact_id) DO UPDATE SET kind = excluded.kind, value_minor = excluded.value_minor,
       currency = excluded.currency, set_at = excluded.set_at`,
  ).run(contactId, outcome.kind, sale?.valueMinor ?? null, sale?.currency ?? null, now)
}

/** Sets or (with null) removes one field. Keys match without regard to case; the latest spelling wins. */
export function setField(
  db: Db,
  arg: { workspaceId: number; contactId: number; key: string; value: string | null },
): void {
  if (arg.value === null) {
    db.prepare('DELETE FROM contact_fields WHERE contact_id = ? AND key = ?').run(arg.contactId, arg.key)
    return
  }
  db.prepare(
    `INSERT INTO contact_fields (workspace_id, contact_id, key, value) VALUES (?, ?, ?, ?)
     ON CONFLICT (contact_id, key) DO UPDATE SET key = excluded.key, value = excluded.value`,
  ).run(arg.workspaceId, arg.contactId, arg.key, arg.value)
}

/** The field names a workspace uses, one spelling each, for suggestions while typing. */
export function listFieldKeys(db: Db, workspaceId: number): string[] {
  return db
    .prepare('SELECT DISTINCT key FROM contact_fields WHERE workspace_id = ? ORDER BY key COLLATE NOCASE')
    .pluck()
    .all(workspaceId) as string[]
}

/** Contacts share the workspace's tags with conversations ("Stammkunde" names one tag everywhere). */
export function setContactTag(db: Db, workspaceId: number, contactId: number, name: string, on: boolean): void {
  if (on) {
    db.prepare('INSERT INTO tags (workspace_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING').run(workspaceId, name)
    db.prepare(
      `INSERT INTO contact_tags (contact_id, tag_id)
       SELECT ?, id FROM tags WHERE workspace_id = ? AND name = ? ON CONFLICT DO NOTHING`,
    ).run(contactId, workspaceId, name)
  } else {
    db.prepare(
      'DELETE FROM contact_tags WHERE contact_id = ? AND tag_id IN (SELECT id FROM tags WHERE workspace_id = ? AND name = ?)',
    ).run(contactId, workspaceId, name)
  }
}

export function addContactNote(
  db: Db,
  arg: { workspaceId: number; contactId: number; body: string; author: string; now?: number },
): number {
  return Number(
    db
      .prepare('INSERT INTO contact_notes (workspace_id, contact_id, body, author, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(arg.workspaceId, arg.contactId, arg.body, arg.author, arg.now ?? Date.now()).lastInsertRowid,
  )
}

/** The contact a note is written on. */
export function contactOfNote(db: Db, noteId: number): number {
  const contactId = db.prepare('SELECT contact_id FROM contact_notes WHERE id = ?').pluck().get(noteId) as
    number | undefined
  if (contactId === undefined) throw notFound(`Note ${noteId}`)
  return contactId
}

export function deleteContactNote(db: Db, noteId: number): void {
  db.prepare('DELETE FROM contact_notes WHERE id = ?').run(noteId)
}
