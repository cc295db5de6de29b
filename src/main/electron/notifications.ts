import { app, Notification } from 'electron'
import type { Alert } from '../../shared/domain'
import type { Core } from '../core/index'
import type { Db } from '../core/store/db'
import { getConversationRow } from '../core/store/repos/conversations'
import { readNotificationSettings } from '../core/store/repos/notification-settings'
import { desktopNotification, type AlertSubject } from '../security/desktop-notifications'

/**
 * Wiring only: what a notification says, and whether it is shown at all, is decided in
 * ../security/desktop-notifications (tested without Electron). Shown from the main process, so alerts
 * reach the user while the window is hidden or closed; a click brings the conversation up through
 * the same 'app:menu' event the menu uses.
 */
export function showAlertNotifications(core: Pick<Core, 'on' | 'db' | 'events'>, showWindow: () => void): () => void {
  const locale = app.getLocale()
  // Electron drops a notification's click handler once the object is garbage collected: hold each one until it is done.
  const shown = new Set<Notification>()
  return core.on('alert:raised', (alert) => {
    if (!Notification.isSupported()) return
    const spec = desktopNotification(alert, readNotificationSettings(core.db), locale, subjectOf(core.db, alert))
    if (!spec) return
    const notification = new Notification(spec)
    shown.add(notification)
    notification.on('close', () => shown.delete(notification))
    notification.on('click', () => {
      shown.delete(notification)
      showWindow()
      const conversationId = alert.conversationIds[0]
      if (conversationId !== undefined) {
        core.events.emit('app:menu', { action: 'open-conversation', workspaceId: alert.workspaceId, conversationId })
      }
    })
    notification.show()
  })
}

function subjectOf(db: Db, alert: Alert): AlertSubject | null {
  const conversationId = alert.conversationIds[0]
  if (conversationId === undefined) return null
  try {
    const row = getConversationRow(db, conversationId)
    return { contactName: row.contactName, snippet: row.snippet }
  } catch {
    // Removed meanwhile: the notification still says what happened, without the conversation.
    return null
  }
}
