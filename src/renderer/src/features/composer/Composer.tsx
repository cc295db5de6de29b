import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConversationRow, Message } from '../../../../shared/domain'
import { api } from '../../api/client'
import { ErrorMessage } from '../../components/Feedback'
import { useNow } from '../../components/useNow'
import { checkReply, replySubject, type ReplyCheck } from './replyRules'
import { useDraft } from './useDraft'

const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.userAgent)

interface ComposerProps {
  conversation: ConversationRow
  messages: readonly Message[]
  /** Called once the core has the reply in its outbox, so the pending list can refetch at once. */
  onQueued: () => void
}

/**
 * Writes a reply into the outbox. The channel's limits are checked here only to warn early; the
 * core checks them again and its message is shown if it still refuses.
 */
export function Composer({ conversation, messages, onQueued }: ComposerProps) {
  const { t } = useTranslation()
  const now = useNow()
  const [text, setText] = useDraft(conversation.id)
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<unknown>(undefined)
  const check = checkReply(conversation, messages, text, now)
  const hintId = useId()

  const send = async (): Promise<void> => {
    if (!check.canSend || sending) return
    setSending(true)
    setError(undefined)
    try {
      await api.invoke('reply:queue', { conversationId: conversation.id, bodyText: text })
      setText('')
      onQueued()
    } catch (err) {
      setError(err)
    } finally {
      setSending(false)
    }
  }
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault()
    void send()
  }
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      void send()
    }
  }

  return (
    <form className="composer" onSubmit={onSubmit}>
      {conversation.channel === 'email' && (
        <p className="composer-subject">
          <span className="muted">{t('composer.subject')}</span> <span>{replySubject(conversation.subject)}</span>
        </p>
      )}
      <label className="field">
        <span>{t('composer.reply')}</span>
        <textarea
          value={text}
          rows={4}
          maxLength={10_000}
          placeholder={t(`composer.placeholder.${conversation.visibility}`)}
          aria-describedby={hintId}
          aria-invalid={check.overLimit || undefined}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </label>
      <div className="composer-foot" id={hintId}>
        {check.windowClosed && <p className="notice">{t('composer.messengerWindowClosed')}</p>}
        <CharacterCount check={check} />
        <span className="muted small">{t(isMac() ? 'composer.shortcutMac' : 'composer.shortcut')}</span>
        <button type="submit" disabled={!check.canSend || sending}>
          {t('composer.send')}
        </button>
      </div>
      <ErrorMessage error={error} />
    </form>
  )
}

/** "n / 280" for X; over the limit it turns red and says by how much, so colour is not the only cue. */
function CharacterCount({ check }: { check: ReplyCheck }) {
  const { t } = useTranslation()
  if (!check.count) return null
  const { used, limit } = check.count
  return (
    <span className={check.overLimit ? 'char-count over' : 'char-count'}>
      {`${used} / ${limit}`}
      {check.overLimit && <> · {t('composer.tooLong', { count: used - limit })}</>}
    </span>
  )
}
