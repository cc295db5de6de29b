import { useTranslation } from 'react-i18next'
import { useRoute } from '../../app/routeStore'
import { useAccounts } from './useAccounts'

/**
 * A header hint that some account has lost its connection. The status region is always present so
 * screen readers announce it when it fills; the button inside leads to the accounts view.
 */
export function ReconnectIndicator() {
  const { t } = useTranslation()
  const workspaceId = useRoute((s) => s.workspaceId)
  const showView = useRoute((s) => s.showView)
  const { accounts } = useAccounts(workspaceId)
  const count = accounts?.filter((a) => a.state === 'reconnect').length ?? 0
  return (
    <div role="status" aria-label={t('accounts.indicatorLabel')} className="reconnect-indicator">
      {count > 0 && (
        <button type="button" className="warning" onClick={() => showView('accounts')}>
          {t('accounts.needReconnecting', { count })}
        </button>
      )}
    </div>
  )
}
