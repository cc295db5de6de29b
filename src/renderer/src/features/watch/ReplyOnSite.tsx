import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { useQuery } from '../../api/hooks'
import { ExternalLink } from '../../components/ExternalLink'

/**
 * Mentions found on the web are answered where they were written. The link leaves through the app's
 * one way out (ExternalLink: the core opens it from the desktop, a new tab in the web host); the app
 * itself never navigates away.
 */
export function ReplyOnSite({ conversationId }: { conversationId: number }) {
  const { t } = useTranslation()
  const { data } = useQuery(`web-link:${conversationId}`, () => api.invoke('watch:link', { conversationId }))
  // The core only stores http(s) addresses; checked again here, since this becomes a link.
  const url = data?.url && /^https?:\/\//i.test(data.url) ? data.url : null
  return (
    <section className="composer reply-on-site" aria-label={t('watch.replyOnSiteLabel')}>
      <p className="muted">{t('watch.replyOnSiteHint')}</p>
      {url && (
        <ExternalLink className="button" href={url}>
          {t('watch.replyOnSite')}
        </ExternalLink>
      )}
    </section>
  )
}
