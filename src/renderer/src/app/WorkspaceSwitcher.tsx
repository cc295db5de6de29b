import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useDbChanged } from '../api/hooks'
import { ErrorMessage } from '../components/Feedback'
import { WorkspacesDialog } from '../features/workspaces/WorkspacesDialog'
import { useWorkspaceList } from '../features/workspaces/workspaceList'
import { RemoveWorkspace } from './RemoveWorkspace'
import { useRoute } from './routeStore'

/** Picks the workspace every other view reads from; the first one is chosen on start. Archived ones are not offered. */
export function WorkspaceSwitcher() {
  const { t } = useTranslation()
  const workspaceId = useRoute((s) => s.workspaceId)
  const setWorkspace = useRoute((s) => s.setWorkspace)
  const workspaces = useWorkspaceList((s) => s.workspaces)
  const error = useWorkspaceList((s) => s.error)
  const load = useWorkspaceList((s) => s.load)
  useEffect(() => void load(), [load])
  useDbChanged(['workspaces'], null, () => void load())

  useEffect(() => {
    if (!workspaces) return
    if (workspaceId === null || !workspaces.some((w) => w.id === workspaceId)) {
      setWorkspace(workspaces[0]?.id ?? null)
    }
  }, [workspaces, workspaceId, setWorkspace])

  const current = workspaces?.find((w) => w.id === workspaceId)
  return (
    <div className="workspace-switcher">
      <label className="field inline">
        <span>{t('app.workspace')}</span>
        <select
          value={workspaceId ?? ''}
          onChange={(e) => setWorkspace(Number(e.target.value))}
          disabled={!workspaces || workspaces.length === 0}
        >
          {workspaces?.length === 0 && <option value="">{t('app.noWorkspace')}</option>}
          {workspaces?.map((w) => (
            <option key={w.id} value={w.id}>
              {demoLabel(w.name, w.isDemo, t('app.demoWorkspace', { name: w.name }))}
            </option>
          ))}
        </select>
      </label>
      <WorkspacesDialog />
      {current && <RemoveWorkspace workspace={current} />}
      <ErrorMessage error={error} />
    </div>
  )
}

/** Demo workspaces must read as demo; names that already say so are left alone. */
function demoLabel(name: string, isDemo: boolean, labelled: string): string {
  return isDemo && !/\bdemo\b/i.test(name) ? labelled : name
}
