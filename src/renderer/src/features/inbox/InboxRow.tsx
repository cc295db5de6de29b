import { flexRender, type Row } from '@tanstack/react-table'
import { memo, type KeyboardEvent } from 'react'
import type { ConversationRow } from '../../../../shared/domain'
import { liveClock } from '../sla/slaClock'
import { cellClassOf } from './columns'
import { rowLabel, type InboxRowView } from './rowView'

interface Props {
  row: Row<ConversationRow>
  index: number
  height: number
  view: InboxRowView
  selected: boolean
  cursor: boolean
  onOpen(id: number): void
  onFocusRow(id: number, index: number): void
  onMoveFocus(index: number): void
}

/**
 * One conversation of the inbox grid. Memoised, with props that stay the same while the list
 * scrolls or loads its next page: only rows coming into view render. A row renders again when its
 * data or place changes, with the language or the minute (`view`), or as it becomes the open or the
 * cursor row.
 */
export const InboxRow = memo(function InboxRow(props: Props) {
  const { row, index, height, view, selected, cursor, onOpen, onFocusRow, onMoveFocus } = props
  const c = row.original
  const overdue = liveClock(c.sla, view.now).state === 'overdue'
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    // Keys pressed on the row's checkbox are the checkbox's.
    if (e.target !== e.currentTarget) return
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      onOpen(c.id)
    } else if (e.key === 'ArrowDown') {
      e.preventDefault()
      onMoveFocus(index + 1)
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      onMoveFocus(index - 1)
    }
  }
  return (
    <div
      role="row"
      data-index={index}
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-label={rowLabel(view, c, overdue)}
      tabIndex={0}
      className={['grid-row body-row', selected && 'selected', cursor && 'cursor', overdue && 'is-overdue']
        .filter(Boolean)
        .join(' ')}
      style={{ height }}
      onClick={() => onOpen(c.id)}
      onFocus={(e) => e.target === e.currentTarget && onFocusRow(c.id, index)}
      onKeyDown={onKeyDown}
    >
      {row.getVisibleCells().map((cell) => (
        <div role="gridcell" key={cell.id} className={cellClassOf(cell.column.id)}>
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </div>
      ))}
    </div>
  )
})
