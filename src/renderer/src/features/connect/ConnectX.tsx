import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Account } from '../../../../shared/domain'
import { api } from '../../api/client'
import { ExternalLink } from '../../components/ExternalLink'
import { ErrorMessage } from '../../components/Feedback'
import { ApiAddress } from './ApiAddress'

type Step =
  { kind: 'form' } | { kind: 'waiting'; signInId: string; authorizeUrl: string } | { kind: 'done'; account: Account }

/** Sign in with X (OAuth 2.0 + PKCE): the user's own X app id, X's consent page in the browser, back to Earshot. */
export function ConnectX({ workspaceId }: { workspaceId: number }) {
  const { t } = useTranslation()
  const clientIdField = useId()
  const [clientId, setClientId] = useState('')
  const [baseUrl, setBaseUrl] = useState('')
  const [step, setStep] = useState<Step>({ kind: 'form' })
  const [error, setError] = useState<unknown>(undefined)

  const begin = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setError(undefined)
    try {
      const started = await api.invoke('connect:xBegin', { workspaceId, clientId, ...(baseUrl ? { baseUrl } : {}) })
      setStep({ kind: 'waiting', ...started })
      // The desktop opens the consent page at once; the web host shows the link (a tab needs a click).
      if (window.earshot) void api.invoke('app:openExternal', { url: started.authorizeUrl })
      const account = await api.invoke('connect:xFinish', { signInId: started.signInId })
      setStep({ kind: 'done', account })
    } catch (err) {
      setError(err)
      setStep({ kind: 'form' })
    }
  }

  const cancel = (signInId: string): void => {
    void api.invoke('connect:xCancel', { signInId })
  }

  return (
    <section className="connect" aria-labelledby={`${clientIdField}-title`}>
      <h3 id={`${clientIdField}-title`}>{t('connect.x.title')}</h3>
      {step.kind === 'waiting' ? (
        <div role="status">
          <p>{t('connect.x.waiting')}</p>
          <ExternalLink href={step.authorizeUrl}>{t('connect.x.openConsent')}</ExternalLink>{' '}
          <button type="button" onClick={() => cancel(step.signInId)}>
            {t('connect.cancel')}
          </button>
        </div>
      ) : (
        <form onSubmit={(e) => void begin(e)}>
          <p className="muted small">{t('connect.x.help')}</p>
          <label htmlFor={clientIdField}>{t('connect.x.clientId')}</label>
          <input
            id={clientIdField}
            value={clientId}
            required
            autoComplete="off"
            onChange={(e) => setClientId(e.target.value)}
          />
          <ApiAddress value={baseUrl} onChange={setBaseUrl} />
          <button type="submit" disabled={!clientId.trim()}>
            {t('connect.x.signIn')}
          </button>
        </form>
      )}
      {step.kind === 'done' && <p role="status">{t('connect.connected', { name: step.account.handle })}</p>}
      <ErrorMessage error={error} />
    </section>
  )
}
