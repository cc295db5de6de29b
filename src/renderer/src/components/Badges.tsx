import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { Channel, Direction } from '../../../shared/domain'
import { formatCompact } from './format'

// Each badge also comes as a "mark" without a translation hook of its own: long lists (the inbox, a
// timeline) translate their labels once for all rows instead of once per row.

/** Colour and text both carry the channel, so it never depends on colour vision. */
export function ChannelBadge({ channel }: { channel: Channel }) {
  const { t } = useTranslation()
  return <ChannelMark channel={channel} label={t(`channel.${channel}`)} />
}

export function ChannelMark({ channel, label }: { channel: Channel; label: string }) {
  return <span className={`badge channel-${channel}`}>{label}</span>
}

export function DirectionLabel({ direction }: { direction: Direction }) {
  const { t } = useTranslation()
  return <DirectionMark direction={direction} label={t(`direction.${direction}`)} />
}

export function DirectionMark({ direction, label }: { direction: Direction; label: string }) {
  return <span className={`direction direction-${direction}`}>{label}</span>
}

export function Reach({ reach }: { reach: number }) {
  const { t, i18n } = useTranslation()
  return <ReachMark reach={reach} t={t} lang={i18n.language} />
}

export function ReachMark({ reach, t, lang }: { reach: number; t: TFunction; lang: string }) {
  if (reach <= 0) return null
  return <span className="reach">{t('contact.reach', { count: reach, reach: formatCompact(lang, reach) })}</span>
}
