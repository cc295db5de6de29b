import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutboxItem } from '../../../../shared/domain'
import { api } from '../../api/client'
import { useDbChanged, useQuery, type QueryState } from '../../api/hooks'
import { ErrorMessage } from '../../components/Feedback'
import { formatDateTime } from '../../components/format'
import { useComposerStore } from './composerStore'

/**
 * The conversation's replies not yet sent. A sent reply leaves this list and comes back as an
 * outgoing message in the thread, so both tables trigger a refetch.
 */
export function usePendingReplies(conversationId: number, workspaceId: number | null): QueryState<OutboxItem[]> {
  const query = useQuery(`outbox:${conversationId}`, () => api.invoke('outbox:list', { conversationId }))
  useDbChanged(['outbox', 'messages'], workspaceId, query.reload)
  return query
}

/** Whole seconds until `until`, ticking once a second while there are any left. */
function useSecondsUntil(until: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (now >= until) return
    const timer = setTimeout(() => setNow(Date.now()), Math.min(1000, until - now))
    return () => clearTimeout(timer)
  }, [now, until])
  return Math.max(0, Math.ceil((until - now) / 1000))
}

/**
 * A reply on its way, in the thread where it will appear once sent: its outbox state, the seconds
 * left to take it back ("Undo" returns the text to the composer), and why it failed, with "Retry"
 * and "Edit" (back to the composer: a reply the provider refused needs rewriting, not resending).
 */
export function PendingReply({ item }: { item: OutboxItem }) {
  const { t, i18n } = useTranslation()
  const restore = useComposerStore((s) => s.restore)
  const seconds = useSecondsUntil(item.notBefore)
  const [error, setError] = useState<unknown>(undefined)
  const run = async (action: () => Promise<unknown>): Promise<void> => {
    setError(undefined)
    try {
      await action()
    } catch (err) {
      setError(err)
    }
  }
  const undo = () =>
    run(async () => restore(item.conversationId, (await api.invoke('reply:cancel', { outboxId: item.id })).bodyText))
  const retry = () => run(() => api.invoke('reply:retry', { outboxId: item.id }))

  return (
    <li className={`message message-out pending pending-${item.state}`}>
      <div className="message-meta">
        <span role="status" className={`outbox-state outbox-${item.state}`}>
          {item.state === 'failed'
            ? t('composer.state.failed', { reason: item.lastError ?? t('composer.unknownReason') })
            : t(`composer.state.${item.state}`)}
        </span>
        {item.state === 'queued' && seconds > 0 && (
          <span className="muted small">{t('composer.sendsIn', { count: seconds })}</span>
        )}
        <time dateTime={new Date(item.createdAt).toISOString()} className="muted">
          {formatDateTime(i18n.language, item.createdAt)}
        </time>
      </div>
      <p className="message-text">{item.bodyText}</p>
      {item.state === 'queued' && item.lastError && (
        <p className="outbox-reason muted small">{t('composer.retrying', { reason: item.lastError })}</p>
      )}
      <div className="outbox-actions">
        {item.state === 'queued' && (
          <button type="button" onClick={() => void undo()}>
            {t('composer.undo')}
          </button>
        )}
        {item.state === 'failed' && (
          <>
            <button type="button" onClick={() => void retry()}>
              {t('composer.retry')}
            </button>
            <button type="button" onClick={() => void undo()}>
              {t('composer.edit')}
            </button>
          </>
        )}
      </div>
      <ErrorMessage error={error} />
    </li>
  )
}
