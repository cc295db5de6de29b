import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Workspace } from '../../../shared/domain'
import { api } from '../api/client'
import { ErrorMessage } from '../components/Feedback'

/** Removing a workspace deletes everything in it, so it always asks first, in a modal dialog. */
export function RemoveWorkspace({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation()
  const dialog = useRef<HTMLDialogElement>(null)
  const [error, setError] = useState<unknown>(undefined)

  const remove = async () => {
    try {
      await api.invoke('workspaces:remove', { workspaceId: workspace.id })
      dialog.current?.close()
    } catch (e) {
      setError(e)
    }
  }

  return (
    <>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setError(undefined)
          dialog.current?.showModal()
        }}
      >
        {t('app.removeWorkspace')}
      </button>
      <dialog ref={dialog} aria-labelledby="remove-workspace-title" className="confirm">
        <h2 id="remove-workspace-title">{t('app.removeWorkspaceTitle', { name: workspace.name })}</h2>
        <p>{t('app.removeWorkspaceBody')}</p>
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
            {t('app.cancel')}
          </button>
          <button type="button" className="danger" onClick={() => void remove()}>
            {t('app.remove')}
          </button>
        </div>
      </dialog>
    </>
  )
}
