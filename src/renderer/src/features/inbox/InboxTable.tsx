import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConversationRow } from '../../../../shared/domain'
import { useRoute } from '../../app/routeStore'
import { isOverdue } from '../../components/format'
import { useNow } from '../../components/useNow'
import { inboxColumns } from './columns'
import { useInbox } from './inboxStore'

const ROW_HEIGHT = 58
/** Start fetching the next page this many rows before the end, so scrolling rarely waits. */
const PREFETCH_ROWS = 25

export function InboxTable({ rows }: { rows: ConversationRow[] }) {
  const { t, i18n } = useTranslation()
  const now = useNow()
  const columns = useMemo(() => inboxColumns(t, i18n.language, now), [t, i18n.language, now])
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => String(r.id),
  })
  const hasMore = useInbox((s) => s.next !== null)
  const loadMore = useInbox((s) => s.loadMore)
  const openId = useRoute((s) => s.conversationId)
  const openConversation = useRoute((s) => s.openConversation)

  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items.at(-1)?.index ?? -1

  useEffect(() => {
    if (hasMore && lastIndex >= rows.length - PREFETCH_ROWS) void loadMore()
  }, [hasMore, lastIndex, rows.length, loadMore])

  // Arrow keys move between rows; the row may not be rendered yet, so scroll first, then focus.
  const focusRow = (index: number): void => {
    if (index < 0 || index >= rows.length) return
    virtualizer.scrollToIndex(index, { align: 'auto' })
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus())
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, index: number, row: ConversationRow): void => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      openConversation(row.id)
    } else if (e.key === 'ArrowDown') {
      e.preventDefault()
      focusRow(index + 1)
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      focusRow(index - 1)
    }
  }

  const tableRows = table.getRowModel().rows
  return (
    <div role="grid" aria-label={t('inbox.tableLabel')} aria-rowcount={hasMore ? -1 : rows.length + 1} className="grid">
      <div role="rowgroup" className="grid-head">
        {table.getHeaderGroups().map((group) => (
          <div role="row" key={group.id} className="grid-row" aria-rowindex={1}>
            {group.headers.map((header) => (
              <div role="columnheader" key={header.id} className="grid-cell">
                {flexRender(header.column.columnDef.header, header.getContext())}
              </div>
            ))}
          </div>
        ))}
      </div>
      <div role="rowgroup" ref={scrollRef} className="grid-body">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = tableRows[item.index]
            if (!row) return null
            const c = row.original
            const overdue = isOverdue(c.awaitingReplySince, now)
            return (
              <div
                role="row"
                key={row.id}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                aria-selected={c.id === openId}
                aria-label={t('inbox.rowLabel', {
                  contact: c.contactName,
                  subject: c.subject ?? '',
                  snippet: c.snippet,
                  overdue: overdue ? t('inbox.overdue') : '',
                })
                  .replace(/\s+/g, ' ')
                  .trim()}
                tabIndex={0}
                className={`grid-row body-row${c.id === openId ? ' selected' : ''}${overdue ? ' is-overdue' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => openConversation(c.id)}
                onKeyDown={(e) => onKeyDown(e, item.index, c)}
              >
                {row.getVisibleCells().map((cell) => (
                  <div role="gridcell" key={cell.id} className="grid-cell">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </div>
                ))}
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
