import { useTranslation } from 'react-i18next'
import type { ContactProfile } from '../../../../shared/commands/contacts'
import type { Identity } from '../../../../shared/domain'
import { api } from '../../api/client'
import { ChannelBadge } from '../../components/Badges'
import { formatCompact } from '../../components/format'
import type { Act } from './useAct'

const label = (id: Identity): string => id.displayName ?? id.handle ?? id.externalId

/**
 * One line per channel account the contact is known by (merged contacts' included). With more than one,
 * each can be split off into a contact of its own.
 */
export function IdentityList({
  contact,
  act,
  onSplit,
}: {
  contact: ContactProfile
  act: Act
  onSplit: (contactId: number, name: string) => void
}) {
  const { t, i18n } = useTranslation()
  const split = (identity: Identity) =>
    void act(async () => {
      const { contactId } = await api.invoke('contact:split', { identityIds: [identity.id] })
      onSplit(contactId, label(identity))
    })
  return (
    <section className="contact-section" aria-labelledby="identities-heading">
      <h3 id="identities-heading">{t('contact.identities')}</h3>
      <ul className="identities" aria-label={t('contact.identities')}>
        {contact.identities.map((id) => (
          <li key={id.id} className="identity">
            <ChannelBadge channel={id.channel} />
            <span className="strong">{label(id)}</span>
            {id.handle && id.handle !== id.displayName && <span className="muted">@{id.handle}</span>}
            {id.channel === 'email' && id.externalId !== id.displayName && (
              <span className="muted">{id.externalId}</span>
            )}
            {id.followers !== null && (
              <span className="muted">
                {t('contact.followers', { count: id.followers, reach: formatCompact(i18n.language, id.followers) })}
              </span>
            )}
            {contact.identities.length > 1 && (
              <button
                type="button"
                className="link small"
                aria-label={t('contact.splitIdentity', { identity: label(id), channel: t(`channel.${id.channel}`) })}
                title={t('contact.splitHint')}
                onClick={() => split(id)}
              >
                {t('contact.split')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
