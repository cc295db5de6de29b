import { useEffect, useRef, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useTriage } from '../triage/triageStore'
import { useInbox } from './inboxStore'

const loadedIds = (): number[] => useInbox.getState().rows.map((r) => r.id)

/**
 * Ticks a row for bulk actions; Shift-click ticks the range from the last row ticked without Shift.
 * `label` comes translated from the row, which translates once for all its cells.
 */
export function RowCheckbox({ id, label }: { id: number; label: string }) {
  const checked = useTriage((s) => s.selected.has(id))
  const onClick = (e: MouseEvent<HTMLInputElement>): void => {
    // The row opens its conversation on click; ticking it must not.
    e.stopPropagation()
    if (e.shiftKey) useTriage.getState().selectRange(loadedIds(), id)
    else useTriage.getState().toggle(id)
  }
  return (
    <input
      type="checkbox"
      className="row-check"
      checked={checked}
      aria-label={label}
      // Checked state lives in the store; onClick (not onChange) sees whether Shift was held.
      onChange={() => {}}
      onClick={onClick}
    />
  )
}

/** Ticks every loaded row, or none; mixed while some are ticked. */
export function SelectAllLoaded() {
  const { t } = useTranslation()
  const count = useTriage((s) => s.selected.size)
  const total = useInbox((s) => s.rows.length)
  const all = total > 0 && count === total
  const ref = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = count > 0 && !all
  }, [count, all])
  return (
    <input
      ref={ref}
      type="checkbox"
      className="row-check"
      checked={all}
      disabled={total === 0}
      aria-label={t('triage.select.allLoaded')}
      onChange={() => (all ? useTriage.getState().clearSelection() : useTriage.getState().selectAll(loadedIds()))}
    />
  )
}
