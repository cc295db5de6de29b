import { useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConversationRow, Message } from '../../../../shared/domain'
import { withMention } from '../../../../shared/openNetworkLength'
import { prependUndone, replySubject } from '../../../../shared/replyRules'
import { api } from '../../api/client'
import { ErrorMessage } from '../../components/Feedback'
import { useNow } from '../../components/useNow'
import { CannedPicker } from './CannedPicker'
import { CannedRepliesDialog } from './CannedRepliesDialog'
import { useComposerStore } from './composerStore'
import { QuoteOption, quoteLanguageOf } from './QuoteOption'
import { checkReply, latestInbound, type ReplyCheck } from './replyRules'
import { useDraft, type DraftStatus } from './useDraft'
import { useReplyFacts, useTemplateValues } from './useComposerData'

const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.userAgent)

interface ComposerProps {
  conversation: ConversationRow
  messages: readonly Message[]
  /** Called once the core has the reply in its outbox, so the pending list can refetch at once. */
  onQueued: () => void
}

/**
 * Writes a reply into the outbox. The channel's limits are checked here only to warn early; the
 * core checks them again and its message is shown if it still refuses. The draft lives in the core.
 */
export function Composer({ conversation, messages, onQueued }: ComposerProps) {
  const { t, i18n } = useTranslation()
  const now = useNow()
  const draft = useDraft(conversation.id)
  const values = useTemplateValues(conversation.id, conversation.workspaceId)
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<unknown>(undefined)
  const [quote, setQuote] = useState(true)
  const [managing, setManaging] = useState(false)
  const textarea = useRef<HTMLTextAreaElement>(null)
  const caret = useRef<number | null>(null)
  const facts = useReplyFacts(conversation)
  const check = checkReply(conversation, messages, draft.text, now, facts)
  const mention = facts.mastodon?.mention ?? null
  const mentionAdded =
    mention !== null && draft.text.trim() !== '' && withMention(draft.text, mention) !== draft.text.trim()
  const original = conversation.channel === 'email' ? latestInbound(messages) : null
  const hintId = useId()
  useUndoneReplies(conversation.id, (text) => {
    draft.edit(prependUndone(text, draft.text))
    textarea.current?.focus()
  })

  // After an insertion, the caret goes to the end of the inserted text.
  useLayoutEffect(() => {
    if (caret.current === null || !textarea.current) return
    textarea.current.focus()
    textarea.current.setSelectionRange(caret.current, caret.current)
    caret.current = null
  })

  /** A canned reply goes where the caret is, replacing any selected text. */
  const insert = (text: string): void => {
    const field = textarea.current
    const start = field?.selectionStart ?? draft.text.length
    const end = field?.selectionEnd ?? draft.text.length
    draft.edit(draft.text.slice(0, start) + text + draft.text.slice(end))
    caret.current = start + text.length
  }

  const send = async (): Promise<void> => {
    if (!check.canSend || sending) return
    setSending(true)
    setError(undefined)
    try {
      // Every save made so far lands first: queueing clears the draft, and a late save must not revive it.
      await draft.flush()
      const quoteLanguage = original && quote ? { quote: { language: quoteLanguageOf(i18n.resolvedLanguage) } } : {}
      await api.invoke('reply:queue', { conversationId: conversation.id, bodyText: draft.text, ...quoteLanguage })
      draft.replace('')
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
    <>
      <form className="composer" onSubmit={onSubmit}>
        {conversation.channel === 'email' && (
          <p className="composer-subject">
            <span className="muted">{t('composer.subject')}</span> <span>{replySubject(conversation.subject)}</span>
          </p>
        )}
        <label className="field">
          <span>{t('composer.reply')}</span>
          <textarea
            ref={textarea}
            value={draft.text}
            rows={4}
            maxLength={10_000}
            readOnly={draft.status === 'loading'}
            placeholder={t(`composer.placeholder.${conversation.visibility}`)}
            aria-describedby={hintId}
            aria-invalid={check.overLimit || check.unfilled.length > 0 || undefined}
            onChange={(e) => draft.edit(e.target.value)}
            onKeyDown={onKeyDown}
          />
        </label>
        {original && <QuoteOption original={original} checked={quote} onChange={setQuote} />}
        <div className="composer-tools">
          <CannedPicker
            workspaceId={conversation.workspaceId}
            values={values.data ?? {}}
            onPick={insert}
            onManage={() => setManaging(true)}
          />
          <DraftStatusLine status={draft.status} empty={!draft.text.trim()} />
        </div>
        <div className="composer-foot" id={hintId}>
          {check.windowClosed && <p className="notice">{t('composer.messengerWindowClosed')}</p>}
          {check.unfilled.length > 0 && (
            <p className="notice">{t('composer.unfilled', { placeholders: check.unfilled.join(', ') })}</p>
          )}
          {mentionAdded && <p className="muted small">{t('composer.mastodonMention', { mention })}</p>}
          <CharacterCount check={check} />
          <span className="muted small">{t(isMac() ? 'composer.shortcutMac' : 'composer.shortcut')}</span>
          <button type="submit" disabled={!check.canSend || sending || draft.status === 'loading'}>
            {t('composer.send')}
          </button>
        </div>
        <ErrorMessage error={error ?? values.error} />
      </form>
      {managing && <CannedRepliesDialog workspaceId={conversation.workspaceId} onClosed={() => setManaging(false)} />}
    </>
  )
}

/** Hands this composer the text of every reply taken back ("Undo") in its conversation from now on. */
function useUndoneReplies(conversationId: number, onUndone: (text: string) => void): void {
  const latest = useRef(onUndone)
  useEffect(() => {
    latest.current = onUndone
  })
  useEffect(
    () =>
      useComposerStore.subscribe((state, before) => {
        const restored = state.restored
        if (restored && restored !== before.restored && restored.conversationId === conversationId)
          latest.current(restored.text)
      }),
    [conversationId],
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

/** Where the draft is: a person closing the window wants to know their text is kept. */
function DraftStatusLine({ status, empty }: { status: DraftStatus; empty: boolean }) {
  const { t } = useTranslation()
  return (
    <span role="status" className={status === 'failed' ? 'draft-status failed' : 'draft-status muted small'}>
      {status === 'saved' && empty ? '' : t(`composer.draft.${status}`)}
    </span>
  )
}
