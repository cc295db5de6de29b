import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { useDbChanged, useQuery } from '../../api/hooks'
import { useRoute } from '../../app/routeStore'
import { ChannelBadge, Reach } from '../../components/Badges'
import { ErrorMessage, Loading } from '../../components/Feedback'
import { useNow } from '../../components/useNow'
import { SlaBadge } from '../sla/SlaBadge'
import { Composer } from '../composer/Composer'
import { usePendingReplies } from '../composer/PendingReplies'
import { ReplyOnSite } from '../watch/ReplyOnSite'
import { OutcomeControl } from '../outcomes/OutcomeControl'
import { AssigneeControl, NoteForm, StatusControl, TagControl, type Act } from './Controls'
import { Thread } from './Thread'

export function ConversationView({ conversationId }: { conversationId: number }) {
  const { t } = useTranslation()
  const now = useNow()
  const openContact = useRoute((s) => s.openContact)
  const close = useRoute((s) => s.openConversation)
  const { data, error, loading, reload } = useQuery(`conversation:${conversationId}`, () =>
    api.invoke('conversation:get', { conversationId }),
  )
  const [actionError, setActionError] = useState<unknown>(undefined)
  const workspaceId = data?.conversation.workspaceId ?? null
  useDbChanged(['conversations', 'messages', 'notes', 'tags'], workspaceId, reload)
  const pending = usePendingReplies(conversationId, workspaceId)

  const act: Act = useCallback(
    async (run) => {
      setActionError(undefined)
      try {
        await run()
        return true
      } catch (err) {
        setActionError(err)
        return false
      } finally {
        reload()
      }
    },
    [reload],
  )

  if (!data) return loading ? <Loading /> : <ErrorMessage error={error} />
  const { conversation: c, messages, notes } = data
  return (
    <article className="conversation" aria-labelledby="conversation-heading">
      <header className="conversation-head">
        <div className="title-row">
          <ChannelBadge channel={c.channel} />
          <h2 id="conversation-heading">{c.subject ?? t('conversation.noSubject')}</h2>
          <SlaBadge clock={c.sla} now={now} />
          <button type="button" className="close" aria-label={t('conversation.close')} onClick={() => close(null)}>
            ×
          </button>
        </div>
        <div className="contact-row">
          <button type="button" className="link" onClick={() => openContact(c.contactId)}>
            {c.contactName}
          </button>
          <Reach reach={c.contactReach} />
          <span className="muted">{t(`visibility.${c.visibility}`)}</span>
        </div>
        <div className="controls" role="group" aria-label={t('conversation.controls')}>
          <StatusControl conversation={c} act={act} />
          <AssigneeControl key={c.assignee ?? ''} conversation={c} act={act} />
          <TagControl conversation={c} act={act} />
          <OutcomeControl conversation={c} act={act} />
        </div>
        <ErrorMessage error={actionError ?? error} />
      </header>
      <Thread messages={messages} notes={notes} pending={pending.data ?? []} />
      <ErrorMessage error={pending.error} />
      {c.channel === 'web' ? (
        <ReplyOnSite conversationId={c.id} />
      ) : (
        <Composer conversation={c} messages={messages} onQueued={pending.reload} />
      )}
      <NoteForm conversationId={c.id} act={act} />
    </article>
  )
}
