import { useTranslation } from 'react-i18next'
import type { OutboxItem } from '../../../../shared/domain'
import { api } from '../../api/client'
import { useDbChanged, useQuery, type QueryState } from '../../api/hooks'
import { formatDateTime } from '../../components/format'

/**
 * The conversation's replies not yet sent. A sent reply leaves this list and comes back as an
 * outgoing message in the thread, so both tables trigger a refetch.
 */
export function usePendingReplies(conversationId: number, workspaceId: number | null): QueryState<OutboxItem[]> {
  const query = useQuery(`outbox:${conversationId}`, () => api.invoke('outbox:list', { conversationId }))
  useDbChanged(['outbox', 'messages'], workspaceId, query.reload)
  return query
}

/** Shown under the thread, where the reply will appear once it is sent. */
export function PendingReplies({ items }: { items: readonly OutboxItem[] }) {
  const { t } = useTranslation()
  if (items.length === 0) return null
  return (
    <ol className="thread pending-replies" aria-label={t('composer.pending')}>
      {items.map((item) => (
        <PendingReply key={item.id} item={item} />
      ))}
    </ol>
  )
}

function PendingReply({ item }: { item: OutboxItem }) {
  const { t, i18n } = useTranslation()
  return (
    <li className={`message message-out pending pending-${item.state}`}>
      <div className="message-meta">
        <span role="status" className={`outbox-state outbox-${item.state}`}>
          {item.state === 'failed'
            ? t('composer.state.failed', { reason: item.lastError ?? t('composer.unknownReason') })
            : t(`composer.state.${item.state}`)}
        </span>
        <time dateTime={new Date(item.createdAt).toISOString()} className="muted">
          {formatDateTime(i18n.language, item.createdAt)}
        </time>
      </div>
      <p className="message-text">{item.bodyText}</p>
    </li>
  )
}
