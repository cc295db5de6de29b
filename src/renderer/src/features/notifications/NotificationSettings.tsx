import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AlertKind } from '../../../../shared/domain'
import { api } from '../../api/client'
import { useDbChanged, useQuery } from '../../api/hooks'
import { ErrorMessage } from '../../components/Feedback'
import { browserPermission } from './useDesktopNotifications'

// Spelled out rather than read from the zod enum, which would ship zod to the renderer (see
// components/constants.ts); the check below fails to compile when the contract gains a kind.
const ALERT_KINDS = ['assigned', 'overdue', 'due-soon', 'reach', 'groundswell'] as const satisfies readonly AlertKind[]
type MissingKinds = Exclude<AlertKind, (typeof ALERT_KINDS)[number]>
const everyKindListed: [MissingKinds] extends [never] ? true : MissingKinds = true
void everyKindListed

/** The header button and its dialog: which alerts become desktop notifications, and the browser's permission. */
export function NotificationSettings() {
  const { t } = useTranslation()
  const dialog = useRef<HTMLDialogElement>(null)
  return (
    <>
      <button type="button" className="secondary" onClick={() => dialog.current?.showModal()}>
        {t('notifications.open')}
      </button>
      <dialog ref={dialog} aria-labelledby="notifications-title" className="confirm settings-dialog">
        <h2 id="notifications-title">{t('notifications.title')}</h2>
        <p className="muted">{t('notifications.intro')}</p>
        <Permission />
        <KindToggles />
        <div className="actions">
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
            {t('notifications.close')}
          </button>
        </div>
      </dialog>
    </>
  )
}

/** Browsers ask for permission only after a user gesture: this button is that gesture. */
function Permission() {
  const { t } = useTranslation()
  const { data: info } = useQuery('app:info', () => api.invoke('app:info', {}))
  const [permission, setPermission] = useState(browserPermission)
  if (info?.host === 'electron') return <p>{t('notifications.permissionDesktop')}</p>
  if (permission === null) return <p>{t('notifications.permissionUnsupported')}</p>
  const text = {
    default: 'notifications.permissionDefault',
    granted: 'notifications.permissionGranted',
    denied: 'notifications.permissionDenied',
  } as const
  return (
    <div className="field-row permission">
      <p aria-live="polite">{t(text[permission])}</p>
      {permission === 'default' && (
        <button type="button" onClick={() => void Notification.requestPermission().then(setPermission)}>
          {t('notifications.allow')}
        </button>
      )}
    </div>
  )
}

function KindToggles() {
  const { t } = useTranslation()
  const { data: settings, reload } = useQuery('notifications', () => api.invoke('notifications:get', {}))
  useDbChanged(['settings'], null, reload)
  const [error, setError] = useState<unknown>(undefined)
  const toggle = async (kind: AlertKind, on: boolean): Promise<void> => {
    setError(undefined)
    try {
      await api.invoke('notifications:set', { kind, on })
    } catch (err) {
      setError(err)
    } finally {
      reload()
    }
  }
  return (
    <fieldset className="notification-kinds">
      <legend>{t('notifications.kinds')}</legend>
      {ALERT_KINDS.map((kind) => (
        <label key={kind} className="field inline">
          <input
            type="checkbox"
            checked={settings?.[kind] ?? false}
            disabled={!settings}
            onChange={(e) => void toggle(kind, e.target.checked)}
          />
          <span>{t(`notifications.kind.${kind}`)}</span>
        </label>
      ))}
      <ErrorMessage error={error} />
    </fieldset>
  )
}
