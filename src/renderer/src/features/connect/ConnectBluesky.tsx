import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { ErrorMessage } from '../../components/Feedback'
import { ApiAddress } from './ApiAddress'

/**
 * Bluesky through an app password: one step, the core signs in and keeps only the session. The core
 * refuses the main password and says where an app password is made; that message is shown as is.
 */
export function ConnectBluesky({ workspaceId }: { workspaceId: number }) {
  const { t } = useTranslation()
  const ids = useId()
  const [handle, setHandle] = useState('')
  const [appPassword, setAppPassword] = useState('')
  const [baseUrl, setBaseUrl] = useState('')
  const [connected, setConnected] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(undefined)

  const connect = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const account = await api.invoke('connect:bluesky', {
        workspaceId,
        handle,
        appPassword,
        ...(baseUrl ? { baseUrl } : {}),
      })
      setConnected(account.handle)
      setHandle('')
    } catch (err) {
      setError(err)
    } finally {
      // The password leaves the page whatever the answer: a refused one is typed again anyway.
      setAppPassword('')
      setBusy(false)
    }
  }

  return (
    <section className="connect" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{t('connect.bluesky.title')}</h3>
      <form onSubmit={(e) => void connect(e)}>
        <p className="muted small">{t('connect.bluesky.help')}</p>
        <label htmlFor={`${ids}-handle`}>{t('connect.bluesky.handle')}</label>
        <input
          id={`${ids}-handle`}
          value={handle}
          required
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setHandle(e.target.value)}
        />
        <label htmlFor={`${ids}-password`}>{t('connect.bluesky.appPassword')}</label>
        <input
          id={`${ids}-password`}
          type="password"
          value={appPassword}
          required
          autoComplete="off"
          onChange={(e) => setAppPassword(e.target.value)}
        />
        <ApiAddress value={baseUrl} onChange={setBaseUrl} />
        <button type="submit" disabled={busy || !handle.trim() || !appPassword.trim()}>
          {t('connect.bluesky.connect')}
        </button>
      </form>
      {connected && <p role="status">{t('connect.connected', { name: connected })}</p>}
      <ErrorMessage error={error} />
    </section>
  )
}
