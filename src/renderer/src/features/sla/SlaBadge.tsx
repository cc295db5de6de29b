import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { SlaClock } from '../../../../shared/domain'
import { formatDateTime } from '../../components/format'
import { fill } from '../../i18n/compiled'
import { formatBusinessDuration, liveClock } from './slaClock'

interface Props {
  clock: SlaClock
  now: number
}

/**
 * A conversation's response-time clock: the state in words and colour (never colour alone), the
 * business time left or overdue, and the due time on hover.
 */
export function SlaBadge(props: Props) {
  const { t, i18n } = useTranslation()
  return <SlaMark {...props} t={t} lang={i18n.language} />
}

/** The same badge without a translation hook of its own, for long lists that translate once for all rows. */
export function SlaMark({ clock, now, t, lang }: Props & { t: TFunction; lang: string }) {
  const { state, leftMs } = liveClock(clock, now)
  if (state === 'none' || leftMs === null || clock.dueAt === null) return null
  const time = formatBusinessDuration(lang, leftMs)
  return (
    <span className={`sla sla-${state}`} title={fill(t, lang, 'sla.dueAt', { at: formatDateTime(lang, clock.dueAt) })}>
      <span className="sla-state">{fill(t, lang, `sla.state.${state}`)}</span>
      <span className="sla-time">{fill(t, lang, state === 'overdue' ? 'sla.overdueBy' : 'sla.left', { time })}</span>
    </span>
  )
}
