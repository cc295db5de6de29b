import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Workspace } from '../../../../shared/domain'
import { api } from '../../api/client'
import { useRoute } from '../../app/routeStore'
import { ErrorMessage } from '../../components/Feedback'
import { ExportWorkspace } from './ExportWorkspace'
import { useWorkspaceList } from './workspaceList'

type Open = 'none' | 'rename' | 'export'

/** One workspace in the dialog: what it is, and what can be done with it. */
export function WorkspaceItem({ workspace: w, onOpen }: { workspace: Workspace; onOpen: () => void }) {
  const { t } = useTranslation()
  const currentId = useRoute((s) => s.workspaceId)
  const [open, setOpen] = useState<Open>('none')
  const [error, setError] = useState<unknown>(undefined)
  const archived = w.archivedAt !== null
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setError(undefined)
    try {
      await action()
      return true
    } catch (err) {
      setError(err)
      return false
    }
  }
  const switchTo = (): void => {
    useRoute.getState().setWorkspace(w.id)
    onOpen()
  }
  // The switcher's list follows, so an archived workspace leaves it (and a restored one returns) at once.
  const setArchived = (value: boolean) =>
    run(async () => {
      await api.invoke('workspaces:archive', { workspaceId: w.id, archived: value })
      await useWorkspaceList.getState().load()
    })

  return (
    <li className="workspace-item" aria-label={w.name}>
      <div className="workspace-line">
        <span className="strong ellipsis">{w.name}</span>
        {archived && <span className="badge">{t('workspaces.archived')}</span>}
        {w.id === currentId && <span className="badge current">{t('workspaces.current')}</span>}
        <span className="muted small">{t('workspaces.conversations', { count: w.conversationCount })}</span>
      </div>
      <div className="workspace-actions">
        {!archived && w.id !== currentId && (
          <button type="button" aria-label={t('workspaces.switchToLabel', { name: w.name })} onClick={switchTo}>
            {t('workspaces.switchTo')}
          </button>
        )}
        <button
          type="button"
          aria-label={t('workspaces.renameLabel', { name: w.name })}
          aria-expanded={open === 'rename'}
          onClick={() => setOpen(open === 'rename' ? 'none' : 'rename')}
        >
          {t('workspaces.rename')}
        </button>
        <button
          type="button"
          aria-label={t('workspaces.exportLabel', { name: w.name })}
          aria-expanded={open === 'export'}
          onClick={() => setOpen(open === 'export' ? 'none' : 'export')}
        >
          {t('workspaces.export')}
        </button>
        {archived ? (
          <button
            type="button"
            aria-label={t('workspaces.restoreLabel', { name: w.name })}
            onClick={() => void setArchived(false)}
          >
            {t('workspaces.restore')}
          </button>
        ) : (
          <button
            type="button"
            aria-label={t('workspaces.archiveLabel', { name: w.name })}
            onClick={() => void setArchived(true)}
          >
            {t('workspaces.archive')}
          </button>
        )}
      </div>
      {open === 'rename' && <RenameForm workspace={w} done={() => setOpen('none')} run={run} />}
      {open === 'export' && <ExportWorkspace workspace={w} />}
      <ErrorMessage error={error} />
    </li>
  )
}

function RenameForm({
  workspace,
  done,
  run,
}: {
  workspace: Workspace
  done: () => void
  run: (action: () => Promise<unknown>) => Promise<boolean>
}) {
  const { t } = useTranslation()
  const [name, setName] = useState(workspace.name)
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    if (!name.trim()) return
    const renamed = await run(async () => {
      await api.invoke('workspaces:rename', { workspaceId: workspace.id, name })
      await useWorkspaceList.getState().load()
    })
    if (renamed) done()
  }
  return (
    <form className="field-row" onSubmit={(e) => void submit(e)}>
      <label className="field grow">
        <span>{t('workspaces.newNameFor', { name: workspace.name })}</span>
        <input value={name} maxLength={200} required autoFocus onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="submit" disabled={!name.trim()}>
        {t('workspaces.save')}
      </button>
      <button type="button" className="secondary" onClick={done}>
        {t('workspaces.cancel')}
      </button>
    </form>
  )
}
