import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { FacebookPageChoice } from '../../../../shared/contract'
import { api } from '../../api/client'
import { ErrorMessage } from '../../components/Feedback'
import { ApiAddress } from './ApiAddress'

/**
 * Facebook Pages through a Page admin's user token: list the Pages it manages, pick some, and the
 * core keeps each Page's own token. The user token is used for these two calls and never stored.
 */
export function ConnectFacebook({ workspaceId }: { workspaceId: number }) {
  const { t } = useTranslation()
  const ids = useId()
  const [userToken, setUserToken] = useState('')
  const [baseUrl, setBaseUrl] = useState('')
  const [pages, setPages] = useState<FacebookPageChoice[] | null>(null)
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set())
  const [connected, setConnected] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(undefined)
  const login = () => ({ userToken, ...(baseUrl ? { baseUrl } : {}) })

  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true)
    setError(undefined)
    try {
      await work()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  const listPages = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      setPages(await api.invoke('connect:facebookPages', login()))
      setChosen(new Set())
    })
  }
  const connect = () =>
    void run(async () => {
      const accounts = await api.invoke('connect:facebook', { workspaceId, ...login(), pageIds: [...chosen] })
      setConnected(accounts.map((a) => a.handle))
      setPages(null)
      setUserToken('')
    })
  const toggle = (id: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })

  return (
    <section className="connect" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{t('connect.facebook.title')}</h3>
      <form onSubmit={listPages}>
        <p className="muted small">{t('connect.facebook.help')}</p>
        <label htmlFor={`${ids}-token`}>{t('connect.facebook.userToken')}</label>
        <input
          id={`${ids}-token`}
          type="password"
          autoComplete="off"
          value={userToken}
          required
          onChange={(e) => setUserToken(e.target.value)}
        />
        <ApiAddress value={baseUrl} onChange={setBaseUrl} />
        <button type="submit" disabled={busy || !userToken.trim()}>
          {t('connect.facebook.showPages')}
        </button>
      </form>
      {pages && (
        <fieldset>
          <legend>{t('connect.facebook.choose')}</legend>
          {pages.length === 0 && <p className="empty">{t('connect.facebook.noPages')}</p>}
          {pages.map((page) => (
            <label key={page.id} className="choice">
              <input
                type="checkbox"
                disabled={page.missingTasks.length > 0}
                checked={chosen.has(page.id)}
                onChange={(e) => toggle(page.id, e.target.checked)}
              />
              {page.name}
              {page.category && <span className="muted"> · {page.category}</span>}
              {page.missingTasks.length > 0 && (
                <span className="muted small">
                  {' '}
                  · {t('connect.facebook.missingTasks', { tasks: page.missingTasks.join(', ') })}
                </span>
              )}
            </label>
          ))}
          <button type="button" disabled={busy || chosen.size === 0} onClick={connect}>
            {t('connect.facebook.connect', { count: chosen.size })}
          </button>
        </fieldset>
      )}
      {connected.length > 0 && <p role="status">{t('connect.connected', { name: connected.join(', ') })}</p>}
      <ErrorMessage error={error} />
    </section>
  )
}
