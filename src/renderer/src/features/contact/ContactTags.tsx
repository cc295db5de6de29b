import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContactProfile } from '../../../../shared/commands/contacts'
import { api } from '../../api/client'
import { useQuery } from '../../api/hooks'
import type { Act } from './useAct'

/** The contact's tags; the workspace's known tags (shared with conversations) are offered while typing. */
export function ContactTags({ contact, act }: { contact: ContactProfile; act: Act }) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState('')
  const workspaceId = contact.workspaceId
  // Keyed by the contact's tags, so a tag just created is offered at once elsewhere.
  const { data: known } = useQuery(`tags:${workspaceId}:${contact.tags.join()}`, () =>
    api.invoke('tags:list', { workspaceId }),
  )
  const toggle = (tag: string, on: boolean) => act(() => api.invoke('contact:tag', { contactId: contact.id, tag, on }))
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    const tag = draft.trim()
    if (!tag || contact.tags.some((x) => x.toLowerCase() === tag.toLowerCase())) return
    if (await toggle(tag, true)) setDraft('')
  }
  return (
    <section className="contact-section" aria-labelledby="contact-tags-heading">
      <h3 id="contact-tags-heading">{t('contact.tags')}</h3>
      <ul className="tags" aria-label={t('contact.tags')}>
        {contact.tags.map((tag) => (
          <li key={tag} className="tag">
            {tag}
            <button
              type="button"
              className="tag-remove"
              aria-label={t('contact.removeTag', { tag })}
              onClick={() => void toggle(tag, false)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="field-row" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('contact.newTag')}</span>
          <input value={draft} maxLength={200} list="contact-tag-options" onChange={(e) => setDraft(e.target.value)} />
          <datalist id="contact-tag-options">
            {known
              ?.filter((k) => !contact.tags.includes(k))
              .map((k) => (
                <option key={k} value={k} />
              ))}
          </datalist>
        </label>
        <button type="submit">{t('contact.addTag')}</button>
      </form>
    </section>
  )
}
