import type { Alert } from '../../../shared/domain'
import type { EventBus } from '../events'
import type { Db } from '../store/db'
import {
  conversationsBehind,
  listScopes,
  loadScope,
  negativeBetween,
  negativePerHour,
  saveScope,
  type GroundswellScope,
} from '../store/repos/groundswell'
import {
  assess,
  emptyState,
  hourOfWeek,
  HOUR_MS,
  HOURS_PER_WEEK,
  learnHours,
  type GroundswellState,
} from './groundswell'
import { runSentimentBackfill } from './sentiment/backfill'

/** A scope seen for the first time learns its baseline from this much stored history. */
export const HISTORY_HOURS = 8 * HOURS_PER_WEEK
/** An alert names at most this many conversations; `detail.count` says how many there were. */
export const ALERT_NAMES_MAX = 20
/** Look at least this often, so a finished hour is learned and a quiet spell ends an episode. */
const LOOK_EVERY_MS = 60_000
/** A sync's burst of pages is looked at once, this long after its first change. */
const COALESCE_MS = 1_000

/** Brings a scope's baseline up to the last finished hour before `now`; returns whether it learned anything. */
function learnUpTo(
  db: Db,
  scope: GroundswellScope,
  stored: { learnedThroughHour: number; state: GroundswellState },
  now: number,
  slotOf: (at: number) => number,
): boolean {
  const lastFinished = Math.floor(now / HOUR_MS) - 1
  const from = stored.learnedThroughHour + 1
  if (from > lastFinished) return false
  const counts = negativePerHour(db, scope, from * HOUR_MS, (lastFinished + 1) * HOUR_MS)
  const hours = Array.from({ length: lastFinished - from + 1 }, (_, i) => from + i)
  stored.state = learnHours(
    stored.state,
    hours.map((hour) => ({ slot: slotOf(hour * HOUR_MS), count: counts.get(hour) ?? 0 })),
  )
  stored.learnedThroughHour = lastFinished
  return true
}

/** One scope at `now`: learn what finished, assess the trailing hour, save; an alert when a groundswell begins. */
function watchScope(db: Db, scope: GroundswellScope, now: number, slotOf: (at: number) => number): Alert | null {
  const loaded = loadScope(db, scope)
  const stored = loaded ?? {
    id: null,
    learnedThroughHour: Math.floor(now / HOUR_MS) - 1 - HISTORY_HOURS,
    state: emptyState(),
  }
  const learned = learnUpTo(db, scope, stored, now, slotOf)
  const windowStart = now - HOUR_MS
  const count = negativeBetween(db, scope, windowStart, now)
  // The trailing hour is judged against the hour of the week it mostly lies in.
  const { state, alert, expectation } = assess(stored.state, slotOf(now - HOUR_MS / 2), count, now)
  const episodeChanged = state.inEpisode !== stored.state.inEpisode || state.lastAlertAt !== stored.state.lastAlertAt
  if (learned || episodeChanged || !loaded) {
    saveScope(db, scope, { id: loaded?.id ?? null, learnedThroughHour: stored.learnedThroughHour, state }, learned)
  }
  if (!alert) return null
  const behind = conversationsBehind(db, scope, windowStart, now)
  return {
    kind: 'groundswell',
    workspaceId: scope.workspaceId,
    conversationIds: behind.slice(0, ALERT_NAMES_MAX).map((b) => b.conversationId),
    detail: {
      count: behind.length,
      contact: behind[0]?.contactName ?? '',
      mentions: count,
      expected: Math.round(expectation.expected * 10) / 10,
      query: scope.query ?? '',
    },
    raisedAt: now,
  }
}

/**
 * Every scope once at `now`, each in its own transaction: the alerts of groundswells that began.
 * `slotOf` maps a time to its hour of the week (tests pin it; the app uses the host's time zone).
 */
export function lookForGroundswells(db: Db, now: number, slotOf: (at: number) => number = hourOfWeek): Alert[] {
  const alerts: { scope: GroundswellScope; alert: Alert }[] = []
  for (const scope of listScopes(db)) {
    const alert = db.transaction(() => watchScope(db, scope, now, slotOf))()
    if (alert) alerts.push({ scope, alert })
  }
  // A query's spike is usually the workspace's too: one event, one alert (the query's episode is still recorded).
  const workspaceWide = new Set(alerts.filter((a) => a.scope.listenQueryId === null).map((a) => a.scope.workspaceId))
  return alerts
    .filter((a) => a.scope.listenQueryId === null || !workspaceWide.has(a.scope.workspaceId))
    .map((a) => a.alert)
}

export interface GroundswellWatchDeps {
  db: Db
  events: EventBus
  now?: () => number
}

/**
 * What runs while a host is up: first the mood of messages stored before Earshot read moods
 * (so no baseline is learned from half-read history), then a look at every scope each minute and
 * soon after new messages arrive. Baselines and episodes live in the store: a restart forgets nothing.
 */
export function startGroundswellWatch({ db, events, now = Date.now }: GroundswellWatchDeps): { stop(): Promise<void> } {
  const abort = new AbortController()
  let timer: ReturnType<typeof setTimeout> | null = null
  let wakeAt = Infinity
  let ready = false

  const schedule = (wait: number): void => {
    if (abort.signal.aborted) return
    if (timer) clearTimeout(timer)
    wakeAt = Date.now() + wait
    timer = setTimeout(look, wait)
    timer.unref()
  }

  function look(): void {
    timer = null
    try {
      for (const alert of lookForGroundswells(db, now())) events.emit('alert:raised', alert)
    } catch (error) {
      // A busy or closing database must not end the watch: it looks again at the next turn.
      console.error('earshot: the groundswell watch failed', error)
    }
    schedule(LOOK_EVERY_MS)
  }

  const unsubscribe = events.on('db:changed', (event) => {
    if (!ready || !event.tables.includes('messages')) return
    if (timer === null || wakeAt > Date.now() + COALESCE_MS) schedule(COALESCE_MS)
  })
  const backfill = runSentimentBackfill({ db, events, signal: abort.signal })
    .then(() => {
      ready = true
      schedule(0)
    })
    .catch((error: unknown) => console.error('earshot: reading the mood of stored messages failed', error))

  return {
    async stop() {
      abort.abort()
      unsubscribe()
      if (timer) clearTimeout(timer)
      timer = null
      await backfill
    },
  }
}
