import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useDbChanged } from '../../api/hooks'
import { useRoute } from '../../app/routeStore'
import { ChannelBadge, DirectionLabel } from '../../components/Badges'
import { ErrorMessage } from '../../components/Feedback'
import { formatDateTime } from '../../components/format'
import { useTimeline } from './timelineStore'

const ITEM_HEIGHT = 64
const PREFETCH_ITEMS = 20

export function Timeline({ contactId, workspaceId }: { contactId: number; workspaceId: number }) {
  const { t, i18n } = useTranslation()
  const { items, before, loading, error, refresh, loadOlder } = useTimeline()
  const openConversation = useRoute((s) => s.openConversation)
  const openId = useRoute((s) => s.conversationId)

  useEffect(() => {
    void refresh(contactId)
  }, [contactId, refresh])
  const onChange = useCallback(() => void refresh(contactId, true), [refresh, contactId])
  useDbChanged(['messages', 'conversations', 'contacts'], workspaceId, onChange)

  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ITEM_HEIGHT,
    overscan: 8,
  })
  const virtualItems = virtualizer.getVirtualItems()
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
        <ul
          aria-label={t('contact.timeline')}
          style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
          className="timeline-list"
        >
          {virtualItems.map((v) => {
            const item = items[v.index]
            if (!item) return null
            return (
              <li
                key={item.messageId}
                className="timeline-item-wrap"
                style={{ transform: `translateY(${v.start}px)`, height: ITEM_HEIGHT }}
              >
                <button
                  type="button"
                  className={`timeline-item direction-bar-${item.direction}${item.conversationId === openId ? ' selected' : ''}`}
                  onClick={() => openConversation(item.conversationId)}
                >
                  <span className="timeline-meta">
                    <ChannelBadge channel={item.channel} />
                    <DirectionLabel direction={item.direction} />
                    <span className="strong ellipsis">{item.authorName}</span>
                    <time dateTime={new Date(item.sentAt).toISOString()} className="muted">
                      {formatDateTime(i18n.language, item.sentAt)}
                    </time>
                  </span>
                  <span className="ellipsis">
                    {item.subject && <span className="strong">{item.subject} · </span>}
                    {item.snippet}
                  </span>
                </button>
              </li>
            )
          })}
        </ul>
      </div>
      {loading && items.length > 0 && (
        <p className="muted small" role="status">
          {t('common.loadingMore')}
        </p>
      )}
    </section>
  )
}
