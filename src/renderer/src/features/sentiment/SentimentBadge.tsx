import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { Sentiment } from '../../../../shared/domain'
import { formatScore } from '../../components/format'
import { fill } from '../../i18n/compiled'

interface Props {
  sentiment: Sentiment | null
  of: 'message' | 'conversation'
}

/**
 * A message's or conversation's mood as a word ("Negative"), coloured too but never by colour alone;
 * the exact score is in the tooltip. Neutral shows nothing: most messages are, and a badge on each
 * would only be noise.
 */
export function SentimentBadge(props: Props) {
  const { t, i18n } = useTranslation()
  return <SentimentMark {...props} t={t} lang={i18n.language} />
}

/** The same badge without a translation hook of its own, for long lists that translate once for all rows. */
export function SentimentMark({ sentiment, of, t, lang }: Props & { t: TFunction; lang: string }) {
  if (!sentiment || sentiment.label === 'neutral') return null
  const label = fill(t, lang, `sentiment.label.${sentiment.label}`)
  const score = formatScore(lang, sentiment.score)
  return (
    <span
      className={`badge sentiment-${sentiment.label}`}
      title={fill(t, lang, `sentiment.title.${of}`, { label, score })}
    >
      {label}
    </span>
  )
}
