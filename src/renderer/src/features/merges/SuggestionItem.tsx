import { useTranslation } from 'react-i18next'
import type { MergeReason, MergeSuggestion, SuggestedContact } from '../../../../shared/commands/contacts'
import { useRoute } from '../../app/routeStore'
import { ChannelBadge } from '../../components/Badges'

/** A reason in words: "Handle @helene_isst in a mail signature". */
export function ReasonText({ reason }: { reason: MergeReason }) {
  const { t } = useTranslation()
  return <>{t(`merges.reason.${reason.kind}`, { value: reason.value })}</>
}

export function Confidence({ value }: { value: number }) {
  const { t, i18n } = useTranslation()
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(value)
  return (
    <span className="confidence">
      <meter min={0} max={1} value={value} aria-label={t('merges.confidenceLabel')} />
      {t('merges.confidence', { percent })}
    </span>
  )
}

function SideOf({ contact }: { contact: SuggestedContact }) {
  const { t } = useTranslation()
  const openContact = useRoute((s) => s.openContact)
  return (
    <div className="suggestion-side">
      <button type="button" className="link strong" onClick={() => openContact(contact.id)}>
        {contact.displayName}
      </button>
      <span className="suggestion-channels">
        {contact.channels.map((c) => (
          <ChannelBadge key={c} channel={c} />
        ))}
      </span>
      <span className="muted small ellipsis">{contact.handles.join(', ')}</span>
      <span className="muted small">{t('merges.conversations', { count: contact.conversationCount })}</span>
    </div>
  )
}

/**
 * One suggested merge: both contacts, why Earshot thinks they are one person, how sure it is, and the
 * two answers. `keep` is the contact that stays (the suggestion's first unless the view says otherwise).
 */
export function SuggestionItem({
  suggestion,
  keep,
  onMerge,
  onDismiss,
}: {
  suggestion: MergeSuggestion
  keep?: number
  onMerge: (survivorId: number, absorbedId: number) => void
  onDismiss: (a: number, b: number) => void
}) {
  const { t } = useTranslation()
  const [first, second] = suggestion.contacts
  const [survivor, absorbed] = keep === second.id ? [second, first] : [first, second]
  const names = { a: survivor.displayName, b: absorbed.displayName }
  return (
    <li className="suggestion" aria-label={t('merges.pair', names)}>
      <div className="suggestion-pair">
        <SideOf contact={survivor} />
        <span aria-hidden="true" className="suggestion-join">
          ⇄
        </span>
        <SideOf contact={absorbed} />
      </div>
      <ul className="reasons" aria-label={t('merges.reasons')}>
        {suggestion.reasons.map((r) => (
          <li key={`${r.kind}:${r.value}`}>
            <ReasonText reason={r} />
          </li>
        ))}
      </ul>
      <div className="suggestion-actions">
        <Confidence value={suggestion.confidence} />
        <button type="button" onClick={() => onMerge(survivor.id, absorbed.id)}>
          {t('merges.merge')}
        </button>
        <button type="button" className="secondary" onClick={() => onDismiss(survivor.id, absorbed.id)}>
          {t('merges.dismiss')}
        </button>
      </div>
    </li>
  )
}
