import { useCallback, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useDbChanged } from '../../api/hooks'
import { ErrorMessage, Loading } from '../../components/Feedback'
import { BulkBar, TriageStatus } from '../triage/BulkBar'
import { useTriage } from '../triage/triageStore'
import { useClockRefresh } from '../sla/useClockRefresh'
import { InboxFilters } from './InboxFilters'
import { InboxTable } from './InboxTable'
import { DEFAULT_FILTERS, useInbox } from './inboxStore'
import { GettingStarted } from '../workspaces/GettingStarted'
import { SavedViews } from './SavedViews'

export function InboxView({ workspaceId }: { workspaceId: number }) {
  const { t } = useTranslation()
  const rows = useInbox((s) => s.rows)
  const loading = useInbox((s) => s.loading)
  const hasMore = useInbox((s) => s.next !== null)
  const error = useInbox((s) => s.error)
  const filters = useInbox((s) => s.filters)
  const refresh = useInbox((s) => s.refresh)
  const setFilters = useInbox((s) => s.setFilters)

  useEffect(() => {
    void refresh(workspaceId)
  }, [workspaceId, refresh])
  // Keep the rows the user has scrolled through: reload as many as are shown, not just page one.
  const onChange = useCallback(() => void refresh(workspaceId, true), [refresh, workspaceId])
  useDbChanged(['conversations', 'messages', 'contacts', 'tags'], workspaceId, onChange)
  useClockRefresh(rows, onChange)
  // Ticked rows that left the list (other filters, another workspace) must not be acted on unseen.
  useEffect(() => {
    useTriage.getState().keepLoaded(rows.map((r) => r.id))
  }, [rows])

  const filtered = JSON.stringify(filters) !== JSON.stringify(DEFAULT_FILTERS)
  return (
    <section className="view inbox" aria-labelledby="inbox-heading">
      <div className="view-head">
        <h2 id="inbox-heading">{t('inbox.heading')}</h2>
        <span className="muted" aria-live="polite">
          {loading ? t('common.loading') : t(hasMore ? 'inbox.countMore' : 'inbox.count', { count: rows.length })}
        </span>
      </div>
      <SavedViews />
      <InboxFilters workspaceId={workspaceId} />
      <GettingStarted workspaceId={workspaceId} />
      <BulkBar />
      <TriageStatus />
      <ErrorMessage error={error} />
      {rows.length > 0 ? (
        <InboxTable rows={rows} />
      ) : loading ? (
        <Loading />
      ) : (
        <div className="empty">
          <p>{filtered ? t('inbox.emptyFiltered') : t('inbox.empty')}</p>
          {filtered && (
            <button type="button" onClick={() => setFilters(DEFAULT_FILTERS)}>
              {t('inbox.resetFilters')}
            </button>
          )}
        </div>
      )}
    </section>
  )
}
