import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SearchOrder } from '../../../../shared/contract'
import type { ContactHit, MessageHit } from '../../../../shared/domain'
import { api } from '../../api/client'
import { useDbChanged, useQuery } from '../../api/hooks'
import { useRoute } from '../../app/routeStore'
import { ChannelBadge, Reach } from '../../components/Badges'
import { ErrorMessage, Loading } from '../../components/Feedback'
import { formatDateTime } from '../../components/format'

const ORDERS: SearchOrder[] = ['newest', 'relevance']

export function SearchView({ workspaceId }: { workspaceId: number }) {
  const { t } = useTranslation()
  const query = useRoute((s) => s.searchQuery)
  const [order, setOrder] = useState<SearchOrder>('newest')
  const { data, error, loading, reload } = useQuery(query ? `search:${workspaceId}:${order}:${query}` : null, () =>
    api.invoke('search:query', { workspaceId, query, order, limit: 50 }),
  )
  useDbChanged(['messages', 'contacts'], workspaceId, reload)

  return (
    <section className="view search" aria-labelledby="search-heading">
      <div className="view-head">
        <h2 id="search-heading">{t('search.heading', { query })}</h2>
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('search.order')}</legend>
          {ORDERS.map((o) => (
            <label key={o} className={order === o ? 'active' : ''}>
              <input type="radio" name="search-order" value={o} checked={order === o} onChange={() => setOrder(o)} />
              {t(`search.${o}`)}
            </label>
          ))}
        </fieldset>
      </div>
      {!query && <p className="empty">{t('search.noQuery')}</p>}
      <ErrorMessage error={error} />
      {loading && <Loading />}
      {data && <ContactHits hits={data.contacts} />}
      {data && <MessageHits hits={data.messages} />}
    </section>
  )
}

function ContactHits({ hits }: { hits: ContactHit[] }) {
  const { t } = useTranslation()
  const openContact = useRoute((s) => s.openContact)
  return (
    <section aria-labelledby="contact-hits">
      <h3 id="contact-hits">{t('search.contacts', { count: hits.length })}</h3>
      {hits.length === 0 && <p className="muted">{t('search.noContacts')}</p>}
      <ul className="hits">
        {hits.map((h) => (
          <li key={h.contactId}>
            <button type="button" className="hit" onClick={() => openContact(h.contactId)}>
              <span className="strong">{h.displayName}</span>
              <span className="muted ellipsis">{h.handles.join(', ')}</span>
              <Reach reach={h.reach} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}

function MessageHits({ hits }: { hits: MessageHit[] }) {
  const { t, i18n } = useTranslation()
  const openConversation = useRoute((s) => s.openConversation)
  return (
    <section aria-labelledby="message-hits">
      <h3 id="message-hits">{t('search.messages', { count: hits.length })}</h3>
      {hits.length === 0 && <p className="muted">{t('search.noMessages')}</p>}
      <ul className="hits">
        {hits.map((h) => (
          <li key={h.messageId}>
            <button type="button" className="hit" onClick={() => openConversation(h.conversationId)}>
              <span className="hit-meta">
                <ChannelBadge channel={h.channel} />
                <span className="strong">{h.authorName}</span>
                <time dateTime={new Date(h.sentAt).toISOString()} className="muted">
                  {formatDateTime(i18n.language, h.sentAt)}
                </time>
              </span>
              {h.subject && <span className="strong ellipsis">{h.subject}</span>}
              <span className="ellipsis">{h.snippet}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
