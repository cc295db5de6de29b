import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { WorkspaceExport } from '../../../../shared/contract'
import type { Workspace } from '../../../../shared/domain'
import { api } from '../../api/client'
import { useQuery } from '../../api/hooks'
import { ErrorMessage } from '../../components/Feedback'
import { suggestExportFolder } from './exportFolder'

type Format = 'json' | 'csv'

/** Writes the workspace's tables into a folder the user names (the core refuses one with files in it). */
export function ExportWorkspace({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation()
  const { data: info } = useQuery('app:info', () => api.invoke('app:info', {}))
  const [folder, setFolder] = useState<string | null>(null)
  const [format, setFormat] = useState<Format>('json')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<WorkspaceExport | null>(null)
  const [error, setError] = useState<unknown>(undefined)
  const hint = useId()
  const shown = folder ?? (info ? suggestExportFolder(info.dataDir, workspace.name, new Date()) : '')

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    if (!shown.trim() || busy) return
    setBusy(true)
    setError(undefined)
    setResult(null)
    try {
      setResult(await api.invoke('workspaces:export', { workspaceId: workspace.id, folder: shown, format }))
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  const rows = result?.files.reduce((sum, f) => sum + f.rows, 0) ?? 0
  return (
    <form className="export-workspace" onSubmit={(e) => void submit(e)}>
      <label className="field">
        <span>{t('workspaces.exportFolder', { name: workspace.name })}</span>
        <input
          value={shown}
          maxLength={4096}
          required
          aria-describedby={hint}
          onChange={(e) => setFolder(e.target.value)}
        />
      </label>
      <p id={hint} className="muted small">
        {t('workspaces.exportFolderHint')}
      </p>
      <div className="field-row">
        <label className="field inline">
          <span>{t('workspaces.exportFormat')}</span>
          <select value={format} onChange={(e) => setFormat(e.target.value as Format)}>
            <option value="json">JSON</option>
            <option value="csv">CSV</option>
          </select>
        </label>
        <button type="submit" disabled={busy || !shown.trim()}>
          {busy ? t('workspaces.exporting') : t('workspaces.exportStart')}
        </button>
      </div>
      <p role="status" className="small">
        {result && t('workspaces.exported', { count: rows, folder: result.folder })}
      </p>
      <ErrorMessage error={error} />
    </form>
  )
}
