import type { TFunction } from 'i18next'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Alert } from '../../../../shared/domain'
import { api } from '../../api/client'
import { useRoute } from '../../app/routeStore'
import { notificationText, type AlertSubject } from './notificationText'

/** The browser's notification permission, or null where the page has no Notification API. */
export const browserPermission = (): NotificationPermission | null =>
  'Notification' in window ? Notification.permission : null

/**
 * Shows each alert the core raises as a browser notification, when the user allowed them in this
 * browser and left the kind on. The desktop shell shows its own from the main process (so they also
 * come while the window is closed): under Electron this stays quiet.
 */
export function useDesktopNotifications(): void {
  const { t } = useTranslation()
  const translate = useRef(t)
  useEffect(() => {
    translate.current = t
  })
  useEffect(
    () =>
      api.on('alert:raised', (alert) => {
        notify(alert, translate.current).catch((error: unknown) =>
          console.error('earshot: a notification failed', error),
        )
      }),
    [],
  )
}

async function notify(alert: Alert, t: TFunction): Promise<void> {
  if (browserPermission() !== 'granted') return
  const [info, settings] = await Promise.all([api.invoke('app:info', {}), api.invoke('notifications:get', {})])
  if (info.host === 'electron' || !settings[alert.kind]) return
  const { title, body } = notificationText(t, alert, await subjectOf(alert))
  // One notification per cause: a repeat for the same conversation replaces the earlier one.
  const notification = new Notification(title, {
    body,
    tag: `${alert.kind}:${alert.conversationIds[0] ?? alert.workspaceId}`,
  })
  notification.onclick = () => {
    window.focus()
    const conversationId = alert.conversationIds[0]
    const route = useRoute.getState()
    route.setWorkspace(alert.workspaceId)
    if (conversationId !== undefined) route.openConversation(conversationId)
    notification.close()
  }
}

async function subjectOf(alert: Alert): Promise<AlertSubject | null> {
  const conversationId = alert.conversationIds[0]
  if (conversationId === undefined) return null
  try {
    const { conversation } = await api.invoke('conversation:get', { conversationId })
    return { contactName: conversation.contactName, snippet: conversation.snippet }
  } catch {
    // Removed meanwhile: the notification still says what happened, without the conversation.
    return null
  }
}
