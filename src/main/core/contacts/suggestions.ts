import type { MergeReason, MergeReasonKind, MergeSuggestion, SuggestedContact } from '../../../shared/commands/contacts'
import type { Channel } from '../../../shared/domain'
import type { Db } from '../store/db'
import { contactFamily, rootContact } from '../store/repos/contacts'
import type { KeyKind, KeySource } from './keys'

/** How strongly each kind of evidence alone says "one person". Several together add up (confidenceOf). */
export const REASON_WEIGHTS: Record<MergeReasonKind, number> = {
  'same-email': 0.95,
  'signature-email': 0.85,
  'signature-handle': 0.8,
  'same-phone': 0.8,
  'name-and-handle': 0.75,
}

/**
 * A key shared by more contacts than this identifies nobody: a company switchboard in every colleague's
 * signature, the shop's own handle quoted in replies. Skipping such keys also keeps the pairs per key small.
 */
export const MAX_SHARERS = 4

/** What one key shared by two contacts says, given where each side got it from; null if nothing. */
export function reasonFor(kind: KeyKind, a: KeySource, b: KeySource): MergeReasonKind | null {
  // Two people naming the same address or handle in their signatures work together; they are not one.
  if (a === 'signature' && b === 'signature') return null
  const fromSignature = a === 'signature' || b === 'signature'
  switch (kind) {
    case 'email':
      return fromSignature ? 'signature-email' : 'same-email'
    case 'phone':
      return 'same-phone'
    case 'handle':
      return fromSignature ? 'signature-handle' : null
    case 'name-handle':
      return 'name-and-handle'
  }
}

/** Independent pieces of evidence: the chance that all of them are wrong shrinks with each one. */
export function confidenceOf(reasons: readonly MergeReason[]): number {
  const doubt = reasons.reduce((d, r) => d * (1 - REASON_WEIGHTS[r.kind]), 1)
  return Math.round((1 - doubt) * 100) / 100
}

interface KeyRow {
  kind: KeyKind
  value: string
  contact_id: number
  source: KeySource
}

interface Pair {
  low: number
  high: number
  reasons: Map<string, MergeReason>
}

/** What a reason shows: the user name of a name-and-handle key, the key itself otherwise. */
const shownValue = (kind: KeyKind, value: string): string =>
  kind === 'name-handle' ? (value.split('|')[1] ?? value) : value

/** Resolves merged contacts to the contact they are part of, from one read of the workspace's merges. */
function rootResolver(db: Db, workspaceId: number): (id: number) => number {
  const parents = new Map(
    (
      db
        .prepare('SELECT id, merged_into_id FROM contacts WHERE merged_into_id IS NOT NULL AND workspace_id = ?')
        .all(workspaceId) as { id: number; merged_into_id: number }[]
    ).map((r) => [r.id, r.merged_into_id]),
  )
  return (id) => {
    let root = id
    for (let hops = 0; parents.has(root) && hops < parents.size; hops++) root = parents.get(root)!
    return root
  }
}

/** Folds rows sorted by (kind, value) into candidate pairs of root contacts with their reasons. */
function collectPairs(rows: readonly KeyRow[], rootOf: (id: number) => number): Map<string, Pair> {
  const pairs = new Map<string, Pair>()
  let start = 0
  while (start < rows.length) {
    let end = start + 1
    while (end < rows.length && rows[end]!.kind === rows[start]!.kind && rows[end]!.value === rows[start]!.value) end++
    addGroup(pairs, rows.slice(start, end), rootOf)
    start = end
  }
  return pairs
}

function addGroup(pairs: Map<string, Pair>, group: readonly KeyRow[], rootOf: (id: number) => number): void {
  const sources = new Map<number, Set<KeySource>>()
  for (const row of group) {
    const root = rootOf(row.contact_id)
    sources.set(root, (sources.get(root) ?? new Set()).add(row.source))
  }
  if (sources.size < 2 || sources.size > MAX_SHARERS) return
  const { kind, value } = group[0]!
  const roots = [...sources.keys()].sort((a, b) => a - b)
  for (let i = 0; i < roots.length; i++) {
    for (let j = i + 1; j < roots.length; j++) {
      const [low, high] = [roots[i]!, roots[j]!]
      const reason = strongestReason(kind, sources.get(low)!, sources.get(high)!)
      if (!reason) continue
      const id = `${low}:${high}`
      const pair = pairs.get(id) ?? { low, high, reasons: new Map() }
      pair.reasons.set(`${reason}:${value}`, { kind: reason, value: shownValue(kind, value) })
      pairs.set(id, pair)
    }
  }
}

function strongestReason(kind: KeyKind, a: Set<KeySource>, b: Set<KeySource>): MergeReasonKind | null {
  let best: MergeReasonKind | null = null
  for (const sa of a) {
    for (const sb of b) {
      const reason = reasonFor(kind, sa, sb)
      if (reason && (!best || REASON_WEIGHTS[reason] > REASON_WEIGHTS[best])) best = reason
    }
  }
  return best
}

/**
 * Keys of more contacts than this are left out of the read. Merged contacts count once per family when
 * MAX_SHARERS is applied; this looser bound only keeps the hottest keys from being fetched at all.
 */
const MOST_CONTACTS_PER_KEY = 4 * MAX_SHARERS

/** Every key value shared by more than one contact of the workspace: one pass along the key index. */
function sharedKeyRows(db: Db, workspaceId: number): KeyRow[] {
  return db
    .prepare(
      `SELECT kind, value, contact_id, source FROM contact_keys
       WHERE workspace_id = @workspaceId AND (kind, value) IN (
         SELECT kind, value FROM contact_keys WHERE workspace_id = @workspaceId
         GROUP BY kind, value HAVING count(DISTINCT contact_id) BETWEEN 2 AND @most)
       ORDER BY kind, value`,
    )
    .all({ workspaceId, most: MOST_CONTACTS_PER_KEY }) as KeyRow[]
}

/** Rows of every key the family of `contactId` has: one index seek per key it holds. */
function keyRowsAround(db: Db, workspaceId: number, contactId: number): KeyRow[] {
  const own = db
    .prepare('SELECT DISTINCT kind, value FROM contact_keys WHERE contact_id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(contactFamily(db, contactId))) as { kind: KeyKind; value: string }[]
  const sharers = db.prepare(
    'SELECT kind, value, contact_id, source FROM contact_keys WHERE workspace_id = ? AND kind = ? AND value = ? LIMIT ?',
  )
  // More rows than this (three sources per contact at most) mean more sharers than MAX_SHARERS.
  const cap = 3 * MAX_SHARERS + 1
  return own.flatMap((k) => {
    const rows = sharers.all(workspaceId, k.kind, k.value, cap) as KeyRow[]
    return rows.length >= cap ? [] : rows
  })
}

function dismissedPairs(db: Db, workspaceId: number): Set<string> {
  const rows = db
    .prepare('SELECT low_id, high_id FROM contact_pair_dismissals WHERE workspace_id = ?')
    .all(workspaceId) as { low_id: number; high_id: number }[]
  return new Set(rows.map((r) => `${r.low_id}:${r.high_id}`))
}

interface ScoredPair {
  low: number
  high: number
  reasons: MergeReason[]
  confidence: number
}

/** Pairs of root contacts that share keys, in the workspace or around `focus`, with their evidence. */
function scoredPairs(db: Db, workspaceId: number, focus: number | null): ScoredPair[] {
  const rows = focus === null ? sharedKeyRows(db, workspaceId) : keyRowsAround(db, workspaceId, focus)
  return [...collectPairs(rows, rootResolver(db, workspaceId)).values()]
    .filter((p) => focus === null || p.low === focus || p.high === focus)
    .map((p) => {
      const reasons = [...p.reasons.values()]
      return { low: p.low, high: p.high, reasons, confidence: confidenceOf(reasons) }
    })
}

/**
 * Suggested merges in a workspace (or around one contact), most certain first, leaving out pairs someone
 * dismissed. Keys must be current (updateContactKeys). Cost grows with the shared keys, never with
 * contacts squared.
 */
export function listSuggestions(
  db: Db,
  arg: { workspaceId: number; contactId?: number; limit: number },
): MergeSuggestion[] {
  const focus = arg.contactId === undefined ? null : rootContact(db, arg.contactId)
  const dismissed = dismissedPairs(db, arg.workspaceId)
  const candidates = scoredPairs(db, arg.workspaceId, focus)
    .filter((p) => !dismissed.has(`${p.low}:${p.high}`))
    .sort((a, b) => b.confidence - a.confidence || a.low - b.low || a.high - b.high)
    .slice(0, arg.limit)
  const describe = describer(db)
  return candidates.map((c) => {
    const [a, b] = [describe(c.low), describe(c.high)]
    const survivorFirst = b.conversationCount > a.conversationCount ? [b, a] : [a, b]
    return {
      contacts: survivorFirst as [SuggestedContact, SuggestedContact],
      reasons: c.reasons,
      confidence: c.confidence,
    }
  })
}

/** The evidence for one pair (dismissed or not), as recorded with a merge; null when Earshot sees none. */
export function evidenceFor(
  db: Db,
  workspaceId: number,
  a: number,
  b: number,
): { reasons: MergeReason[]; confidence: number } | null {
  const [rootA, rootB] = [rootContact(db, a), rootContact(db, b)]
  const found = scoredPairs(db, workspaceId, rootA).find((p) => p.low === rootB || p.high === rootB)
  return found ? { reasons: found.reasons, confidence: found.confidence } : null
}

function describer(db: Db): (contactId: number) => SuggestedContact {
  const contact = db.prepare('SELECT display_name FROM contacts WHERE id = ?').pluck()
  const identities = db.prepare(
    `SELECT channel, coalesce(handle, external_id) AS handle FROM identities
     WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY channel, id`,
  )
  const conversations = db
    .prepare('SELECT count(*) FROM conversations WHERE contact_id IN (SELECT value FROM json_each(?))')
    .pluck()
  return (contactId) => {
    const family = JSON.stringify(contactFamily(db, contactId))
    const known = identities.all(family) as { channel: Channel; handle: string }[]
    return {
      id: contactId,
      displayName: contact.get(contactId) as string,
      channels: [...new Set(known.map((i) => i.channel))],
      handles: known.map((i) => i.handle),
      conversationCount: conversations.get(family) as number,
    }
  }
}
