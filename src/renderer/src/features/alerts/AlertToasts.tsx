import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { useRoute } from '../../app/routeStore'
import { formatCompact } from '../../components/format'
import { alertText } from './alertText'
import { useAlerts } from './alertsStore'
import { Toast } from './Toast'

/**
 * Shows every alert the core raises ('alert:raised') as a toast until dismissed. "Show" opens the
 * most important conversation behind it, in its workspace. Desktop notifications are separate.
 */
export function AlertToasts() {
  const { t, i18n } = useTranslation()
  const toasts = useAlerts((s) => s.toasts)
  const dismiss = useAlerts((s) => s.dismiss)
  useEffect(() => api.on('alert:raised', (alert) => useAlerts.getState().show(alert)), [])

  const show = (workspaceId: number, conversationId: number | undefined) => {
    const route = useRoute.getState()
    if (route.workspaceId !== workspaceId) route.setWorkspace(workspaceId)
    if (conversationId !== undefined) route.openConversation(conversationId)
  }

  return (
    <section className="toasts" aria-label={t('alerts.label')} aria-live="polite">
      <ul>
        {toasts.map(({ id, alert }) => {
          const text = alertText(t, alert, (n) => formatCompact(i18n.language, n))
          return (
            <li key={id}>
              <Toast
                tone={text.tone}
                title={text.title}
                body={text.body}
                dismissLabel={t('alerts.dismiss')}
                onDismiss={() => dismiss(id)}
                actions={
                  <button type="button" onClick={() => show(alert.workspaceId, alert.conversationIds[0])}>
                    {t('alerts.show')}
                  </button>
                }
              />
            </li>
          )
        })}
      </ul>
    </section>
  )
}
