import type { ComplainerRow } from '../../../../shared/commands/reports'
import type { Db } from '../../store/db'
import { rangeParams, type ReportScope } from './scope'

/** How many complainers the report names. */
export const TOP_COMPLAINERS = 10

// Negative incoming messages per contact, from the index that holds only those (0110).
const NEGATIVE = `SELECT contact_id, count(*) AS messages FROM messages
  WHERE workspace_id = @workspaceId AND direction = 'in' AND sentiment_label = 'negative'
    AND sent_at >= @fromMs AND sent_at < @toMs
  GROUP BY contact_id`

const REACH = `max(coalesce(c.reach_override, 0),
  coalesce((SELECT max(i.followers) FROM identities i WHERE i.contact_id = c.id), 0))`

/** Contacts nobody merged: each is their own family, so the top by their own reach is the answer. */
const UNMERGED_TOP = `WITH negative AS (${NEGATIVE})
  SELECT c.id AS contactId, c.display_name AS name, c.vip, ${REACH} AS reach, n.messages AS negativeMessages
  FROM negative n JOIN contacts c ON c.id = n.contact_id
  WHERE n.contact_id NOT IN (SELECT value FROM json_each(@merged))
  ORDER BY reach DESC, negativeMessages DESC, name, contactId
  LIMIT ${TOP_COMPLAINERS}`

const MERGED_NEGATIVE = `WITH negative AS (${NEGATIVE})
  SELECT contact_id AS contactId, messages FROM negative WHERE contact_id IN (SELECT value FROM json_each(@merged))`

const PEOPLE = `SELECT c.id AS contactId, c.display_name AS name, c.vip, ${REACH} AS reach FROM contacts c
  WHERE c.id IN (SELECT value FROM json_each(?))`

interface Person {
  contactId: number
  name: string
  vip: number
  reach: number
}

// The order of UNMERGED_TOP's ORDER BY, names compared as SQLite does (by code unit).
const byReach = (a: ComplainerRow, b: ComplainerRow) =>
  b.reach - a.reach ||
  b.negativeMessages - a.negativeMessages ||
  (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
  a.contactId - b.contactId

/**
 * Merges are few, so complainers touched by one are counted apart: as the contact they are now part
 * of, whose reach is the largest hand-set reach or follower count in the whole family.
 */
function mergedComplainers(
  db: Db,
  scope: ReportScope,
  mergedInto: Map<number, number>,
  merged: string,
): ComplainerRow[] {
  const rootOf = (id: number): number => {
    let root = id
    for (let parent = mergedInto.get(root); parent !== undefined; parent = mergedInto.get(root)) root = parent
    return root
  }
  const negative = new Map<number, number>()
  for (const { contactId, messages } of db.prepare(MERGED_NEGATIVE).all({ ...rangeParams(scope), merged }) as {
    contactId: number
    messages: number
  }[]) {
    negative.set(rootOf(contactId), (negative.get(rootOf(contactId)) ?? 0) + messages)
  }
  const members = [...new Set([...mergedInto.keys(), ...mergedInto.values()])].filter((id) => negative.has(rootOf(id)))
  const people = new Map((db.prepare(PEOPLE).all(JSON.stringify(members)) as Person[]).map((p) => [p.contactId, p]))
  return [...negative].map(([root, messages]) => {
    const person = people.get(root)!
    const reach = Math.max(...members.filter((id) => rootOf(id) === root).map((id) => people.get(id)!.reach))
    return { contactId: root, name: person.name, vip: person.vip === 1, reach, negativeMessages: messages }
  })
}

/** The contacts with the widest reach among those who wrote negatively in the range. */
export function topComplainers(db: Db, scope: ReportScope): ComplainerRow[] {
  const mergedInto = new Map(
    (
      db
        .prepare(
          'SELECT id, merged_into_id AS parent FROM contacts WHERE merged_into_id IS NOT NULL AND workspace_id = ?',
        )
        .all(scope.workspaceId) as { id: number; parent: number }[]
    ).map((c) => [c.id, c.parent]),
  )
  const merged = JSON.stringify([...new Set([...mergedInto.keys(), ...mergedInto.values()])])
  const unmerged = (
    db.prepare(UNMERGED_TOP).all({ ...rangeParams(scope), merged }) as (Person & { negativeMessages: number })[]
  ).map((p) => ({ ...p, vip: p.vip === 1 }))
  return [...unmerged, ...mergedComplainers(db, scope, mergedInto, merged)].sort(byReach).slice(0, TOP_COMPLAINERS)
}
