import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { EventMap, ImportInspection } from '../../../../shared/contract'
import { api } from '../../api/client'
import { useQuery } from '../../api/hooks'
import { useRoute } from '../../app/routeStore'
import { ErrorMessage } from '../../components/Feedback'
import { CsvMappingStep, isUsableMapping, type Mapping } from './CsvMappingStep'
import { describeArchiveImport, describeImport, parseAddresses, parsePaths } from './importText'

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

/** What a finished import says, and where its progress bar ends. */
interface Outcome {
  text: string
  total: number
  quarantined: number
}

function ImportForm({ workspaceId, paths, setPaths, close }: ImportFormProps) {
  const { t, i18n } = useTranslation()
  const [addresses, setAddresses] = useState('')
  const [running, setRunning] = useState(false)
  const [progress, setProgress] = useState<Progress | null>(null)
  const [result, setResult] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(undefined)
  // A contacts CSV waits here for its column mapping before anything is imported.
  const [csv, setCsv] = useState<ImportInspection | null>(null)
  const [mapping, setMapping] = useState<Mapping>({})
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

  /** Runs one step; a step that imported says what happened, one that only looked returns null. */
  const run = async (step: () => Promise<Outcome | null>): Promise<void> => {
    setRunning(true)
    setResult(null)
    setNotice(null)
    setError(undefined)
    setProgress(null)
    listening.current = true
    try {
      const outcome = await step()
      if (outcome) {
        setResult(outcome.text)
        setProgress({ done: outcome.total, total: outcome.total, quarantined: outcome.quarantined })
      }
    } catch (err) {
      setError(err)
    } finally {
      listening.current = false
      setRunning(false)
    }
  }

  const importArchive = async (path: string, csvMapping?: Mapping): Promise<Outcome> => {
    const summary = await api.invoke('import:archive', {
      workspaceId,
      path,
      ...(csvMapping ? { mapping: csvMapping } : {}),
    })
    return {
      text: describeArchiveImport(t, i18n.language, summary),
      total: summary.total,
      quarantined: summary.quarantined,
    }
  }

  /** Mail goes straight in; an archive or a CSV is imported on its own, a CSV after its mapping. */
  const submit = (e: FormEvent): void => {
    e.preventDefault()
    const list = parsePaths(paths)
    if (list.length === 0 || running) return
    void run(async () => {
      const inspections = await api.invoke('import:inspect', { paths: list })
      const archive = inspections.find((i) => i.kind !== 'mail')
      if (!archive) {
        const summary = await api.invoke('import:mail', {
          workspaceId,
          paths: list,
          ownAddresses: parseAddresses(addresses),
        })
        return {
          text: describeImport(t, i18n.language, summary),
          total: summary.total,
          quarantined: summary.quarantined,
        }
      }
      if (inspections.length > 1) {
        setNotice(t('import.oneArchive'))
        return null
      }
      if (archive.kind === 'contacts-csv') {
        setCsv(archive)
        setMapping(archive.csv?.suggested ?? {})
        return null
      }
      return importArchive(archive.path)
    })
  }

  const submitMapping = (e: FormEvent): void => {
    e.preventDefault()
    if (!csv || running || !isUsableMapping(mapping)) return
    void run(async () => {
      const outcome = await importArchive(csv.path, mapping)
      setCsv(null)
      return outcome
    })
  }

  const feedback = (
    <>
      {(running || progress) && <ImportProgress progress={progress} />}
      {result && (
        <p role="status" className="import-result">
          {result}
        </p>
      )}
      {notice && (
        <p role="alert" className="reconnect-alert">
          {notice}
        </p>
      )}
      <ErrorMessage error={error} />
    </>
  )

  if (csv?.csv) {
    return (
      <form className="import-form" onSubmit={submitMapping}>
        <h2 id="import-title">{t('import.title')}</h2>
        <ImportTarget workspaceId={workspaceId} />
        <CsvMappingStep file={csv.path} preview={csv.csv} mapping={mapping} onChange={setMapping} />
        {feedback}
        <div className="actions">
          <button type="button" className="secondary" disabled={running} onClick={() => setCsv(null)}>
            {t('import.csv.back')}
          </button>
          <button type="submit" disabled={running || !isUsableMapping(mapping)}>
            {running ? t('import.running') : t('import.csv.start')}
          </button>
        </div>
      </form>
    )
  }

  return (
    <form className="import-form" onSubmit={submit}>
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
      {feedback}
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
