import type { ContactMerge, MergeReason, MergeReasonKind } from '../../../shared/commands/contacts'
import { EarshotError, notFound } from '../../../shared/errors'
import type { Db } from '../store/db'
import { markFamilyClocks } from '../store/repos/clocks'

interface ContactRow {
  id: number
  workspace_id: number
  display_name: string
  merged_into_id: number | null
  vip: number
  reach_override: number | null
}

export function contactRow(db: Db, contactId: number): ContactRow {
  const row = db
    .prepare('SELECT id, workspace_id, display_name, merged_into_id, vip, reach_override FROM contacts WHERE id = ?')
    .get(contactId) as ContactRow | undefined
  if (!row) throw notFound(`Contact ${contactId}`)
  return row
}

/** Edits and merges apply to the contact people see; a merged contact is only seen inside its survivor. */
export function assertNotMerged(contact: ContactRow): void {
  if (contact.merged_into_id !== null) {
    throw new EarshotError(
      'CONFLICT',
      `${contact.display_name} was merged into another contact; open that one instead.`,
    )
  }
}

export interface MergeInput {
  survivorId: number
  absorbedId: number
  evidence: { reasons: MergeReason[]; confidence: number } | null
  actor: string
  now?: number
}

/**
 * Merges `absorbedId` into `survivorId`. Nothing of the absorbed contact is rewritten: its row points at
 * the survivor, its identities and history join the survivor's timeline through that pointer. The survivor
 * gains what it lacked (VIP, reach, outcome, fields, tags) and the absorbed contact's notes; each of those
 * changes is written down with the merge, so unmergeContacts can take exactly those back.
 */
export function mergeContacts(db: Db, arg: MergeInput): number {
  return db.transaction(() => {
    const survivor = contactRow(db, arg.survivorId)
    const absorbed = contactRow(db, arg.absorbedId)
    if (survivor.workspace_id !== absorbed.workspace_id) {
      throw new EarshotError('INVALID', 'Contacts of different workspaces cannot be merged.')
    }
    assertNotMerged(survivor)
    assertNotMerged(absorbed)
    const p = { s: survivor.id, a: absorbed.id, ws: survivor.workspace_id }
    const hasOutcome = db.prepare('SELECT 1 FROM contact_outcomes WHERE contact_id = ?').pluck()
    const filled = {
      vip: survivor.vip === 0 && absorbed.vip === 1,
      reach: survivor.reach_override === null && absorbed.reach_override !== null,
      outcome: !hasOutcome.get(p.s) && hasOutcome.get(p.a) !== undefined,
    }
    const m = Number(
      db
        .prepare(
          `INSERT INTO contact_merges (workspace_id, survivor_id, absorbed_id, confidence, merged_at, merged_by,
             filled_vip, filled_reach, filled_outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          p.ws,
          p.s,
          p.a,
          arg.evidence?.confidence ?? null,
          arg.now ?? Date.now(),
          arg.actor,
          Number(filled.vip),
          Number(filled.reach),
          Number(filled.outcome),
        ).lastInsertRowid,
    )
    const q = { ...p, m }
    db.prepare('UPDATE contacts SET merged_into_id = @s WHERE id = @a').run(q)
    if (filled.vip) db.prepare('UPDATE contacts SET vip = 1 WHERE id = @s').run(q)
    if (filled.reach)
      db.prepare('UPDATE contacts SET reach_override = @reach WHERE id = @s').run({
        ...q,
        reach: absorbed.reach_override,
      })
    if (filled.outcome) {
      db.prepare(
        `INSERT INTO contact_outcomes (contact_id, kind, value_minor, currency, set_at)
         SELECT @s, kind, value_minor, currency, set_at FROM contact_outcomes WHERE contact_id = @a`,
      ).run(q)
    }
    foldLists(db, q)
    const reason = db.prepare('INSERT OR IGNORE INTO contact_merge_reasons (merge_id, kind, value) VALUES (?, ?, ?)')
    for (const r of arg.evidence?.reasons ?? []) reason.run(m, r.kind, r.value)
    markFamilyClocks(db, p.s)
    return m
  })()
}

/** Tags and fields the survivor lacked, and every note: logged first, then applied from the log. */
function foldLists(db: Db, q: { s: number; a: number; ws: number; m: number }): void {
  db.prepare(
    `INSERT INTO contact_merge_tags (merge_id, tag_id)
     SELECT @m, x.tag_id FROM contact_tags x WHERE x.contact_id = @a
       AND NOT EXISTS (SELECT 1 FROM contact_tags y WHERE y.contact_id = @s AND y.tag_id = x.tag_id)`,
  ).run(q)
  db.prepare(
    'INSERT INTO contact_tags (contact_id, tag_id) SELECT @s, tag_id FROM contact_merge_tags WHERE merge_id = @m',
  ).run(q)
  db.prepare(
    `INSERT INTO contact_merge_fields (merge_id, key, value)
     SELECT @m, f.key, f.value FROM contact_fields f WHERE f.contact_id = @a
       AND NOT EXISTS (SELECT 1 FROM contact_fields g WHERE g.contact_id = @s AND g.key = f.key)`,
  ).run(q)
  db.prepare(
    `INSERT INTO contact_fields (workspace_id, contact_id, key, value)
     SELECT @ws, @s, key, value FROM contact_merge_fields WHERE merge_id = @m`,
  ).run(q)
  db.prepare(
    'INSERT INTO contact_merge_notes (merge_id, note_id) SELECT @m, id FROM contact_notes WHERE contact_id = @a',
  ).run(q)
  db.prepare(
    'UPDATE contact_notes SET contact_id = @s WHERE id IN (SELECT note_id FROM contact_merge_notes WHERE merge_id = @m)',
  ).run(q)
}

interface MergeRow {
  id: number
  workspace_id: number
  survivor_id: number
  absorbed_id: number
  undone_at: number | null
  filled_vip: number
  filled_reach: number
  filled_outcome: number
}

/**
 * Undoes a merge: the absorbed contact stands alone again with its notes, and the survivor loses what the
 * merge gave it. Something the survivor changed since (a field retyped, an outcome set) is left as it is.
 * The pair is not suggested again: someone has just said they are two people.
 */
export function unmergeContacts(
  db: Db,
  arg: { mergeId: number; actor: string; now?: number },
): { workspaceId: number; survivorId: number; absorbedId: number } {
  return db.transaction(() => {
    const merge = db.prepare('SELECT * FROM contact_merges WHERE id = ?').get(arg.mergeId) as MergeRow | undefined
    if (!merge) throw notFound(`Merge ${arg.mergeId}`)
    if (merge.undone_at !== null) throw new EarshotError('CONFLICT', 'This merge has already been undone.')
    const q = { s: merge.survivor_id, a: merge.absorbed_id, m: merge.id }
    if (contactRow(db, q.a).merged_into_id !== q.s) {
      throw new EarshotError('CONFLICT', 'These contacts are no longer merged this way.')
    }
    // What this merge gave the survivor may have moved on with a later merge of the survivor itself.
    if (contactRow(db, q.s).merged_into_id !== null) {
      throw new EarshotError('CONFLICT', 'This contact was merged again since; undo that later merge first.')
    }
    const now = arg.now ?? Date.now()
    db.prepare('UPDATE contacts SET merged_into_id = NULL WHERE id = @a').run(q)
    db.prepare(
      `UPDATE contact_notes SET contact_id = @a
       WHERE contact_id = @s AND id IN (SELECT note_id FROM contact_merge_notes WHERE merge_id = @m)`,
    ).run(q)
    db.prepare(
      'DELETE FROM contact_tags WHERE contact_id = @s AND tag_id IN (SELECT tag_id FROM contact_merge_tags WHERE merge_id = @m)',
    ).run(q)
    db.prepare(
      `DELETE FROM contact_fields WHERE contact_id = @s AND EXISTS (
         SELECT 1 FROM contact_merge_fields x WHERE x.merge_id = @m AND x.key = contact_fields.key AND x.value = contact_fields.value)`,
    ).run(q)
    if (merge.filled_outcome) {
      db.prepare(
        `DELETE FROM contact_outcomes WHERE contact_id = @s AND EXISTS (
           SELECT 1 FROM contact_outcomes o WHERE o.contact_id = @a AND o.kind = contact_outcomes.kind
             AND o.value_minor IS contact_outcomes.value_minor AND o.currency IS contact_outcomes.currency
             AND o.set_at = contact_outcomes.set_at)`,
      ).run(q)
    }
    if (merge.filled_vip) db.prepare('UPDATE contacts SET vip = 0 WHERE id = @s').run(q)
    if (merge.filled_reach) {
      db.prepare(
        'UPDATE contacts SET reach_override = NULL WHERE id = @s AND reach_override IS (SELECT reach_override FROM contacts WHERE id = @a)',
      ).run(q)
    }
    db.prepare('UPDATE contact_merges SET undone_at = ?, undone_by = ? WHERE id = ?').run(now, arg.actor, q.m)
    dismissPair(db, { workspaceId: merge.workspace_id, contactIds: [q.s, q.a], actor: arg.actor, now })
    markFamilyClocks(db, q.s)
    markFamilyClocks(db, q.a)
    return { workspaceId: merge.workspace_id, survivorId: q.s, absorbedId: q.a }
  })()
}

/** "Not the same person": the pair is left out of suggestions from now on. */
export function dismissPair(
  db: Db,
  arg: { workspaceId: number; contactIds: readonly [number, number]; actor: string; now?: number },
): void {
  const [low, high] = [...arg.contactIds].sort((x, y) => x - y)
  db.prepare(
    `INSERT INTO contact_pair_dismissals (workspace_id, low_id, high_id, dismissed_at, dismissed_by)
     VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  ).run(arg.workspaceId, low, high, arg.now ?? Date.now(), arg.actor)
}

interface MergeSummaryRow {
  id: number
  survivor_id: number
  absorbed_id: number
  absorbed_name: string
  confidence: number | null
  merged_at: number
  merged_by: string
}

/** The merges into a contact that can still be undone, newest first. */
export function activeMergesInto(db: Db, survivorId: number): ContactMerge[] {
  const rows = db
    .prepare(
      `SELECT m.id, m.survivor_id, m.absorbed_id, c.display_name AS absorbed_name, m.confidence, m.merged_at, m.merged_by
       FROM contact_merges m JOIN contacts c ON c.id = m.absorbed_id
       WHERE m.survivor_id = ? AND m.undone_at IS NULL ORDER BY m.merged_at DESC, m.id DESC`,
    )
    .all(survivorId) as MergeSummaryRow[]
  const reasons = db.prepare('SELECT kind, value FROM contact_merge_reasons WHERE merge_id = ? ORDER BY kind, value')
  return rows.map((r) => ({
    id: r.id,
    survivorId: r.survivor_id,
    absorbedId: r.absorbed_id,
    absorbedName: r.absorbed_name,
    confidence: r.confidence,
    reasons: (reasons.all(r.id) as { kind: MergeReasonKind; value: string }[]).map((x) => ({
      kind: x.kind,
      value: x.value,
    })),
    mergedAt: r.merged_at,
    mergedBy: r.merged_by,
  }))
}
