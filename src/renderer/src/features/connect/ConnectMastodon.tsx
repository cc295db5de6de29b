import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { ExternalLink } from '../../components/ExternalLink'
import { ErrorMessage } from '../../components/Feedback'

type Step = { kind: 'instance' } | { kind: 'code'; signInId: string; authorizeUrl: string; instance: string }

/**
 * Mastodon on any instance: the core registers Earshot there, the person allows it on the instance's
 * own page, and the instance shows a code (out-of-band redirect) that is pasted back here.
 */
export function ConnectMastodon({ workspaceId }: { workspaceId: number }) {
  const { t } = useTranslation()
  const ids = useId()
  const [instanceUrl, setInstanceUrl] = useState('')
  const [code, setCode] = useState('')
  const [step, setStep] = useState<Step>({ kind: 'instance' })
  const [connected, setConnected] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(undefined)

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
  const begin = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      const started = await api.invoke('connect:mastodonBegin', { workspaceId, instanceUrl })
      setStep({ kind: 'code', ...started, instance: new URL(started.authorizeUrl).host })
      setCode('')
      setConnected(null)
      // The desktop opens the consent page at once; the web host shows the link (a tab needs a click).
      if (window.earshot) void api.invoke('app:openExternal', { url: started.authorizeUrl })
    })
  }
  // A refused code keeps this step: the person can paste it again or fetch a new one from the same link.
  const finish = (signInId: string) => (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      const account = await api.invoke('connect:mastodonFinish', { signInId, code })
      setConnected(account.handle)
      setStep({ kind: 'instance' })
      setInstanceUrl('')
    })
  }
  const startOver = () => {
    setError(undefined)
    setStep({ kind: 'instance' })
  }

  return (
    <section className="connect" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{t('connect.mastodon.title')}</h3>
      {step.kind === 'code' ? (
        <form onSubmit={finish(step.signInId)}>
          <p>{t('connect.mastodon.codeHelp')}</p>
          <ExternalLink href={step.authorizeUrl}>
            {t('connect.mastodon.openConsent', { instance: step.instance })}
          </ExternalLink>
          <label htmlFor={`${ids}-code`}>{t('connect.mastodon.code')}</label>
          <input
            id={`${ids}-code`}
            value={code}
            required
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setCode(e.target.value)}
          />
          <div className="actions">
            <button type="submit" disabled={busy || !code.trim()}>
              {t('connect.mastodon.connect')}
            </button>
            <button type="button" onClick={startOver}>
              {t('connect.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <form onSubmit={begin}>
          <p className="muted small">{t('connect.mastodon.help')}</p>
          <label htmlFor={`${ids}-instance`}>{t('connect.mastodon.instance')}</label>
          <input
            id={`${ids}-instance`}
            value={instanceUrl}
            required
            autoComplete="url"
            spellCheck={false}
            placeholder="mastodon.social"
            onChange={(e) => setInstanceUrl(e.target.value)}
          />
          <button type="submit" disabled={busy || !instanceUrl.trim()}>
            {t('connect.mastodon.signIn')}
          </button>
        </form>
      )}
      {connected && <p role="status">{t('connect.connected', { name: connected })}</p>}
      <ErrorMessage error={error} />
    </section>
  )
}
