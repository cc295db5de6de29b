import type { CsvMapping } from '../../../shared/commands/archives'
import type { Db } from '../store/db'

/** One row of a contacts CSV, read through the user's column mapping. */
export interface CsvContact {
  name: string
  /** Lower case. */
  email: string | null
  /** Without the @. */
  x: string | null
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const X_HANDLE = /^\w{1,15}$/
/** People paste profile links as often as handles. */
const X_PROFILE = /^(?:https?:\/\/)?(?:www\.)?(?:x|twitter)\.com\/(\w{1,15})\/?$/i

/** Checks that every mapped column exists, so a typo in `--map` fails before anything is written. */
export function missingColumns(columns: readonly string[], mapping: CsvMapping): string[] {
  return Object.values(mapping).filter((c): c is string => c !== undefined && !columns.includes(c))
}

/** The contact a row describes, or why it cannot be read. */
export function rowToContact(
  columns: readonly string[],
  fields: readonly string[],
  mapping: CsvMapping,
): CsvContact | { reason: string } {
  const value = (column: string | undefined) =>
    column === undefined ? '' : (fields[columns.indexOf(column)] ?? '').trim()
  const email = value(mapping.email).toLowerCase()
  if (email && !EMAIL.test(email)) return { reason: `"${email}" is not an e-mail address` }
  const rawX = value(mapping.x)
  const x = rawX ? (X_PROFILE.exec(rawX)?.[1] ?? rawX.replace(/^@/, '')) : ''
  if (x && !X_HANDLE.test(x)) return { reason: `"${rawX}" is not an X handle` }
  const name = (
    value(mapping.name) || [value(mapping.firstName), value(mapping.lastName)].filter(Boolean).join(' ')
  ).replace(/\s+/g, ' ')
  if (!name && !email && !x) return { reason: 'the row has no name, e-mail address or X handle' }
  return { name: name || email || `@${x}`, email: email || null, x: x || null }
}

/**
 * Writes contacts so that importing the same file again adds nothing: a row is the contact who
 * already has its e-mail address, else its X handle, else (a name alone) the contact of that name.
 * Missing addresses and handles are added to the contact found; names already there are kept.
 */
export function createContactWriter(db: Db, workspaceId: number) {
  const s = {
    byIdentity: db
      .prepare('SELECT contact_id FROM identities WHERE workspace_id = ? AND channel = ? AND external_id = ?')
      .pluck(),
    byXHandle: db
      .prepare(
        "SELECT contact_id FROM identities WHERE workspace_id = ? AND channel = 'x' AND lower(handle) = lower(?)",
      )
      .pluck(),
    byName: db
      .prepare(
        'SELECT id FROM contacts WHERE workspace_id = ? AND merged_into_id IS NULL AND display_name = ? COLLATE NOCASE ORDER BY id LIMIT 1',
      )
      .pluck(),
    insertContact: db.prepare('INSERT INTO contacts (workspace_id, display_name, created_at) VALUES (?, ?, ?)'),
    insertIdentity: db.prepare(
      `INSERT INTO identities (workspace_id, contact_id, channel, external_id, handle, display_name) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (workspace_id, channel, external_id) DO NOTHING`,
    ),
  }
  // An X identity is keyed by the user's numeric id, which a CSV does not have: until a sync
  // brings the real one, the handle stands in for it.
  const xKey = (handle: string) => `handle:${handle.toLowerCase()}`
  const find = (c: CsvContact): number | undefined =>
    ((c.email && s.byIdentity.get(workspaceId, 'email', c.email)) ||
      (c.x && (s.byXHandle.get(workspaceId, `@${c.x}`) ?? s.byIdentity.get(workspaceId, 'x', xKey(c.x)))) ||
      (!c.email && !c.x ? s.byName.get(workspaceId, c.name) : undefined)) as number | undefined

  return (c: CsvContact, now = Date.now()): 'inserted' | 'existing' => {
    const found = find(c)
    const contactId = found ?? Number(s.insertContact.run(workspaceId, c.name, now).lastInsertRowid)
    if (c.email) s.insertIdentity.run(workspaceId, contactId, 'email', c.email, null, c.name)
    if (c.x && !s.byXHandle.get(workspaceId, `@${c.x}`))
      s.insertIdentity.run(workspaceId, contactId, 'x', xKey(c.x), `@${c.x}`, c.name)
    return found === undefined ? 'inserted' : 'existing'
  }
}
