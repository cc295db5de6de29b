import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../../components/Feedback'
import { useInbox } from '../inbox/inboxStore'
import { runBulk } from './actions'
import { Modal } from './Modal'
import { useTriage } from './triageStore'

/** "a": assign to a name, the current agent first (so a then Enter means "mine"), or unassign. */
export function AssignDialog({ ids, onClosed }: { ids: number[]; onClosed: () => void }) {
  const { t } = useTranslation()
  const agent = useTriage((s) => s.agent)
  const known = useInbox((s) => s.knownAssignees)
  const error = useTriage((s) => s.error)
  const [draft, setDraft] = useState<string | null>(null)
  const name = draft ?? agent ?? ''
  const listId = useId()

  const assign = async (assignee: string | null, close: () => void): Promise<void> => {
    if (await runBulk(ids, { kind: 'assign', assignee })) close()
  }
  const submit = (e: FormEvent, close: () => void): void => {
    e.preventDefault()
    if (name.trim()) void assign(name.trim(), close)
  }

  return (
    <Modal labelledBy="assign-title" className="triage-dialog" onClosed={onClosed}>
      {(close) => (
        <form onSubmit={(e) => submit(e, close)}>
          <h2 id="assign-title">{t('triage.assign.title')}</h2>
          <p className="muted">{t('triage.conversations', { count: ids.length })}</p>
          <label className="field">
            <span>{t('triage.assign.to')}</span>
            <input
              // The dialog opens on this field, with the suggestion selected: Enter takes it, typing replaces it.
              autoFocus
              onFocus={(e) => e.target.select()}
              value={name}
              maxLength={200}
              list={listId}
              onChange={(e) => setDraft(e.target.value)}
            />
            <datalist id={listId}>
              {[...new Set([...(agent ? [agent] : []), ...known])].map((n) => (
                <option key={n} value={n} />
              ))}
            </datalist>
          </label>
          <ErrorMessage error={error} />
          <div className="actions">
            <button type="button" className="secondary" onClick={close}>
              {t('triage.cancel')}
            </button>
            <button type="button" className="secondary" onClick={() => void assign(null, close)}>
              {t('triage.assign.unassign')}
            </button>
            <button type="submit" disabled={!name.trim()}>
              {t('triage.assign.submit')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  )
}
