import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { EventMap, ImportSummary } from '../../../../shared/contract'
import { api } from '../../api/client'
import { useQuery } from '../../api/hooks'
import { useRoute } from '../../app/routeStore'
import { ErrorMessage } from '../../components/Feedback'
import { describeImport, parseAddresses, parsePaths } from './importText'

type Progress = Omit<EventMap['import:progress'], 'workspaceId'>

/** The button that opens the import dialog; the dialog stays mounted so a running import keeps its state. */
export function ImportMail({ workspaceId }: { workspaceId: number }) {
  const { t } = useTranslation()
  const dialog = useRef<HTMLDialogElement>(null)
  const [paths, setPaths] = useState('')
  // The desktop menu's picker (app:menu) leaves its paths in the route store, also before this view mounts.
  useEffect(() => {
    const take = (picked: string[] | null): void => {
      if (picked === null) return
      useRoute.getState().clearImportRequest()
      setPaths(picked.join('\n'))
      if (!dialog.current?.open) dialog.current?.showModal()
    }
    take(useRoute.getState().importPaths)
    return useRoute.subscribe((state) => take(state.importPaths))
  }, [])
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()}>
        {t('import.open')}
      </button>
      <dialog ref={dialog} aria-labelledby="import-title" className="confirm import-dialog">
        <ImportForm workspaceId={workspaceId} paths={paths} setPaths={setPaths} close={() => dialog.current?.close()} />
      </dialog>
    </>
  )
}

interface ImportFormProps {
  workspaceId: number
  paths: string
  setPaths: (paths: string) => void
  close: () => void
}

function ImportForm({ workspaceId, paths, setPaths, close }: ImportFormProps) {
  const { t, i18n } = useTranslation()
  const [addresses, setAddresses] = useState('')
  const [running, setRunning] = useState(false)
  const [progress, setProgress] = useState<Progress | null>(null)
  const [result, setResult] = useState<ImportSummary | null>(null)
  const [error, setError] = useState<unknown>(undefined)
  const pathsHint = useId()
  const listening = useRef(false)
  // Progress events carry no import id, so only those arriving while our import runs are taken.
  useEffect(
    () =>
      api.on('import:progress', (p) => {
        if (listening.current && p.workspaceId === workspaceId) setProgress(p)
      }),
    [workspaceId],
  )

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    const list = parsePaths(paths)
    if (list.length === 0 || running) return
    setRunning(true)
    setResult(null)
    setError(undefined)
    setProgress(null)
    listening.current = true
    try {
      const summary = await api.invoke('import:mail', {
        workspaceId,
        paths: list,
        ownAddresses: parseAddresses(addresses),
      })
      setResult(summary)
      setProgress({ done: summary.total, total: summary.total, quarantined: summary.quarantined })
    } catch (err) {
      setError(err)
    } finally {
      listening.current = false
      setRunning(false)
    }
  }

  return (
    <form className="import-form" onSubmit={(e) => void submit(e)}>
      <h2 id="import-title">{t('import.title')}</h2>
      <p className="muted" id={pathsHint}>
        {t('import.intro')}
      </p>
      <ImportTarget workspaceId={workspaceId} />
      <label className="field">
        <span>{t('import.paths')}</span>
        <textarea
          value={paths}
          rows={4}
          required
          aria-describedby={pathsHint}
          placeholder={t('import.pathsPlaceholder')}
          onChange={(e) => setPaths(e.target.value)}
        />
      </label>
      <label className="field">
        <span>{t('import.ownAddresses')}</span>
        <input
          value={addresses}
          placeholder={t('import.ownAddressesPlaceholder')}
          onChange={(e) => setAddresses(e.target.value)}
        />
        <span className="muted small">{t('import.ownAddressesHint')}</span>
      </label>
      {(running || progress) && <ImportProgress progress={progress} />}
      {result && (
        <p role="status" className="import-result">
          {describeImport(t, i18n.language, result)}
        </p>
      )}
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" className="secondary" onClick={close}>
          {t('import.close')}
        </button>
        <button type="submit" disabled={running || parsePaths(paths).length === 0}>
          {running ? t('import.running') : t('import.start')}
        </button>
      </div>
    </form>
  )
}

/** Indeterminate until the core has counted the messages; then "n of m". */
function ImportProgress({ progress }: { progress: Progress | null }) {
  const { t, i18n } = useTranslation()
  const n = (value: number): string => new Intl.NumberFormat(i18n.language).format(value)
  const known = progress !== null && progress.total > 0
  return (
    <div className="import-progress">
      <progress aria-label={t('import.progress')} {...(known ? { value: progress.done, max: progress.total } : {})} />
      <span className="muted small">
        {known ? t('import.progressText', { done: n(progress.done), total: n(progress.total) }) : t('import.counting')}
      </span>
    </div>
  )
}

/** Names the workspace the mail goes into, so a menu-started import is confirmed for the right one. */
function ImportTarget({ workspaceId }: { workspaceId: number }) {
  const { t } = useTranslation()
  const { data: workspaces } = useQuery('workspaces', () => api.invoke('workspaces:list', {}))
  const name = workspaces?.find((w) => w.id === workspaceId)?.name
  return name === undefined ? null : <p className="import-target">{t('import.target', { name })}</p>
}
