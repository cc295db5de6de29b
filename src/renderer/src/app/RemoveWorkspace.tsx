import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Workspace } from '../../../shared/domain'
import { api, ApiError } from '../api/client'

/** Removing a workspace deletes everything in it, so it always asks first, in a modal dialog. */
export function RemoveWorkspace({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation()
  const dialog = useRef<HTMLDialogElement>(null)
  const [error, setError] = useState<string | null>(null)

  const remove = async () => {
    try {
      await api.invoke('workspaces:remove', { workspaceId: workspace.id })
      dialog.current?.close()
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e))
    }
  }

  return (
    <>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setError(null)
          dialog.current?.showModal()
        }}
      >
        {t('app.removeWorkspace')}
      </button>
      <dialog ref={dialog} aria-labelledby="remove-workspace-title" className="confirm">
        <h2 id="remove-workspace-title">{t('app.removeWorkspaceTitle', { name: workspace.name })}</h2>
        <p>{t('app.removeWorkspaceBody')}</p>
        {error && <p role="alert">{error}</p>}
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
