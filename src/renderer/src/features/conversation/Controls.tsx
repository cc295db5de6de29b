import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConversationRow, ConversationStatus } from '../../../../shared/domain'
import { api } from '../../api/client'
import { useQuery } from '../../api/hooks'
import { STATUSES } from '../../components/constants'
import { formatDateTime } from '../../components/format'
import { useTriage } from '../triage/triageStore'
import { TagEditor } from '../../components/TagEditor'

/** Runs a command, reports failure through `onError`, and refetches either way. */
export type Act = (run: () => Promise<unknown>) => Promise<boolean>

export function StatusControl({ conversation, act }: { conversation: ConversationRow; act: Act }) {
  const { t, i18n } = useTranslation()
  const change = (status: ConversationStatus): void => {
    // Snoozing asks until when (the triage snooze dialog); the other statuses apply at once.
    if (status === 'snoozed') useTriage.getState().openDialog({ kind: 'snooze', ids: [conversation.id] })
    else void act(() => api.invoke('conversation:setStatus', { conversationId: conversation.id, status }))
  }
  return (
    <label className="field">
      <span>{t('conversation.status')}</span>
      <select value={conversation.status} onChange={(e) => change(e.target.value as ConversationStatus)}>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {s === 'snoozed' && conversation.status !== 'snoozed' ? t('conversation.snoozeChoose') : t(`status.${s}`)}
          </option>
        ))}
      </select>
      {conversation.status === 'snoozed' && conversation.snoozedUntil !== null && (
        <span className="muted small">
          {t('conversation.snoozedUntil', { time: formatDateTime(i18n.language, conversation.snoozedUntil) })}
        </span>
      )}
    </label>
  )
}

export function AssigneeControl({ conversation, act }: { conversation: ConversationRow; act: Act }) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState(conversation.assignee ?? '')
  const submit = (e: FormEvent): void => {
    e.preventDefault()
    const assignee = draft.trim() || null
    if (assignee === conversation.assignee) return
    void act(() => api.invoke('conversation:assign', { conversationId: conversation.id, assignee }))
  }
  return (
    <form className="field-row" onSubmit={submit}>
      <label className="field">
        <span>{t('conversation.assignee')}</span>
        <input
          value={draft}
          maxLength={200}
          placeholder={t('inbox.unassigned')}
          onChange={(e) => setDraft(e.target.value)}
        />
      </label>
      <button type="submit">{t('conversation.assign')}</button>
    </form>
  )
}

export function TagControl({ conversation, act }: { conversation: ConversationRow; act: Act }) {
  const { t } = useTranslation()
  const workspaceId = conversation.workspaceId
  const { data: known } = useQuery(`tags:${workspaceId}`, () => api.invoke('tags:list', { workspaceId }))
  return (
    <div className="tag-control">
      <TagEditor
        tags={conversation.tags}
        known={known}
        listId={`tags-${conversation.id}`}
        labels={{
          list: t('conversation.tags'),
          newTag: t('conversation.newTag'),
          add: t('conversation.addTag'),
          remove: (tag) => t('conversation.removeTag', { tag }),
        }}
        toggle={(tag, on) => act(() => api.invoke('conversation:tag', { conversationId: conversation.id, tag, on }))}
      />
    </div>
  )
}

export function NoteForm({ conversationId, act }: { conversationId: number; act: Act }) {
  const { t } = useTranslation()
  const [body, setBody] = useState('')
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    if (!body.trim()) return
    if (await act(() => api.invoke('note:add', { conversationId, body }))) setBody('')
  }
  return (
    <form className="note-form" onSubmit={(e) => void submit(e)}>
      <label className="field">
        <span>{t('conversation.internalNote')}</span>
        <textarea
          value={body}
          rows={3}
          maxLength={10_000}
          placeholder={t('conversation.notePlaceholder')}
          onChange={(e) => setBody(e.target.value)}
        />
      </label>
      <button type="submit" disabled={!body.trim()}>
        {t('conversation.addNote')}
      </button>
    </form>
  )
}
