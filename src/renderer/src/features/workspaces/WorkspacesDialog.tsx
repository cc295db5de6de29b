import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { useDbChanged, useQuery } from '../../api/hooks'
import { useRoute } from '../../app/routeStore'
import { ErrorMessage } from '../../components/Feedback'
import { WorkspaceItem } from './WorkspaceItem'
import { useWorkspaceList } from './workspaceList'

/** The header button and its dialog: create, rename, archive or restore, and export workspaces. */
export function WorkspacesDialog() {
  const { t } = useTranslation()
  const dialog = useRef<HTMLDialogElement>(null)
  const [open, setOpen] = useState(false)
  return (
    <>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setOpen(true)
          dialog.current?.showModal()
        }}
      >
        {t('workspaces.manage')}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="workspaces-title"
        className="confirm workspaces-dialog"
        onClose={() => setOpen(false)}
      >
        <h2 id="workspaces-title">{t('workspaces.title')}</h2>
        {/* Mounted while open only: each opening starts from a fresh list and empty forms. */}
        {open && <WorkspacesPanel close={() => dialog.current?.close()} />}
        <div className="actions">
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
            {t('workspaces.close')}
          </button>
        </div>
      </dialog>
    </>
  )
}

function WorkspacesPanel({ close }: { close: () => void }) {
  const { t } = useTranslation()
  const [showArchived, setShowArchived] = useState(false)
  const {
    data: workspaces,
    error,
    reload,
  } = useQuery(`workspaces:${showArchived}`, () => api.invoke('workspaces:list', { includeArchived: showArchived }))
  useDbChanged(['workspaces', 'conversations'], null, reload)
  return (
    <>
      <CreateWorkspace onCreated={close} />
      <label className="field inline">
        <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
        <span>{t('workspaces.showArchived')}</span>
      </label>
      <ErrorMessage error={error} />
      <ul className="workspace-list" aria-label={t('workspaces.list')}>
        {workspaces?.map((w) => (
          <WorkspaceItem key={w.id} workspace={w} onOpen={close} />
        ))}
      </ul>
    </>
  )
}

/** A new workspace opens at once, so its empty inbox can say what to do next. */
function CreateWorkspace({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(undefined)
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    if (!name.trim() || busy) return
    setBusy(true)
    setError(undefined)
    try {
      const created = await api.invoke('workspaces:create', { name })
      // The switcher falls back to the first workspace it knows: it must know the new one first.
      await useWorkspaceList.getState().load()
      useRoute.getState().setWorkspace(created.id)
      setName('')
      onCreated()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="create-workspace" onSubmit={(e) => void submit(e)} aria-labelledby="new-workspace-heading">
      <h3 id="new-workspace-heading">{t('workspaces.newHeading')}</h3>
      <div className="field-row">
        <label className="field grow">
          <span>{t('workspaces.newName')}</span>
          <input value={name} maxLength={200} required onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" disabled={busy || !name.trim()}>
          {t('workspaces.create')}
        </button>
      </div>
      <ErrorMessage error={error} />
    </form>
  )
}
