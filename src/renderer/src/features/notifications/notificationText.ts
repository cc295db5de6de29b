import type { TFunction } from 'i18next'
import type { Alert } from '../../../../shared/domain'

/** The conversation an alert is about (its first), as far as it could be loaded. */
export interface AlertSubject {
  contactName: string
  snippet: string
}

/**
 * What a browser notification says for an alert: the kind (or who assigned the work) as the title,
 * the conversation as the body. The desktop shell says the same from src/main/security/desktop-notifications.ts.
 */
export function notificationText(
  t: TFunction,
  alert: Alert,
  subject: AlertSubject | null,
): { title: string; body: string } {
  const by = alert.kind === 'assigned' && alert.detail['reason'] === 'assigned' ? alert.detail['by'] : undefined
  const title =
    typeof by === 'string' && by ? t('notifications.alert.assignedBy', { by }) : t(`notifications.alert.${alert.kind}`)
  const others = alert.conversationIds.length - 1
  if (!subject) return { title, body: t('notifications.alert.count', { count: alert.conversationIds.length }) }
  const values = { contact: subject.contactName, snippet: subject.snippet }
  const body =
    others > 0 ? t('notifications.alert.bodyMore', { ...values, count: others }) : t('notifications.alert.body', values)
  return { title, body }
}
