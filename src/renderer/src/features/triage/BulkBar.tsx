import { useTranslation } from 'react-i18next'
import { STATUSES } from '../../components/constants'
import { formatDateTime } from '../../components/format'
import { ErrorMessage } from '../../components/Feedback'
import { runBulk } from './actions'
import { useTriage, type TriageNotice } from './triageStore'

const BULK_STATUSES = STATUSES.filter((s) => s !== 'snoozed')

/** Actions on the ticked rows; shown while any are ticked. */
export function BulkBar() {
  const { t } = useTranslation()
  const selected = useTriage((s) => s.selected)
  const openDialog = useTriage((s) => s.openDialog)
  const clearSelection = useTriage((s) => s.clearSelection)
  if (selected.size === 0) return null
  const ids = [...selected]
  return (
    <div role="group" aria-label={t('triage.bulk.label')} className="bulk-bar">
      <span className="strong">{t('triage.bulk.selected', { count: ids.length })}</span>
      {BULK_STATUSES.map((status) => (
        <button key={status} type="button" onClick={() => void runBulk(ids, { kind: 'status', status })}>
          {t(`triage.bulk.${status}`)}
        </button>
      ))}
      {(['assign', 'tag', 'snooze'] as const).map((kind) => (
        <button key={kind} type="button" onClick={() => openDialog({ kind, ids })}>
          {t(`triage.bulk.${kind}`)}
        </button>
      ))}
      <button type="button" className="secondary" onClick={clearSelection}>
        {t('triage.bulk.clear')}
      </button>
    </div>
  )
}

function noticeText(
  t: (key: string, options?: Record<string, unknown>) => string,
  lang: string,
  n: TriageNotice,
): string {
  return t(`triage.notice.${n.key}`, {
    count: n.count,
    name: n.name,
    status: n.status ? t(`status.${n.status}`) : undefined,
    time: n.until === undefined ? undefined : formatDateTime(lang, n.until),
  })
}

/** What the last triage action did (a polite live region) or why it failed. */
export function TriageStatus() {
  const { t, i18n } = useTranslation()
  const notice = useTriage((s) => s.notice)
  const error = useTriage((s) => s.error)
  const dialogOpen = useTriage((s) => s.dialog !== null)
  return (
    <>
      <p role="status" className="triage-notice muted small">
        {notice ? noticeText(t, i18n.language, notice) : ''}
      </p>
      {/* While a dialog is open it shows the error itself. */}
      {!dialogOpen && <ErrorMessage error={error} />}
    </>
  )
}
