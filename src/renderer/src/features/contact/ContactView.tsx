import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { useDbChanged, useQuery } from '../../api/hooks'
import { useRoute } from '../../app/routeStore'
import { Reach } from '../../components/Badges'
import { ErrorMessage, Loading } from '../../components/Feedback'
import { ContactFields } from './ContactFields'
import { ContactNotes } from './ContactNotes'
import { ContactTags } from './ContactTags'
import { IdentityList } from './IdentityList'
import { MergePanel } from './MergePanel'
import { OutcomeForm, OutcomeSummary, ReachForm, VipToggle } from './ProfileControls'
import { Timeline, useTimelineFirstPage } from './Timeline'
import { useAct } from './useAct'

/** A contact that just became separate from the one shown (undone merge, split identity), to open from a notice. */
interface Separated {
  from: number | null
  how: 'split' | 'unmerged'
  contactId: number
  name: string
}

export function ContactView() {
  const { t } = useTranslation()
  const contactId = useRoute((s) => s.contactId)
  const openContact = useRoute((s) => s.openContact)
  const {
    data: contact,
    error,
    loading,
    reload,
  } = useQuery(contactId === null ? null : `contact:${contactId}`, () =>
    api.invoke('contact:get', { contactId: contactId ?? 0 }),
  )
  useTimelineFirstPage(contactId)
  // New messages change the counts; merges, splits and edits change the rest.
  useDbChanged(['contacts', 'messages'], contact?.workspaceId ?? null, reload)
  const { act, error: actionError } = useAct(reload)
  const [separated, setSeparated] = useState<Separated | null>(null)
  const separate = (how: Separated['how']) => (id: number, name: string) =>
    setSeparated({ from: contactId, how, contactId: id, name })

  // A merged contact is shown as part of the contact it was merged into (an inbox row may still name it).
  const mergedInto = contact?.mergedIntoId ?? null
  useEffect(() => {
    if (mergedInto !== null) openContact(mergedInto)
  }, [mergedInto, openContact])

  if (contactId === null) return <p className="empty">{t('contact.none')}</p>
  if (!contact) return loading ? <Loading /> : <ErrorMessage error={error} />
  const outcomeKey = contact.outcome ? JSON.stringify(contact.outcome) : 'none'
  return (
    <section className="view contact" aria-labelledby="contact-heading">
      <div className="view-head">
        <h2 id="contact-heading">{contact.displayName}</h2>
        {contact.vip && <span className="badge vip">{t('contact.vip')}</span>}
        <Reach reach={contact.reach} />
        <OutcomeSummary outcome={contact.outcome} />
        <span className="muted">
          {t('contact.counts', { conversations: contact.conversationCount, messages: contact.messageCount })}
        </span>
      </div>
      {separated?.from === contact.id && (
        <p className="contact-notice" role="status">
          {t(separated.how === 'split' ? 'contact.splitDone' : 'contact.separated', { name: separated.name })}{' '}
          <button type="button" className="link" onClick={() => openContact(separated.contactId)}>
            {t('contact.openSeparated', { name: separated.name })}
          </button>
        </p>
      )}
      <ErrorMessage error={actionError} />
      <div className="contact-layout">
        <div className="contact-details">
          <IdentityList contact={contact} act={act} onSplit={separate('split')} />
          <section className="contact-section" aria-labelledby="profile-heading">
            <h3 id="profile-heading">{t('contact.profile')}</h3>
            <VipToggle key={`${contact.id}:${contact.vip}`} contact={contact} act={act} />
          </section>
          <OutcomeForm key={`${contact.id}:${outcomeKey}`} contact={contact} act={act} />
          <ReachForm key={`${contact.id}:${contact.reachOverride}`} contact={contact} act={act} />
          <ContactTags contact={contact} act={act} />
          <ContactFields key={contact.id} contact={contact} act={act} />
          <ContactNotes key={`notes:${contact.id}`} contact={contact} act={act} />
          <MergePanel key={`merge:${contact.id}`} contact={contact} act={act} onSeparated={separate('unmerged')} />
        </div>
        <Timeline
          contactId={contact.id}
          workspaceId={contact.workspaceId}
          historyKey={contact.identities.map((i) => i.id).join(',')}
        />
      </div>
    </section>
  )
}
