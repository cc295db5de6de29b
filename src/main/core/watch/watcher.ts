import type { EventBus } from '../events'
import type { Db } from '../store/db'
import { backoffDelay } from '../sync/backoff'
import { checkFeed, type FeedCheckResult } from './check'
import { feedToCheck, polledFeedIds } from './feeds-repo'

export interface FeedWatcherDeps {
  db: Db
  events: EventBus
  now?: () => number
  random?: () => number
  /** How often the scheduler looks for feeds that are due. */
  tickMs?: number
  /** At most this many feeds are fetched at once. */
  concurrency?: number
}

interface Schedule {
  nextAt: number
  failures: number
  running: Promise<FeedCheckResult | null> | null
}

/**
 * The web watch's part of the background work: checks each feed every poll interval (its own, from
 * the store), backs off a failing feed alone with jitter, honours a site's Retry-After, and tells
 * every host what changed. A check already running for a feed is joined, never repeated.
 */
export function createFeedWatcher(deps: FeedWatcherDeps) {
  const now = deps.now ?? Date.now
  const random = deps.random ?? Math.random
  const schedules = new Map<number, Schedule>()
  const controller = new AbortController()
  let timer: NodeJS.Timeout | null = null
  let slots = deps.concurrency ?? 4
  const waiting: (() => void)[] = []

  const scheduleOf = (feedId: number): Schedule => {
    let schedule = schedules.get(feedId)
    if (!schedule) schedules.set(feedId, (schedule = { nextAt: 0, failures: 0, running: null }))
    return schedule
  }

  const acquire = async (): Promise<void> => {
    if (slots > 0) {
      slots--
      return
    }
    await new Promise<void>((resolve) => waiting.push(resolve))
  }
  const release = (): void => {
    const next = waiting.shift()
    if (next) next()
    else slots++
  }

  const announce = (result: FeedCheckResult): void => {
    deps.events.emit('db:changed', { tables: ['feeds'], workspaceId: result.workspaceId, ids: [result.feedId] })
    if (result.outcome === 'updated' && result.inserted > 0) {
      deps.events.emit('db:changed', {
        tables: ['accounts', 'conversations', 'messages', 'contacts'],
        workspaceId: result.workspaceId,
        ids: result.conversationIds,
      })
    }
  }

  const reschedule = (schedule: Schedule, result: FeedCheckResult, pollSeconds: number): void => {
    if (result.outcome !== 'error') {
      schedule.failures = 0
      schedule.nextAt = now() + pollSeconds * 1000
      return
    }
    schedule.failures++
    schedule.nextAt = Math.max(result.retryAt ?? 0, now() + backoffDelay(schedule.failures, random))
  }

  const run = async (feedId: number, schedule: Schedule): Promise<FeedCheckResult | null> => {
    await acquire()
    try {
      const feed = feedToCheck(deps.db, feedId)
      if (!feed || controller.signal.aborted) return null
      const result = await checkFeed({ db: deps.db, signal: controller.signal, now }, feed)
      reschedule(schedule, result, feed.pollSeconds)
      announce(result)
      return result
    } catch (error) {
      if (controller.signal.aborted) return null
      throw error
    } finally {
      release()
    }
  }

  /** Checks these feeds now (joining checks already under way); paused or removed feeds give nothing. */
  const check = async (feedIds: readonly number[]): Promise<FeedCheckResult[]> => {
    const results = await Promise.all(
      feedIds.map((id) => {
        const schedule = scheduleOf(id)
        schedule.running ??= run(id, schedule).finally(() => {
          schedule.running = null
        })
        return schedule.running
      }),
    )
    return results.filter((r): r is FeedCheckResult => r !== null)
  }

  const runDue = (): Promise<FeedCheckResult[]> =>
    check(
      polledFeedIds(deps.db).filter((id) => {
        const schedule = scheduleOf(id)
        return !schedule.running && schedule.nextAt <= now()
      }),
    )

  return {
    check,
    runDue,
    start(): void {
      if (timer) return
      const tick = () => void runDue().catch((error: unknown) => console.error('earshot: feed check failed', error))
      tick()
      timer = setInterval(tick, deps.tickMs ?? 1000)
      timer.unref?.()
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer)
      timer = null
      controller.abort()
      await Promise.allSettled([...schedules.values()].map((s) => s.running))
    },
  }
}

export type FeedWatcher = ReturnType<typeof createFeedWatcher>
