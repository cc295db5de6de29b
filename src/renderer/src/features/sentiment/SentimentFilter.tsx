import { useTranslation } from 'react-i18next'
import type { SentimentLabel } from '../../../../shared/domain'
import { useInbox, type InboxFilters } from '../inbox/inboxStore'

const MOODS = ['negative', 'neutral', 'positive'] as const satisfies readonly SentimentLabel[]

/** The inbox by the mood of each customer's latest message. */
export function SentimentFilter() {
  const { t } = useTranslation()
  const value = useInbox((s) => s.filters.sentiment)
  const setFilters = useInbox((s) => s.setFilters)
  return (
    <label className="field">
      <span>{t('sentiment.filter')}</span>
      <select value={value} onChange={(e) => setFilters({ sentiment: e.target.value as InboxFilters['sentiment'] })}>
        <option value="all">{t('sentiment.any')}</option>
        {MOODS.map((mood) => (
          <option key={mood} value={mood}>
            {t(`sentiment.label.${mood}`)}
          </option>
        ))}
      </select>
    </label>
  )
}
