import { flexRender, useReactTable, type HeaderGroup } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useCallback, useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConversationRow } from '../../../../shared/domain'
import { useRoute } from '../../app/routeStore'
import { useNow } from '../../components/useNow'
import { virtualWindow } from '../../components/virtualWindow'
import { followingIndex } from '../triage/selection'
import { useTriage } from '../triage/triageStore'
import { getAppendingRowModel } from './appendingRowModel'
import { inboxColumns } from './columns'
import { InboxRow } from './InboxRow'
import { PAGE_SIZE, useInbox } from './inboxStore'
import { inboxRowView } from './rowView'

const ROW_HEIGHT = 58
/**
 * Start fetching the next page a page before the end: a fast fling (four rows a frame) then has
 * about 400 ms for the request, which a million-message workspace needs now and then.
 */
const PREFETCH_ROWS = PAGE_SIZE
const coreRowModel = getAppendingRowModel<ConversationRow>()
const rowId = (r: ConversationRow): string => String(r.id)

export function InboxTable({ rows }: { rows: ConversationRow[] }) {
  const { t, i18n } = useTranslation()
  const now = useNow()
  const view = useMemo(() => inboxRowView(t, i18n.language, now), [t, i18n.language, now])
  const columns = useMemo(() => inboxColumns(view), [view])
  const table = useReactTable({ data: rows, columns, getCoreRowModel: coreRowModel, getRowId: rowId })
  const hasMore = useInbox((s) => s.next !== null)
  const loadMore = useInbox((s) => s.loadMore)
  const openId = useRoute((s) => s.conversationId)
  const openConversation = useRoute((s) => s.openConversation)
  const cursorId = useTriage((s) => s.cursorId)
  const focusRequest = useTriage((s) => s.focusRequest)
  const setCursor = useTriage((s) => s.setCursor)

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

  // The row may not be rendered yet, so scroll first, then focus. Focusing a row makes it the cursor.
  const focusRow = (index: number): void => {
    if (index < 0 || index >= rows.length) return
    virtualizer.scrollToIndex(index, { align: 'auto' })
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus())
  }
  const focusRowRef = useRef(focusRow)
  useEffect(() => {
    focusRowRef.current = focusRow
  })
  // One function for the rows' whole life, so memoised rows are not rendered again for a new one.
  const moveFocus = useCallback((index: number) => focusRowRef.current(index), [])

  // j/k (useShortcuts) move the cursor in the triage store and ask for its row to take the focus.
  useEffect(() => {
    if (focusRequest > 0) focusRowRef.current(useTriage.getState().cursorIndex)
  }, [focusRequest])

  // New rows shift the cursor's index; when its row leaves (done, snoozed), the row now in its place takes over.
  useEffect(() => {
    const triage = useTriage.getState()
    if (triage.cursorId === null) return
    const index = rows.findIndex((r) => r.id === triage.cursorId)
    if (index >= 0) {
      if (index !== triage.cursorIndex) triage.setCursor(triage.cursorId, index)
      return
    }
    const following = followingIndex(rows.length, triage.cursorIndex)
    // Its row had the focus, which fell back to the page: hand it to the row that took the place.
    const focusLost = document.activeElement === document.body
    triage.setCursor(following === null ? null : rows[following]!.id, following ?? -1, focusLost)
  }, [rows])

  const tableRows = table.getRowModel().rows
  const layout = virtualWindow(items, ROW_HEIGHT, virtualizer.getTotalSize())
  return (
    <div role="grid" aria-label={t('inbox.tableLabel')} aria-rowcount={hasMore ? -1 : rows.length + 1} className="grid">
      <GridHead groups={table.getHeaderGroups()} />
      <div role="rowgroup" ref={scrollRef} className="grid-body">
        <div className="grid-rows" style={layout.window}>
          {items.map((item) => {
            const row = tableRows[item.index]
            if (!row) return null
            return (
              <InboxRow
                key={row.id}
                row={row}
                index={item.index}
                height={ROW_HEIGHT}
                view={view}
                selected={row.original.id === openId}
                cursor={row.original.id === cursorId}
                onOpen={openConversation}
                onFocusRow={setCursor}
                onMoveFocus={moveFocus}
              />
            )
          })}
        </div>
        <div style={layout.rest} />
      </div>
    </div>
  )
}

/** Memoised on the header groups, which change with the columns only: not rendered again per scrolled frame. */
const GridHead = memo(function GridHead({ groups }: { groups: HeaderGroup<ConversationRow>[] }) {
  return (
    <div role="rowgroup" className="grid-head">
      {groups.map((group) => (
        <div role="row" key={group.id} className="grid-row" aria-rowindex={1}>
          {group.headers.map((header) => (
            <div role="columnheader" key={header.id} className="grid-cell">
              {flexRender(header.column.columnDef.header, header.getContext())}
            </div>
          ))}
        </div>
      ))}
    </div>
  )
})
