import { emptyState, HOUR_MS, type GroundswellState } from '../../insight/groundswell'
import type { Db } from '../db'

/** A watched series: a workspace's negative messages, or those one listening query found. */
export interface GroundswellScope {
  workspaceId: number
  listenQueryId: number | null
  /** The query's words, for the alert; null for the workspace as a whole. */
  query: string | null
}

/** Every live (not archived) workspace, and each listening query of its accounts. */
export function listScopes(db: Db): GroundswellScope[] {
  return db
    .prepare(
      `SELECT w.id AS workspaceId, NULL AS listenQueryId, NULL AS query FROM workspaces w WHERE w.archived_at IS NULL
       UNION ALL
       SELECT a.workspace_id, q.id, q.query FROM listen_queries q
         JOIN accounts a ON a.id = q.account_id JOIN workspaces w ON w.id = a.workspace_id
       WHERE w.archived_at IS NULL
       ORDER BY 1, 2`,
    )
    .all() as GroundswellScope[]
}

export interface StoredScope {
  id: number
  learnedThroughHour: number
  state: GroundswellState
}

export function loadScope(db: Db, scope: GroundswellScope): StoredScope | null {
  const row = db
    .prepare(
      `SELECT id, learned_through_hour, in_episode, last_alert_at FROM groundswell_scopes
       WHERE workspace_id = ? AND coalesce(listen_query_id, 0) = coalesce(?, 0)`,
    )
    .get(scope.workspaceId, scope.listenQueryId) as
    { id: number; learned_through_hour: number; in_episode: number; last_alert_at: number | null } | undefined
  if (!row) return null
  const state = emptyState()
  const slots = db
    .prepare('SELECT hour_of_week, mean, variance, weight FROM groundswell_baselines WHERE scope_id = ?')
    .all(row.id) as { hour_of_week: number; mean: number; variance: number; weight: number }[]
  for (const s of slots) state.slots[s.hour_of_week] = { mean: s.mean, variance: s.variance, weight: s.weight }
  return {
    id: row.id,
    learnedThroughHour: row.learned_through_hour,
    state: { ...state, inEpisode: row.in_episode === 1, lastAlertAt: row.last_alert_at },
  }
}

/**
 * Saves a scope's episode and, when `baselineChanged`, its baseline (only slots that have seen
 * something: a quiet workspace keeps few rows). Returns the scope's id.
 */
export function saveScope(
  db: Db,
  scope: GroundswellScope,
  stored: { id: number | null; learnedThroughHour: number; state: GroundswellState },
  baselineChanged: boolean,
): number {
  const { state } = stored
  const episode = [stored.learnedThroughHour, state.inEpisode ? 1 : 0, state.lastAlertAt] as const
  const id =
    stored.id ??
    Number(
      db
        .prepare(
          `INSERT INTO groundswell_scopes (workspace_id, listen_query_id, learned_through_hour, in_episode, last_alert_at)
           VALUES (?, ?, ?, ?, ?)`,
        )
        .run(scope.workspaceId, scope.listenQueryId, ...episode).lastInsertRowid,
    )
  if (stored.id !== null) {
    db.prepare(
      'UPDATE groundswell_scopes SET learned_through_hour = ?, in_episode = ?, last_alert_at = ? WHERE id = ?',
    ).run(...episode, id)
  }
  if (baselineChanged) {
    const write = db.prepare(
      `INSERT INTO groundswell_baselines (scope_id, hour_of_week, mean, variance, weight) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (scope_id, hour_of_week) DO UPDATE SET mean = excluded.mean, variance = excluded.variance, weight = excluded.weight`,
    )
    state.slots.forEach((s, slot) => {
      if (s.weight > 0) write.run(id, slot, s.mean, s.variance, s.weight)
    })
  }
  return id
}

/**
 * Negative customer messages of a scope sent in [from, to), counted per hour (ms / HOUR_MS). Every
 * customer message counts, public or private: a wave of angry mail is as much a groundswell as one
 * of posts. Reads only the partial index messages_complaints.
 */
export function negativePerHour(db: Db, scope: GroundswellScope, from: number, to: number): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT sent_at / ${HOUR_MS} AS hour, count(*) AS n FROM messages
       WHERE workspace_id = @workspaceId AND direction = 'in' AND sentiment_label = 'negative'
         AND sent_at >= @from AND sent_at < @to AND (@query IS NULL OR listen_query_id = @query)
       GROUP BY hour`,
    )
    .all({ workspaceId: scope.workspaceId, query: scope.listenQueryId, from, to }) as { hour: number; n: number }[]
  return new Map(rows.map((r) => [r.hour, r.n]))
}

/** Negative customer messages of a scope sent in (from, to]. */
export function negativeBetween(db: Db, scope: GroundswellScope, from: number, to: number): number {
  return db
    .prepare(
      `SELECT count(*) FROM messages
       WHERE workspace_id = @workspaceId AND direction = 'in' AND sentiment_label = 'negative'
         AND sent_at > @from AND sent_at <= @to AND (@query IS NULL OR listen_query_id = @query)`,
    )
    .pluck()
    .get({ workspaceId: scope.workspaceId, query: scope.listenQueryId, from, to }) as number
}

export interface Behind {
  conversationId: number
  contactName: string
}

/** The conversations behind a spike: most negative messages in the window first, then the angriest. */
export function conversationsBehind(db: Db, scope: GroundswellScope, from: number, to: number): Behind[] {
  return db
    .prepare(
      `SELECT m.conversation_id AS conversationId, ct.display_name AS contactName
       FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN contacts ct ON ct.id = c.contact_id
       WHERE m.workspace_id = @workspaceId AND m.direction = 'in' AND m.sentiment_label = 'negative'
         AND m.sent_at > @from AND m.sent_at <= @to AND (@query IS NULL OR m.listen_query_id = @query)
       GROUP BY m.conversation_id
       ORDER BY count(*) DESC, min(m.sentiment), max(m.sent_at) DESC`,
    )
    .all({ workspaceId: scope.workspaceId, query: scope.listenQueryId, from, to }) as Behind[]
}
