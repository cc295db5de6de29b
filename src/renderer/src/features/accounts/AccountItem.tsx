import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ACCESS_WARNING_MS, type Account } from '../../../../shared/domain'
import { api } from '../../api/client'
import { ChannelBadge } from '../../components/Badges'
import { ErrorMessage } from '../../components/Feedback'
import { formatRelative } from '../../components/format'

/** X handles are shown with their @, as people know them; page names and addresses as they are. */
const shownHandle = (a: Account): string => (a.channel === 'x' && !a.handle.startsWith('@') ? `@${a.handle}` : a.handle)

export function AccountItem({ account: a, now, retryAt }: { account: Account; now: number; retryAt?: number }) {
  const { t, i18n } = useTranslation()
  const nameId = useId()
  const when = (ms: number): string => formatRelative(i18n.language, ms, now)
  return (
    <li className={`account account-${a.state}`} aria-labelledby={nameId}>
      <div className="account-head">
        <ChannelBadge channel={a.channel} />
        <span id={nameId} className="strong">
          {a.displayName} <span className="muted">{shownHandle(a)}</span>
        </span>
        <span className={`account-state state-${a.state}`}>{t(`accounts.state.${a.state}`)}</span>
      </div>
      {a.state === 'reconnect' ? (
        <p role="alert" className="reconnect-alert">
          {t('accounts.reconnectNeeded', { reason: a.stateReason ?? t('accounts.noReason') })}
        </p>
      ) : (
        a.stateReason && <p className="muted">{a.stateReason}</p>
      )}
      <AccessExpiry expiresAt={a.accessExpiresAt} now={now} />
      <p className="muted small">
        {a.lastSyncedAt === null ? t('accounts.neverSynced') : t('accounts.lastSynced', { time: when(a.lastSyncedAt) })}
        {retryAt !== undefined && a.state === 'error' && <> · {t('accounts.retry', { time: when(retryAt) })}</>}
      </p>
      {a.state === 'active' && <SyncNow accountId={a.id} describedBy={nameId} />}
    </li>
  )
}

/** Warns before the provider's grant runs out (Facebook: 60–90 days), so the inbox never goes quiet unnoticed. */
function AccessExpiry({ expiresAt, now }: { expiresAt: number | null; now: number }) {
  const { t, i18n } = useTranslation()
  if (expiresAt === null || expiresAt - now > ACCESS_WARNING_MS) return null
  const time = formatRelative(i18n.language, expiresAt, now)
  return (
    <p role="alert" className="reconnect-alert">
      {expiresAt <= now ? t('connect.access.ended', { time }) : t('connect.access.endsSoon', { time })}
    </p>
  )
}

/** Asks the core to sync one account now; the result arrives as data changes, not as a return value. */
function SyncNow({ accountId, describedBy }: { accountId: number; describedBy: string }) {
  const { t } = useTranslation()
  const [syncing, setSyncing] = useState(false)
  const [error, setError] = useState<unknown>(undefined)
  const sync = async (): Promise<void> => {
    setSyncing(true)
    setError(undefined)
    try {
      await api.invoke('sync:now', { accountId })
    } catch (err) {
      setError(err)
    } finally {
      setSyncing(false)
    }
  }
  return (
    <div className="account-actions">
      <button type="button" aria-describedby={describedBy} disabled={syncing} onClick={() => void sync()}>
        {syncing ? t('accounts.syncing') : t('accounts.syncNow')}
      </button>
      <ErrorMessage error={error} />
    </div>
  )
}
