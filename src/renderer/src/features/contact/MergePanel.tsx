import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContactMerge, ContactProfile } from '../../../../shared/commands/contacts'
import { api } from '../../api/client'
import { useQuery } from '../../api/hooks'
import { formatDateTime } from '../../components/format'
import { Confidence, ReasonText, SuggestionItem } from '../merges/SuggestionItem'
import type { Act } from './useAct'

/** Merges into this contact (each can be undone), likely duplicates of it, and merging another by hand. */
export function MergePanel({
  contact,
  act,
  onSeparated,
}: {
  contact: ContactProfile
  act: Act
  onSeparated: (contactId: number, name: string) => void
}) {
  const { t } = useTranslation()
  return (
    <section className="contact-section" aria-labelledby="merge-heading">
      <h3 id="merge-heading">{t('contact.merging')}</h3>
      <MergeHistory merges={contact.merges} act={act} onSeparated={onSeparated} />
      <LikelyDuplicates contact={contact} act={act} />
      <ManualMerge contact={contact} act={act} />
    </section>
  )
}

function MergeHistory({
  merges,
  act,
  onSeparated,
}: {
  merges: ContactMerge[]
  act: Act
  onSeparated: (contactId: number, name: string) => void
}) {
  const { t, i18n } = useTranslation()
  if (merges.length === 0) return null
  const undo = (m: ContactMerge) =>
    void act(async () => {
      await api.invoke('contact:unmerge', { mergeId: m.id })
      onSeparated(m.absorbedId, m.absorbedName)
    })
  return (
    <ul className="merge-history" aria-label={t('contact.mergedHere')}>
      {merges.map((m) => (
        <li key={m.id} className="merge-entry">
          <span>
            {t('contact.mergedFrom', {
              name: m.absorbedName,
              by: m.mergedBy,
              time: formatDateTime(i18n.language, m.mergedAt),
            })}
          </span>
          {m.reasons.length > 0 && (
            <span className="muted small">
              {m.reasons.map((r, i) => (
                <span key={`${r.kind}:${r.value}`}>
                  {i > 0 && '; '}
                  <ReasonText reason={r} />
                </span>
              ))}
            </span>
          )}
          {m.confidence !== null ? (
            <Confidence value={m.confidence} />
          ) : (
            <span className="muted small">{t('contact.mergedByHand')}</span>
          )}
          <button type="button" onClick={() => undo(m)} aria-label={t('contact.undoMergeOf', { name: m.absorbedName })}>
            {t('contact.undoMerge')}
          </button>
        </li>
      ))}
    </ul>
  )
}

function LikelyDuplicates({ contact, act }: { contact: ContactProfile; act: Act }) {
  const { t } = useTranslation()
  const { workspaceId, id } = contact
  // Keyed by what can change the answer: merges into this contact and its identities.
  const key = `merge-around:${id}:${contact.merges.length}:${contact.identities.length}`
  const { data, reload } = useQuery(key, () =>
    api.invoke('merge:suggestions', { workspaceId, contactId: id, limit: 10 }),
  )
  if (!data || data.length === 0) return null
  const run = (command: () => Promise<unknown>) => void act(command).then(reload)
  return (
    <div className="likely-duplicates">
      <h4>{t('contact.likelyDuplicates')}</h4>
      <ul className="suggestions" aria-label={t('contact.likelyDuplicates')}>
        {data.map((s) => (
          <SuggestionItem
            key={s.contacts.map((c) => c.id).join('+')}
            suggestion={s}
            keep={id}
            onMerge={(survivorId, absorbedId) => run(() => api.invoke('contact:merge', { survivorId, absorbedId }))}
            onDismiss={(a, b) => run(() => api.invoke('merge:dismiss', { contactIds: [a, b] }))}
          />
        ))}
      </ul>
    </div>
  )
}

/** Finds another contact by name, address or handle and merges it into this one. */
function ManualMerge({ contact, act }: { contact: ContactProfile; act: Act }) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState('')
  const [query, setQuery] = useState('')
  const { workspaceId } = contact
  const { data } = useQuery(query ? `merge-pick:${workspaceId}:${query}` : null, () =>
    api.invoke('search:query', { workspaceId, query, limit: 10 }),
  )
  const taken = new Set([contact.id, ...contact.merges.map((m) => m.absorbedId)])
  const hits = data?.contacts.filter((h) => !taken.has(h.contactId)) ?? []
  const submit = (e: FormEvent): void => {
    e.preventDefault()
    setQuery(draft.trim())
  }
  const merge = (absorbedId: number) =>
    void act(async () => {
      await api.invoke('contact:merge', { survivorId: contact.id, absorbedId })
      setQuery('')
      setDraft('')
    })
  return (
    <div className="manual-merge">
      <form className="field-row" role="search" onSubmit={submit}>
        <label className="field grow">
          <span>{t('contact.mergeSearch')}</span>
          <input type="search" value={draft} maxLength={200} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <button type="submit" disabled={!draft.trim()}>
          {t('contact.findContact')}
        </button>
      </form>
      {query && data && hits.length === 0 && <p className="muted small">{t('contact.noOtherContacts')}</p>}
      {hits.length > 0 && (
        <ul className="merge-candidates" aria-label={t('contact.mergeCandidates')}>
          {hits.map((h) => (
            <li key={h.contactId} className="merge-candidate">
              <span className="strong">{h.displayName}</span>
              <span className="muted small ellipsis">{h.handles.join(', ')}</span>
              <button type="button" onClick={() => merge(h.contactId)}>
                {t('contact.mergeInto', { name: h.displayName })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
