import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { useQuery } from '../../api/hooks'
import { useRoute } from '../../app/routeStore'
import { ErrorMessage } from '../../components/Feedback'
import { runBulk } from './actions'
import { Modal } from './Modal'
import { useTriage } from './triageStore'

/** Adds a tag to, or removes it from, every selected conversation. */
export function TagDialog({ ids, onClosed }: { ids: number[]; onClosed: () => void }) {
  const { t } = useTranslation()
  const workspaceId = useRoute((s) => s.workspaceId)
  const { data: known } = useQuery(workspaceId === null ? null : `tags:${workspaceId}`, () =>
    api.invoke('tags:list', { workspaceId: workspaceId! }),
  )
  const error = useTriage((s) => s.error)
  const [tag, setTag] = useState('')
  const listId = useId()

  const apply = async (on: boolean, close: () => void): Promise<void> => {
    if (tag.trim() && (await runBulk(ids, { kind: 'tag', tag: tag.trim(), on }))) close()
  }
  const submit = (e: FormEvent, close: () => void): void => {
    e.preventDefault()
    void apply(true, close)
  }

  return (
    <Modal labelledBy="tag-title" className="triage-dialog" onClosed={onClosed}>
      {(close) => (
        <form onSubmit={(e) => submit(e, close)}>
          <h2 id="tag-title">{t('triage.tag.title')}</h2>
          <p className="muted">{t('triage.conversations', { count: ids.length })}</p>
          <label className="field">
            <span>{t('triage.tag.tag')}</span>
            <input autoFocus value={tag} maxLength={200} list={listId} onChange={(e) => setTag(e.target.value)} />
            <datalist id={listId}>
              {known?.map((k) => (
                <option key={k} value={k} />
              ))}
            </datalist>
          </label>
          <ErrorMessage error={error} />
          <div className="actions">
            <button type="button" className="secondary" onClick={close}>
              {t('triage.cancel')}
            </button>
            <button type="button" className="secondary" disabled={!tag.trim()} onClick={() => void apply(false, close)}>
              {t('triage.tag.remove')}
            </button>
            <button type="submit" disabled={!tag.trim()}>
              {t('triage.tag.add')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  )
}
