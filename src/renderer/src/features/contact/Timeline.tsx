import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useLayoutEffect, useMemo, useRef, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { TimelineItem } from '../../../../shared/domain'
import { useDbChanged } from '../../api/hooks'
import { useRoute } from '../../app/routeStore'
import { ErrorMessage } from '../../components/Feedback'
import { virtualWindow } from '../../components/virtualWindow'
import { TimelineEntry, timelineLabels } from './TimelineEntry'
import { useTimeline } from './timelineStore'

const ITEM_HEIGHT = 64
const PREFETCH_ITEMS = 20

/**
 * `historyKey` changes when the contact's history does (a merge, its undo, a split): the timeline starts
 * again from the top. New messages only add to the top, and what is already loaded stays where it is.
 */
export function Timeline({
  contactId,
  workspaceId,
  historyKey,
}: {
  contactId: number
  workspaceId: number
  historyKey: string
}) {
  const { t, i18n } = useTranslation()
  const labels = useMemo(() => timelineLabels(t, i18n.language), [t, i18n.language])
  const { items, before, loading, error, refresh, catchUp, loadOlder } = useTimeline()
  const openConversation = useRoute((s) => s.openConversation)
  const openId = useRoute((s) => s.conversationId)

  useRefreshOnNewHistory(contactId, historyKey, refresh)
  useDbChanged(['messages'], workspaceId, () => void catchUp())

  const scrollRef = useRef<HTMLDivElement>(null)
  useKeepPlace(scrollRef, items)
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ITEM_HEIGHT,
    overscan: 8,
    // The list is at most as tall as the window. Without a size before it is measured, the first render
    // has no entries, and the entries come in a second render and layout after the measurement.
    initialRect: { width: 0, height: window.innerHeight },
  })
  const virtualItems = virtualizer.getVirtualItems()
  const layout = virtualWindow(virtualItems, ITEM_HEIGHT, virtualizer.getTotalSize())
  const lastIndex = virtualItems.at(-1)?.index ?? -1
  const hasMore = before !== null
  useEffect(() => {
    if (hasMore && lastIndex >= items.length - PREFETCH_ITEMS) void loadOlder()
  }, [hasMore, lastIndex, items.length, loadOlder])

  return (
    <section className="timeline" aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">{t('contact.timeline')}</h3>
      <ErrorMessage error={error} />
      {items.length === 0 && !loading && <p className="empty">{t('contact.timelineEmpty')}</p>}
      <div ref={scrollRef} className="timeline-scroll">
        <ul aria-label={t('contact.timeline')} style={layout.window} className="timeline-list">
          {virtualItems.map((v) => {
            const item = items[v.index]
            if (!item) return null
            return (
              <TimelineEntry
                key={item.messageId}
                item={item}
                height={ITEM_HEIGHT}
                labels={labels}
                selected={item.conversationId === openId}
                onOpen={openConversation}
              />
            )
          })}
        </ul>
        <div style={layout.rest} />
      </div>
      {loading && items.length > 0 && (
        <p className="muted small" role="status">
          {t('common.loadingMore')}
        </p>
      )}
    </section>
  )
}

/**
 * Asks for the first page of a contact's timeline as soon as the contact is chosen: alongside
 * contact:get, not after it, which is when the timeline mounts.
 */
export function useTimelineFirstPage(contactId: number | null): void {
  const refresh = useTimeline((s) => s.refresh)
  useEffect(() => {
    if (contactId !== null) void refresh(contactId)
  }, [contactId, refresh])
}

/**
 * Starts the timeline again when the contact's history changes under it. On mount only when nobody
 * has asked for this contact's first page yet (see useTimelineFirstPage).
 */
function useRefreshOnNewHistory(contactId: number, historyKey: string, refresh: (contactId: number) => Promise<void>) {
  const shown = useRef<string | null>(null)
  useEffect(() => {
    const key = `${contactId}:${historyKey}`
    const mounting = shown.current === null
    if (shown.current === key) return
    shown.current = key
    if (mounting && useTimeline.getState().contactId === contactId) return
    void refresh(contactId)
  }, [contactId, historyKey, refresh])
}

/**
 * When new events are added on top while someone reads further down, moves the scroll position by as
 * much, so the entries they were reading stay where they were.
 */
function useKeepPlace(scrollRef: RefObject<HTMLDivElement | null>, items: readonly TimelineItem[]): void {
  const newest = useRef<number | null>(null)
  useLayoutEffect(() => {
    const previous = newest.current
    newest.current = items[0]?.messageId ?? null
    const scroller = scrollRef.current
    if (previous === null || !scroller || scroller.scrollTop === 0) return
    const added = items.findIndex((i) => i.messageId === previous)
    if (added > 0) scroller.scrollTop += added * ITEM_HEIGHT
  }, [items, scrollRef])
}
