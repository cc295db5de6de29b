import type { NotificationSettings } from '../../shared/contract'
import type { Alert, AlertKind } from '../../shared/domain'

/**
 * The desktop app's notification for an alert, as plain data: the shell hands it to Electron's
 * Notification; tests read it without Electron. The shell has no i18n runtime, so its few strings
 * live here in the renderer's two languages (as app-menu.ts does for the menu); the web host's
 * renderer says the same through its catalogue (locales/<lang>/notifications.json).
 */

interface NotificationText {
  title: Record<AlertKind, string>
  assignedBy: (by: string) => string
  count: (n: number) => string
  more: (n: number) => string
}

const TEXT: Record<'en' | 'de', NotificationText> = {
  en: {
    title: {
      'due-soon': 'A reply is due soon',
      overdue: 'A reply is overdue',
      reach: 'A post with a wide reach',
      groundswell: 'Negative mentions are piling up',
      assigned: 'New message in your conversation',
    },
    assignedBy: (by) => `${by} assigned a conversation to you`,
    count: (n) => (n === 1 ? '1 conversation' : `${n} conversations`),
    more: (n) => ` (and ${n} more)`,
  },
  de: {
    title: {
      'due-soon': 'Eine Antwort ist bald fällig',
      overdue: 'Eine Antwort ist überfällig',
      reach: 'Ein Beitrag mit großer Reichweite',
      groundswell: 'Negative Erwähnungen häufen sich',
      assigned: 'Neue Nachricht in Ihrer Unterhaltung',
    },
    assignedBy: (by) => `${by} hat Ihnen eine Unterhaltung zugewiesen`,
    count: (n) => (n === 1 ? '1 Unterhaltung' : `${n} Unterhaltungen`),
    more: (n) => ` (und ${n} weitere)`,
  },
}

/** German for any German locale, English otherwise: the renderer's two catalogues. */
const textFor = (locale: string): NotificationText => (locale.toLowerCase().startsWith('de') ? TEXT.de : TEXT.en)

/** The conversation an alert is about, first of its list, as far as the core could find it. */
export interface AlertSubject {
  contactName: string
  snippet: string
}

export interface DesktopNotificationSpec {
  title: string
  body: string
}

/** The notification for an alert, or null when the user turned its kind off. */
export function desktopNotification(
  alert: Alert,
  settings: NotificationSettings,
  locale: string,
  subject: AlertSubject | null,
): DesktopNotificationSpec | null {
  if (!settings[alert.kind]) return null
  const text = textFor(locale)
  const by = alert.kind === 'assigned' && alert.detail['reason'] === 'assigned' ? alert.detail['by'] : undefined
  const title = typeof by === 'string' && by ? text.assignedBy(by) : text.title[alert.kind]
  const others = alert.conversationIds.length - 1
  const body = subject
    ? `${subject.contactName}: ${subject.snippet}${others > 0 ? text.more(others) : ''}`
    : text.count(alert.conversationIds.length)
  return { title, body }
}
