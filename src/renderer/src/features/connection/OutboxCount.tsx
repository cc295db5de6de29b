import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { useDbChanged, useQuery } from '../../api/hooks'
import { useRoute } from '../../app/routeStore'

/** Replies of this workspace not at the provider yet: waiting (queued, sending) and failed. Nothing when all went out. */
export function OutboxCount() {
  const { t } = useTranslation()
  const workspaceId = useRoute((s) => s.workspaceId)
  const { data: count, reload } = useQuery(workspaceId === null ? null : `outbox-count:${workspaceId}`, () =>
    api.invoke('outbox:count', workspaceId === null ? {} : { workspaceId }),
  )
  useDbChanged(['outbox'], workspaceId, reload)
  if (!count || (count.waiting === 0 && count.failed === 0)) return null
  return (
    <p className="outbox-count">
      {count.waiting > 0 && <span>{t('connection.outbox', { count: count.waiting })}</span>}
      {count.failed > 0 && <span className="failed">{t('connection.outboxFailed', { count: count.failed })}</span>}
    </p>
  )
}
