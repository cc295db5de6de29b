import type { ContactHit } from '../../../../shared/domain'
import { normalizeEmail, normalizeHandle, normalizePhone } from '../../contacts/normalize'
import type { KeyKind } from '../../contacts/keys'
import type { Db } from '../db'
import { toFtsQuery } from './fts'
import { searchContacts } from './search'

const PHONE_LIKE = /^\+?[\d\s()/.-]+$/

/**
 * What the query is, if it is a phone number, an email address or an @handle, in the normal form of
 * contact_keys (contacts/normalize.ts): "0211 123456" then finds "+49 211 123456" from a mail signature.
 */
export function keysOfQuery(query: string): { kind: KeyKind; value: string }[] {
  const q = query.trim()
  const keys: { kind: KeyKind; value: string | null }[] = [
    { kind: 'phone', value: PHONE_LIKE.test(q) ? normalizePhone(q) : null },
    { kind: 'email', value: normalizeEmail(q) },
    { kind: 'handle', value: q.startsWith('@') ? normalizeHandle(q) : null },
  ]
  return keys.filter((k): k is { kind: KeyKind; value: string } => k.value !== null)
}

interface HitRow {
  id: number
  display_name: string
  handles: string | null
  reach: number
}

/** Contacts known by one of `keys` (from their identities, fields or signatures); a merged one as its survivor. */
function contactsByKey(
  db: Db,
  workspaceId: number,
  keys: { kind: KeyKind; value: string }[],
  limit: number,
): ContactHit[] {
  const rows = db
    .prepare(
      `WITH RECURSIVE found(id) AS (
         SELECT k.contact_id FROM json_each(@keys) j
         JOIN contact_keys k ON k.workspace_id = @workspaceId AND k.kind = j.value ->> '$.kind' AND k.value = j.value ->> '$.value'),
       up(id) AS (SELECT id FROM found UNION SELECT c.merged_into_id FROM up JOIN contacts c ON c.id = up.id WHERE c.merged_into_id IS NOT NULL)
       SELECT ct.id, ct.display_name,
              (SELECT group_concat(coalesce('@' || i.handle, i.external_id), ' ') FROM identities i
               WHERE i.contact_id = ct.id) AS handles,
              coalesce((SELECT max(i.followers) FROM identities i WHERE i.contact_id = ct.id), 0) AS reach
       FROM contacts ct WHERE ct.id IN (SELECT id FROM up) AND ct.merged_into_id IS NULL
       ORDER BY ct.id DESC LIMIT @limit`,
    )
    .all({ keys: JSON.stringify(keys), workspaceId, limit }) as HitRow[]
  return rows.map((r) => ({
    contactId: r.id,
    displayName: r.display_name,
    handles: r.handles ? r.handles.split(' ').filter(Boolean) : [],
    reach: r.reach,
  }))
}

/**
 * "Who is this?": contacts by name, email address, handle or phone number, as the user types. Names,
 * addresses and handles of identities come from the full-text indexes, where the last word matches as a
 * prefix ("anna@exa"); the contact indexes are small beside the message index, so that stays cheap. A
 * whole phone number, address or @handle is also looked up among the keys of identity resolution, which
 * know numbers and addresses from custom fields and mail signatures.
 */
export function lookupContacts(db: Db, arg: { workspaceId: number; query: string; limit: number }): ContactHit[] {
  const match = toFtsQuery(arg.query)
  const keys = keysOfQuery(arg.query)
  const byKey = keys.length > 0 ? contactsByKey(db, arg.workspaceId, keys, arg.limit) : []
  const byText = match ? searchContacts(db, match, arg) : []
  const seen = new Set<number>()
  return [...byKey, ...byText].filter((c) => !seen.has(c.contactId) && seen.add(c.contactId)).slice(0, arg.limit)
}
