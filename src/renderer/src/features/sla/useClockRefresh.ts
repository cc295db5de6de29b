import { useEffect } from 'react'
import type { SlaClock } from '../../../../shared/domain'
import { nextOpening } from './slaClock'

/** setTimeout's longest wait; a later opening is simply waited for in more than one step. */
const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * Paused clocks (outside business hours) start again at the next opening; only the core knows how
 * fast they run then, so the rows are reloaded at that moment. Running clocks count down on their own.
 */
export function useClockRefresh(rows: readonly { sla: SlaClock }[], refresh: () => void): void {
  useEffect(() => {
    const now = Date.now()
    const next = nextOpening(
      rows.map((r) => r.sla),
      now,
    )
    if (next === null) return
    const timer = setTimeout(refresh, Math.min(next - now, MAX_TIMER_MS))
    return () => clearTimeout(timer)
  }, [rows, refresh])
}
