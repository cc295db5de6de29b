import type { TFunction } from 'i18next'
import type { Alert } from '../../../../shared/domain'
import type { ToastTone } from './Toast'

const TONES: Record<Alert['kind'], ToastTone> = {
  overdue: 'danger',
  groundswell: 'danger',
  'due-soon': 'warning',
  reach: 'warning',
  assigned: 'info',
}

/**
 * What an in-app toast says for an alert: its kind as the title, then who it is about and how many
 * more there are. The core counts them in `detail.count` (an alert names at most the first few).
 */
export function alertText(t: TFunction, alert: Alert, formatNumber: (n: number) => string) {
  const count = typeof alert.detail['count'] === 'number' ? alert.detail['count'] : alert.conversationIds.length
  const contact = typeof alert.detail['contact'] === 'string' ? alert.detail['contact'] : ''
  const reach = alert.detail['reach']
  const others = Math.max(0, count - 1)
  const who = !contact
    ? t('alerts.count', { count })
    : others > 0
      ? t('alerts.andMore', { contact, count: others })
      : contact
  const body =
    alert.kind === 'reach' && typeof reach === 'number'
      ? t('alerts.withReach', { who, reach: formatNumber(reach) })
      : who
  return { title: t(`alerts.kind.${alert.kind}`), body, tone: TONES[alert.kind] }
}
