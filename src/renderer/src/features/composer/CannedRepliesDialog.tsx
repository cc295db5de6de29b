import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CannedReply } from '../../../../shared/contract'
import { api } from '../../api/client'
import { ErrorMessage, Loading } from '../../components/Feedback'
import { Modal } from '../triage/Modal'
import { CannedReplyForm } from './CannedReplyForm'
import { ComposerSettingsForm } from './ComposerSettingsForm'
import { useCannedReplies, useComposerSettings } from './useComposerData'

/** Editing: a reply's id, 'new', or nothing. */
type Editing = number | 'new' | null

/** The workspace's canned replies and the person's reply settings, in one dialog opened from the composer. */
export function CannedRepliesDialog({ workspaceId, onClosed }: { workspaceId: number; onClosed: () => void }) {
  const { t } = useTranslation()
  const id = useId()
  const replies = useCannedReplies(workspaceId)
  const settings = useComposerSettings()
  const [editing, setEditing] = useState<Editing>(null)

  return (
    <Modal labelledBy={`${id}-title`} className="canned-dialog" onClosed={onClosed}>
      {(close) => (
        <>
          <h2 id={`${id}-title`}>{t('composer.canned.dialogTitle')}</h2>
          {settings.data ? <ComposerSettingsForm settings={settings.data} /> : <ErrorMessage error={settings.error} />}
          {replies.data ? (
            <CannedList replies={replies.data} onEdit={setEditing} />
          ) : replies.loading ? (
            <Loading />
          ) : (
            <ErrorMessage error={replies.error} />
          )}
          {editing === null ? (
            <button type="button" onClick={() => setEditing('new')}>
              {t('composer.canned.new')}
            </button>
          ) : (
            <CannedReplyForm
              key={editing}
              workspaceId={workspaceId}
              reply={replies.data?.find((r) => r.id === editing)}
              onDone={() => setEditing(null)}
            />
          )}
          <div className="actions">
            <button type="button" onClick={close}>
              {t('composer.canned.close')}
            </button>
          </div>
        </>
      )}
    </Modal>
  )
}

function CannedList({ replies, onEdit }: { replies: CannedReply[]; onEdit: (id: number) => void }) {
  const { t } = useTranslation()
  if (replies.length === 0) return <p className="muted">{t('composer.canned.empty')}</p>
  return (
    <ul className="canned-list" aria-label={t('composer.canned.list')}>
      {replies.map((reply) => (
        <CannedListItem key={reply.id} reply={reply} onEdit={() => onEdit(reply.id)} />
      ))}
    </ul>
  )
}

function CannedListItem({ reply, onEdit }: { reply: CannedReply; onEdit: () => void }) {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useState<unknown>(undefined)
  const remove = async (): Promise<void> => {
    try {
      await api.invoke('canned:delete', { id: reply.id })
    } catch (err) {
      setError(err)
    }
  }
  return (
    <li>
      <span className="badge">{reply.language.toUpperCase()}</span> <span className="strong">{reply.title}</span>
      {confirming ? (
        <span className="canned-confirm">
          {t('composer.canned.confirmDelete', { title: reply.title })}{' '}
          <button type="button" onClick={() => void remove()}>
            {t('composer.canned.yes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('composer.canned.no')}
          </button>
        </span>
      ) : (
        <span className="canned-actions">
          <button type="button" onClick={onEdit} aria-label={t('composer.canned.edit', { title: reply.title })}>
            {t('composer.canned.editShort')}
          </button>
          <button
            type="button"
            onClick={() => setConfirming(true)}
            aria-label={t('composer.canned.delete', { title: reply.title })}
          >
            {t('composer.canned.deleteShort')}
          </button>
        </span>
      )}
      <ErrorMessage error={error} />
    </li>
  )
}
