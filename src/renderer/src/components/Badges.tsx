import { useTranslation } from 'react-i18next'
import type { Channel, Direction } from '../../../shared/domain'
import { formatCompact } from './format'

/** Colour and text both carry the channel, so it never depends on colour vision. */
export function ChannelBadge({ channel }: { channel: Channel }) {
  const { t } = useTranslation()
  return <span className={`badge channel-${channel}`}>{t(`channel.${channel}`)}</span>
}

export function OverdueBadge() {
  const { t } = useTranslation()
  return <span className="badge overdue">{t('inbox.overdue')}</span>
}

export function DirectionLabel({ direction }: { direction: Direction }) {
  const { t } = useTranslation()
  return <span className={`direction direction-${direction}`}>{t(`direction.${direction}`)}</span>
}

export function Reach({ reach }: { reach: number }) {
  const { t, i18n } = useTranslation()
  if (reach <= 0) return null
  return (
    <span className="reach">{t('contact.reach', { count: reach, reach: formatCompact(i18n.language, reach) })}</span>
  )
}
