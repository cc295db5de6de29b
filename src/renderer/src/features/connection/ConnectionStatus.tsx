import { useTranslation } from 'react-i18next'
import { ReconnectIndicator } from '../accounts/ReconnectIndicator'
import { OutboxCount } from './OutboxCount'
import { useConnection, useOnline } from './useConnection'

/**
 * The header's word on whether work gets out: this device offline, the link to Earshot interrupted
 * or lost, accounts that need reconnecting, and replies still waiting in the outbox. The status
 * region is always present, so screen readers announce it when it fills.
 */
export function ConnectionStatus() {
  const { t } = useTranslation()
  const online = useOnline()
  const connection = useConnection()
  const message = !online
    ? t('connection.offline')
    : connection === 'reconnecting'
      ? t('connection.reconnecting')
      : connection === 'lost'
        ? t('connection.lost')
        : null
  return (
    <div className="connection-status" role="group" aria-label={t('connection.label')}>
      <p role="status" className={message ? 'offline-indicator warning' : 'offline-indicator'}>
        {message}
      </p>
      <ReconnectIndicator />
      <OutboxCount />
    </div>
  )
}
