import { useTranslation } from 'react-i18next'
import { isProductFeedbackTag, REDIRECT_TARGETS, type ConversationOutcome } from '../../../../shared/commands/outcomes'
import type { ConversationRow } from '../../../../shared/domain'
import { api } from '../../api/client'
import { useDbChanged, useQuery } from '../../api/hooks'
import type { Act } from '../conversation/Controls'
import { feedbackTagFor } from './feedbackTag'

const DERIVED = 'derived'
const CHOICES = ['answered', ...REDIRECT_TARGETS.map((to) => `redirected:${to}`), 'unanswered'] as const

const choiceOf = (outcome: ConversationOutcome): string =>
  outcome.kind === 'redirected' ? `redirected:${outcome.to}` : outcome.kind

function outcomeOf(choice: string): ConversationOutcome | null {
  if (choice === DERIVED) return null
  const [kind, to] = choice.split(':')
  if (kind === 'redirected') return { kind, to: to as (typeof REDIRECT_TARGETS)[number] }
  return { kind: kind as 'answered' | 'unanswered' }
}

/**
 * What became of the conversation (answered here, sent to the hotline or to email, unanswered) and
 * whether it is product feedback. Unless someone chooses, the outcome follows the messages.
 */
export function OutcomeControl({ conversation, act }: { conversation: ConversationRow; act: Act }) {
  const { t, i18n } = useTranslation()
  const conversationId = conversation.id
  const { data, reload } = useQuery(`outcome:${conversationId}`, () => api.invoke('outcome:get', { conversationId }))
  const { data: known } = useQuery(`tags:${conversation.workspaceId}`, () =>
    api.invoke('tags:list', { workspaceId: conversation.workspaceId }),
  )
  useDbChanged(['conversations', 'tags'], conversation.workspaceId, reload)
  const derived = conversation.firstReplyAt === null ? 'unanswered' : 'answered'
  const feedbackTag = conversation.tags.find(isProductFeedbackTag)

  const choose = (choice: string) =>
    void act(() => api.invoke('outcome:set', { conversationId, outcome: outcomeOf(choice) }))
  const toggleFeedback = (on: boolean) =>
    void act(() =>
      api.invoke('conversation:tag', {
        conversationId,
        tag: on ? feedbackTagFor(known ?? [], i18n.language) : feedbackTag!,
        on,
      }),
    )

  return (
    <div className="field-row outcome-control">
      <label className="field">
        <span>{t('outcomes.label')}</span>
        <select
          value={data === undefined || data.derived ? DERIVED : choiceOf(data.outcome)}
          disabled={data === undefined}
          onChange={(e) => choose(e.target.value)}
        >
          <option value={DERIVED}>{t('outcomes.derived', { outcome: t(`outcomes.choice.${derived}`) })}</option>
          {CHOICES.map((c) => (
            <option key={c} value={c}>
              {t(`outcomes.choice.${c.replace(':', '-')}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field inline">
        <input type="checkbox" checked={feedbackTag !== undefined} onChange={(e) => toggleFeedback(e.target.checked)} />
        <span>{t('outcomes.productFeedback')}</span>
      </label>
    </div>
  )
}
