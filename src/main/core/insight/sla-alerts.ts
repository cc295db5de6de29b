import type { Alert, AlertKind } from '../../../shared/domain'
import type { EventBus } from '../events'
import type { Db } from '../store/db'
import {
  crossingsAt,
  markAlerted,
  nextDueSoonAfter,
  silenceCrossingsBefore,
  takeReachPosts,
} from '../store/repos/clocks'
import { getPolicy } from '../store/repos/policies'
import { SETTLE_CHUNK, settleClocks } from './clocks'
import { DAY_MS } from './zone'

/**
 * A crossing noticed more than this long after it happened (mail imported from last year, a first
 * start after an upgrade) is history, not news: it is recorded without an alert. Fresh posts only
 * count for reach for the same reason.
 */
export const FRESH_MS = DAY_MS
/** An alert names at most this many conversations, most important first; `count` says how many there were. */
export const ALERT_NAMES_MAX = 20
/**
 * Look again at least this often: timers do not run while the computer sleeps and ignore a clock
 * that is set, so a long wait could announce a crossing hours late.
 */
export const MAX_WAIT_MS = 60_000
/** A sync or an import announces each batch; the burst is read once, this long after its first event. */
const COALESCE_MS = 100

interface Named {
  conversationId: number
  contactName: string
  priorityAt: number | null
}

function alertOf(
  kind: AlertKind,
  workspaceId: number,
  named: Named[],
  now: number,
  extra: Record<string, number> = {},
): Alert {
  const ranked = [...named].sort((a, b) => (a.priorityAt ?? Infinity) - (b.priorityAt ?? Infinity))
  return {
    kind,
    workspaceId,
    conversationIds: ranked.slice(0, ALERT_NAMES_MAX).map((n) => n.conversationId),
    detail: { count: ranked.length, contact: ranked[0]?.contactName ?? '', ...extra },
    raisedAt: now,
  }
}

const liveWorkspaces = (db: Db): Set<number> =>
  new Set(db.prepare('SELECT id FROM workspaces WHERE archived_at IS NULL').pluck().all() as number[])

/** Due-soon and overdue crossings since the last look, one alert per workspace and kind; each recorded once. */
function clockAlerts(db: Db, now: number, live: Set<number>): Alert[] {
  const groups = new Map<string, { kind: 'due-soon' | 'overdue'; workspaceId: number; named: Named[] }>()
  for (const c of crossingsAt(db, now)) {
    const kind = now >= c.dueAt ? 'overdue' : c.soonAlertedFor === c.dueAt ? null : 'due-soon'
    if (kind === null) continue
    markAlerted(db, kind, c.id, c.dueAt)
    const crossedAt = kind === 'overdue' ? c.dueAt : c.dueSoonAt
    // Archived workspaces are out of sight: their crossings are recorded, nobody is called to them.
    if (now - crossedAt > FRESH_MS || !live.has(c.workspaceId)) continue
    const key = `${c.workspaceId}:${kind}`
    const group = groups.get(key) ?? { kind, workspaceId: c.workspaceId, named: [] }
    group.named.push({ conversationId: c.id, contactName: c.contactName, priorityAt: c.priorityAt })
    groups.set(key, group)
  }
  return [...groups.values()].map((g) => alertOf(g.kind, g.workspaceId, g.named, now))
}

/** Fresh public posts from people with a following at or above the workspace's threshold. */
function reachAlerts(db: Db, now: number, live: Set<number>): Alert[] {
  return [...live].flatMap((workspaceId) => {
    const posts = takeReachPosts(db, workspaceId, getPolicy(db, workspaceId).reachAlertFollowers, now - FRESH_MS)
    if (posts.length === 0) return []
    const named = posts.map((p) => ({
      conversationId: p.conversationId,
      contactName: p.contactName,
      priorityAt: p.priorityAt,
    }))
    return [alertOf('reach', workspaceId, named, now, { reach: Math.max(...posts.map((p) => p.followers)) })]
  })
}

/** Everything worth an alert at `now`, recorded as announced in the same transaction. */
export function raiseAlerts(db: Db, now: number): Alert[] {
  return db.transaction(() => {
    const live = liveWorkspaces(db)
    return [...clockAlerts(db, now, live), ...reachAlerts(db, now, live)]
  })()
}

/** When the next crossing comes: the earliest due-soon time still ahead, or the due time of one already soon. */
function nextCrossing(db: Db, now: number): number | null {
  const soonAhead = nextDueSoonAfter(db, now)
  const dueAhead = crossingsAt(db, now).map((c) => c.dueAt)
  const candidates = [soonAhead, ...dueAhead].filter((t): t is number => t !== null && t > now)
  return candidates.length > 0 ? Math.min(...candidates) : null
}

export interface SlaTickerDeps {
  db: Db
  events: EventBus
  now?: () => number
}

export interface SlaTicker {
  stop(): void
}

/**
 * Keeps every clock settled and announces crossings as they happen. Clocks, due times and what was
 * announced all live in the database, so a restart announces nothing twice and catches up on what
 * happened while Earshot was closed. Between changes it sleeps until the next crossing.
 */
export function startSlaTicker({ db, events, now = Date.now }: SlaTickerDeps): SlaTicker {
  let timer: ReturnType<typeof setTimeout> | null = null
  let wakeAt = Infinity
  let stopped = false

  const schedule = (wait: number): void => {
    if (timer) clearTimeout(timer)
    wakeAt = Date.now() + wait
    timer = stopped ? null : setTimeout(tick, wait)
    timer?.unref()
  }

  const announce = (alerts: Alert[]): void => {
    for (const alert of alerts) events.emit('alert:raised', alert)
    for (const alert of alerts) {
      if (alert.kind !== 'reach')
        events.emit('db:changed', {
          tables: ['conversations'],
          workspaceId: alert.workspaceId,
          ids: alert.conversationIds,
        })
    }
  }

  function tick(): void {
    timer = null
    try {
      // A backlog (a policy change, the first start after an upgrade) is settled in steps, and
      // only then looked at: half-settled clocks would announce one crossing in several alerts.
      const at = now()
      if (
        settleClocks(db) === SETTLE_CHUNK ||
        silenceCrossingsBefore(db, at - FRESH_MS, SETTLE_CHUNK) === SETTLE_CHUNK
      ) {
        schedule(0)
        return
      }
      announce(raiseAlerts(db, at))
      const next = nextCrossing(db, at)
      schedule(next === null ? MAX_WAIT_MS : Math.min(Math.max(next - now(), 0), MAX_WAIT_MS))
    } catch (error) {
      // A busy or closing database must not end the ticker: it looks again a little later.
      console.error('earshot: the service-level ticker failed', error)
      schedule(MAX_WAIT_MS)
    }
  }

  const unsubscribe = events.on('db:changed', (event) => {
    if (!event.tables.some((t) => t === 'conversations' || t === 'messages' || t === 'contacts')) return
    // A burst of changes (an import's commits) is read once: a look already coming soon is kept.
    if (timer === null || wakeAt > Date.now() + COALESCE_MS) schedule(COALESCE_MS)
  })
  schedule(0)
  return {
    stop() {
      stopped = true
      unsubscribe()
      if (timer) clearTimeout(timer)
      timer = null
    },
  }
}
