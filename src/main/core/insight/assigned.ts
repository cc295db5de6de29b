import type { Alert } from '../../../shared/domain'
import type { EventBus } from '../events'
import type { Db } from '../store/db'
import { messageIdRange } from '../store/message-ids'

/** A message older than this when it arrives (last year's mail, imported) is history, not new work. */
export const FRESH_MS = 24 * 60 * 60 * 1000
/** An import announces each of its commits; the burst is read once, this long after its first event. */
const COALESCE_MS = 200

export interface AssignedWatchDeps {
  db: Db
  events: EventBus
  /** The person at this app (the core's actor, who writes notes and is named as an assignee), read at each look. */
  agent: () => string
  now?: () => number
  coalesceMs?: number
}

export interface AssignedWatch {
  /** Reads what changed since the last look (every workspace, or the ones named) and raises alerts. */
  check(workspaceIds?: readonly number[]): Alert[]
  stop(): void
}

interface Position {
  last_message_id: number
  last_audit_id: number
}

/**
 * Raises 'assigned' alerts for new work that is mine: a conversation someone (or something) else
 * assigned to me, and a new incoming message on a conversation assigned to me. What was read is kept
 * per workspace (assigned_watch), so a restart repeats nothing and still reports what arrived while
 * the app was closed; the first look at a workspace only takes its position, history is not news.
 */
export function watchAssignedWork(deps: AssignedWatchDeps): AssignedWatch {
  const now = deps.now ?? Date.now
  const pending = new Set<number | null>()
  let timer: NodeJS.Timeout | null = null

  const check = (workspaceIds?: readonly number[]): Alert[] => {
    const ids = workspaceIds ?? (deps.db.prepare('SELECT id FROM workspaces ORDER BY id').pluck().all() as number[])
    const alerts = deps.db.transaction(() => ids.flatMap((id) => readWorkspace(deps.db, deps.agent(), id, now())))()
    for (const alert of alerts) deps.events.emit('alert:raised', alert)
    return alerts
  }

  const flush = (): void => {
    timer = null
    const everywhere = pending.has(null)
    const ids = [...pending].filter((id): id is number => id !== null)
    pending.clear()
    try {
      check(everywhere ? undefined : ids)
    } catch (error) {
      // A failed look is retried with the next change; the positions were not moved.
      console.error('earshot: the assigned-work alert failed', error)
    }
  }

  const unsubscribe = deps.events.on('db:changed', (event) => {
    if (!event.tables.includes('messages') && !event.tables.includes('conversations')) return
    pending.add(event.workspaceId)
    timer ??= setTimeout(flush, deps.coalesceMs ?? COALESCE_MS)
    timer.unref()
  })
  // Catch up on what `earshot sync` or an import brought while the app was closed.
  pending.add(null)
  timer = setTimeout(flush, 0)
  timer.unref()

  return {
    check,
    stop() {
      unsubscribe()
      if (timer) clearTimeout(timer)
      timer = null
    },
  }
}

function readWorkspace(db: Db, agent: string, workspaceId: number, now: number): Alert[] {
  const workspace = db.prepare('SELECT archived_at FROM workspaces WHERE id = ?').get(workspaceId) as
    { archived_at: number | null } | undefined
  if (!workspace) return []
  const range = messageIdRange(workspaceId)
  const newestMessage =
    (db.prepare('SELECT max(id) FROM messages WHERE id BETWEEN ? AND ?').pluck().get(range.first, range.last) as
      number | null) ?? range.first - 1
  const newestAudit = (db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number | null) ?? 0
  const seen = db
    .prepare('SELECT last_message_id, last_audit_id FROM assigned_watch WHERE workspace_id = ?')
    .get(workspaceId) as Position | undefined
  db.prepare(
    `INSERT INTO assigned_watch (workspace_id, last_message_id, last_audit_id) VALUES (?, ?, ?)
     ON CONFLICT (workspace_id) DO UPDATE SET last_message_id = excluded.last_message_id, last_audit_id = excluded.last_audit_id`,
  ).run(workspaceId, newestMessage, newestAudit)
  // An archived workspace is out of sight: its positions move on, but nobody is called to it.
  if (!seen || workspace.archived_at !== null) return []

  const assigned = assignedByOthers(db, agent, workspaceId, seen.last_audit_id, newestAudit)
  const alreadyNamed = new Set(assigned.map((a) => a.conversationId))
  const messaged = newMessagesOnMine(
    db,
    agent,
    workspaceId,
    seen.last_message_id,
    newestMessage,
    now - FRESH_MS,
  ).filter((id) => !alreadyNamed.has(id))
  const alerts: Alert[] = []
  const first = assigned[0]
  if (first) {
    const ids = [...alreadyNamed]
    alerts.push(alertOf(db, workspaceId, ids, { reason: 'assigned', by: first.actor }, now))
  }
  if (messaged.length > 0) alerts.push(alertOf(db, workspaceId, messaged, { reason: 'message' }, now))
  return alerts
}

/**
 * Assignments to me made by another actor, newest first, still mine now. Parameters: after, up to,
 * workspace, then the agent three times. Unary + keeps SQLite on the rowid range: the workspace index
 * would walk the workspace's whole log.
 */
export const ASSIGNED_BY_OTHERS_SQL = `SELECT a.target_id AS conversationId, a.actor
  FROM audit_log a JOIN conversations c ON c.id = a.target_id
  WHERE a.id > ? AND a.id <= ? AND +a.workspace_id = ? AND a.action = 'conversation.assign'
    AND a.detail = ? AND a.actor <> ? AND c.assignee = ?
  ORDER BY a.id DESC`

function assignedByOthers(
  db: Db,
  agent: string,
  workspaceId: number,
  after: number,
  upTo: number,
): { conversationId: number; actor: string }[] {
  return db.prepare(ASSIGNED_BY_OTHERS_SQL).all(after, upTo, workspaceId, agent, agent, agent) as {
    conversationId: number
    actor: string
  }[]
}

/**
 * Conversations assigned to me with a new, recent incoming message, the most recent first. Parameters:
 * after, up to, fresh since, agent, workspace. CROSS JOIN keeps SQLite on the messages' rowid range
 * (what arrived since the last look, usually a handful): led by the workspace's conversations instead,
 * it probed every one of them, seconds on each look at a million messages.
 */
export const NEW_MESSAGES_ON_MINE_SQL = `SELECT m.conversation_id FROM messages m CROSS JOIN conversations c
  WHERE c.id = m.conversation_id AND m.id > ? AND m.id <= ? AND m.direction = 'in' AND m.sent_at >= ?
    AND c.assignee = ? AND c.workspace_id = ?
  GROUP BY m.conversation_id ORDER BY max(m.id) DESC`

function newMessagesOnMine(
  db: Db,
  agent: string,
  workspaceId: number,
  after: number,
  upTo: number,
  freshSince: number,
): number[] {
  return db.prepare(NEW_MESSAGES_ON_MINE_SQL).pluck().all(after, upTo, freshSince, agent, workspaceId) as number[]
}

function alertOf(
  db: Db,
  workspaceId: number,
  conversationIds: number[],
  detail: Record<string, string>,
  now: number,
): Alert {
  const contact = db
    .prepare('SELECT ct.display_name FROM conversations c JOIN contacts ct ON ct.id = c.contact_id WHERE c.id = ?')
    .pluck()
    .get(conversationIds[0]) as string | undefined
  return {
    kind: 'assigned',
    workspaceId,
    conversationIds,
    detail: { ...detail, count: conversationIds.length, contact: contact ?? '' },
    raisedAt: now,
  }
}
