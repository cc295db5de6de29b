import { useTranslation } from 'react-i18next'
import type { Identity } from '../../../../shared/domain'
import { api } from '../../api/client'
import { useDbChanged, useQuery } from '../../api/hooks'
import { useRoute } from '../../app/routeStore'
import { ChannelBadge, Reach } from '../../components/Badges'
import { ErrorMessage, Loading } from '../../components/Feedback'
import { formatCompact } from '../../components/format'
import { Timeline } from './Timeline'

export function ContactView() {
  const { t } = useTranslation()
  const contactId = useRoute((s) => s.contactId)
  const {
    data: contact,
    error,
    loading,
    reload,
  } = useQuery(contactId === null ? null : `contact:${contactId}`, () =>
    api.invoke('contact:get', { contactId: contactId ?? 0 }),
  )
  useDbChanged(['contacts'], contact?.workspaceId ?? null, reload)

  if (contactId === null) return <p className="empty">{t('contact.none')}</p>
  if (!contact) return loading ? <Loading /> : <ErrorMessage error={error} />
  return (
    <section className="view contact" aria-labelledby="contact-heading">
      <div className="view-head">
        <h2 id="contact-heading">{contact.displayName}</h2>
        {contact.vip && <span className="badge vip">{t('contact.vip')}</span>}
        <Reach reach={contact.reach} />
        <span className="muted">
          {t('contact.counts', { conversations: contact.conversationCount, messages: contact.messageCount })}
        </span>
      </div>
      <IdentityList identities={contact.identities} />
      <Timeline contactId={contact.id} workspaceId={contact.workspaceId} />
    </section>
  )
}

/** One line per channel account the contact is known by. */
function IdentityList({ identities }: { identities: Identity[] }) {
  const { t, i18n } = useTranslation()
  return (
    <ul className="identities" aria-label={t('contact.identities')}>
      {identities.map((id) => (
        <li key={id.id} className="identity">
          <ChannelBadge channel={id.channel} />
          <span className="strong">{id.displayName ?? id.handle ?? id.externalId}</span>
          {id.handle && id.handle !== id.displayName && <span className="muted">{id.handle}</span>}
          {id.followers !== null && (
            <span className="muted">
              {t('contact.followers', { count: id.followers, reach: formatCompact(i18n.language, id.followers) })}
            </span>
          )}
        </li>
      ))}
    </ul>
  )
}
