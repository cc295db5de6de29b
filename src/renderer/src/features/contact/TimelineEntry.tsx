import type { TFunction } from 'i18next'
import { memo } from 'react'
import type { Channel, Direction, TimelineItem } from '../../../../shared/domain'
import { ChannelMark, DirectionMark } from '../../components/Badges'
import { CHANNELS } from '../../components/constants'
import { formatDateTime } from '../../components/format'

/** The words every entry shows, translated once per language rather than in each entry. */
export interface TimelineLabels {
  lang: string
  channel: Record<Channel, string>
  direction: Record<Direction, string>
}

export function timelineLabels(t: TFunction, lang: string): TimelineLabels {
  const channel = Object.fromEntries(CHANNELS.map((c) => [c, t(`channel.${c}`)])) as Record<Channel, string>
  return { lang, channel, direction: { in: t('direction.in'), out: t('direction.out') } }
}

interface Props {
  item: TimelineItem
  height: number
  labels: TimelineLabels
  selected: boolean
  onOpen(conversationId: number): void
}

/** One event of a contact's timeline. Memoised: while the list scrolls, only entries coming into view render. */
export const TimelineEntry = memo(function TimelineEntry({ item, height, labels, selected, onOpen }: Props) {
  return (
    <li className="timeline-item-wrap" style={{ height }}>
      <button
        type="button"
        className={`timeline-item direction-bar-${item.direction}${selected ? ' selected' : ''}`}
        onClick={() => onOpen(item.conversationId)}
      >
        <span className="timeline-meta">
          <ChannelMark channel={item.channel} label={labels.channel[item.channel]} />
          <DirectionMark direction={item.direction} label={labels.direction[item.direction]} />
          <span className="strong ellipsis">{item.authorName}</span>
          <time dateTime={new Date(item.sentAt).toISOString()} className="muted">
            {formatDateTime(labels.lang, item.sentAt)}
          </time>
        </span>
        <span className="ellipsis">
          {item.subject && <span className="strong">{item.subject} · </span>}
          {item.snippet}
        </span>
      </button>
    </li>
  )
})
