import type { SearchOrder } from '../../../../shared/contract'
import type { Channel, ContactHit, MessageHit, SearchResult } from '../../../../shared/domain'
import type { Db } from '../db'
import { messageIdRange } from '../message-ids'
import { messageVocabulary, toFtsQuery } from './fts'
import { snippetAround } from './snippet'

/**
 * How many of the newest matches bm25 may rank. bm25 over every match of a term found in most
 * messages costs over a second at a million rows; over the newest 400 it costs a few milliseconds.
 * For rarer terms (fewer matches than this) the ranking is exact.
 */
export const RANK_CANDIDATES = 400

interface HitRow {
  id: number
  conversation_id: number
  workspace_id: number
  channel: Channel
  author_name: string
  subject: string | null
  body_text: string
  sent_at: number
}

const MESSAGE_COLUMNS = `m.id, m.conversation_id, m.workspace_id, c.channel, m.author_name, m.subject, m.body_text, m.sent_at`

export function search(
  db: Db,
  arg: { workspaceId?: number; query: string; order: SearchOrder; limit: number },
): SearchResult {
  const match = toFtsQuery(arg.query, messageVocabulary(db))
  if (!match) return { messages: [], contacts: [] }
  return { messages: searchMessages(db, match, arg), contacts: searchContacts(db, match, arg) }
}

/** The words of an FTS query built by toFtsQuery, for cutting snippets. */
const queryWords = (match: string): string[] => [...match.matchAll(/"([^"]+)"/g)].map((m) => m[1]!)

/**
 * Messages of one workspace, or of all of them: each workspace is searched within its own id range
 * (message-ids.ts) and the pages merged, newest sent first or best score first.
 */
function searchMessages(db: Db, match: string, arg: { workspaceId?: number; order: SearchOrder; limit: number }) {
  const workspaces =
    arg.workspaceId !== undefined ? [arg.workspaceId] : (db.prepare('SELECT id FROM workspaces').pluck().all() as number[])
  const rows = workspaces.flatMap((workspaceId) => searchWorkspace(db, match, { ...arg, workspaceId }))
  if (workspaces.length > 1) {
    rows.sort((a, b) => (arg.order === 'newest' ? b.sent_at - a.sent_at || b.id - a.id : a.score - b.score))
  }
  const words = queryWords(match)
  return rows.slice(0, arg.limit).map(
    (r): MessageHit => ({
      messageId: r.id,
      conversationId: r.conversation_id,
      workspaceId: r.workspace_id,
      channel: r.channel,
      authorName: r.author_name,
      subject: r.subject,
      snippet: snippetAround(r.body_text, words),
      sentAt: r.sent_at,
    }),
  )
}

/**
 * Newest first walks the workspace's slice of the index in rowid order and stops at the limit,
 * whatever the term's frequency here or elsewhere. Ranked: bm25 over the newest candidates only.
 */
function searchWorkspace(
  db: Db,
  match: string,
  arg: { workspaceId: number; order: SearchOrder; limit: number },
): (HitRow & { score: number })[] {
  const { first, last } = messageIdRange(arg.workspaceId)
  const params = { match, first, last, limit: arg.limit, candidates: RANK_CANDIDATES }
  const sql =
    arg.order === 'newest'
      ? `WITH hits AS (
           SELECT rowid AS id FROM messages_fts
           WHERE messages_fts MATCH @match AND rowid BETWEEN @first AND @last
           ORDER BY rowid DESC LIMIT @limit)
         SELECT ${MESSAGE_COLUMNS}, 0 AS score
         FROM hits JOIN messages m ON m.id = hits.id JOIN conversations c ON c.id = m.conversation_id
         ORDER BY m.id DESC`
      : `WITH candidates AS (
           SELECT rowid AS id, bm25(messages_fts, 2.0, 1.0, 0.5) AS score FROM messages_fts
           WHERE messages_fts MATCH @match AND rowid BETWEEN @first AND @last
           ORDER BY rowid DESC LIMIT @candidates),
         best AS (SELECT id, score FROM candidates ORDER BY score, id DESC LIMIT @limit)
         SELECT ${MESSAGE_COLUMNS}, best.score
         FROM best JOIN messages m ON m.id = best.id JOIN conversations c ON c.id = m.conversation_id
         ORDER BY best.score, best.id DESC`
  return db.prepare(sql).all(params) as (HitRow & { score: number })[]
}

/**
 * Contacts whose name, or any identity's handle, address or name, matches; newest contacts first.
 * CROSS JOIN keeps the matches as the outer loop: left to itself SQLite walked every contact of the
 * workspace and probed the matches (28 ms per search at 100,000 contacts: bench/store).
 */
export function searchContacts(db: Db, match: string, arg: { workspaceId?: number; limit: number }): ContactHit[] {
  const scope = arg.workspaceId === undefined ? '' : 'AND ct.workspace_id = @workspaceId'
  const rows = db
    .prepare(
      `WITH hits(id) AS (
         SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH @match
         UNION
         SELECT i.contact_id FROM identities_fts JOIN identities i ON i.id = identities_fts.rowid
         WHERE identities_fts MATCH @match)
       SELECT ct.id, ct.display_name,
              (SELECT group_concat(coalesce('@' || i.handle, i.external_id), ' ') FROM identities i
               WHERE i.contact_id = ct.id) AS handles,
              coalesce((SELECT max(i.followers) FROM identities i WHERE i.contact_id = ct.id), 0) AS reach
       FROM hits CROSS JOIN contacts ct ON ct.id = hits.id
       WHERE ct.merged_into_id IS NULL ${scope}
       ORDER BY hits.id DESC LIMIT @limit`,
    )
    .all({ match, workspaceId: arg.workspaceId, limit: Math.min(arg.limit, 20) }) as {
    id: number
    display_name: string
    handles: string | null
    reach: number
  }[]
  return rows.map((r) => ({
    contactId: r.id,
    displayName: r.display_name,
    handles: r.handles ? r.handles.split(' ').filter(Boolean) : [],
    reach: r.reach,
  }))
}
