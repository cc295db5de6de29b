import { useTranslation } from 'react-i18next'
import type { ContactProfile } from '../../../../shared/commands/contacts'
import { api } from '../../api/client'
import { useQuery } from '../../api/hooks'
import { TagEditor } from '../../components/TagEditor'
import type { Act } from './useAct'

/** The contact's tags; the workspace's known tags (shared with conversations) are offered while typing. */
export function ContactTags({ contact, act }: { contact: ContactProfile; act: Act }) {
  const { t } = useTranslation()
  const workspaceId = contact.workspaceId
  // Keyed by the contact's tags, so a tag just created is offered at once elsewhere.
  const { data: known } = useQuery(`tags:${workspaceId}:${contact.tags.join()}`, () =>
    api.invoke('tags:list', { workspaceId }),
  )
  return (
    <section className="contact-section" aria-labelledby="contact-tags-heading">
      <h3 id="contact-tags-heading">{t('contact.tags')}</h3>
      <TagEditor
        tags={contact.tags}
        known={known}
        listId="contact-tag-options"
        labels={{
          list: t('contact.tags'),
          newTag: t('contact.newTag'),
          add: t('contact.addTag'),
          remove: (tag) => t('contact.removeTag', { tag }),
        }}
        toggle={(tag, on) => act(() => api.invoke('contact:tag', { contactId: contact.id, tag, on }))}
      />
    </section>
  )
}
