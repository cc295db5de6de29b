import { createColumnHelper } from '@tanstack/react-table'
import type { TFunction } from 'i18next'
import type { ConversationRow } from '../../../../shared/domain'
import { ChannelBadge, OverdueBadge, Reach } from '../../components/Badges'
import { formatDateTime, formatRelative, isOverdue } from '../../components/format'

const col = createColumnHelper<ConversationRow>()

/** Column widths live in styles.css (.grid-row) so a narrow pane can drop the least useful ones. */
export function inboxColumns(t: TFunction, lang: string, now: number) {
  return [
    col.accessor('channel', {
      header: () => t('inbox.col.channel'),
      cell: (c) => <ChannelBadge channel={c.getValue()} />,
    }),
    col.accessor('contactName', {
      header: () => t('inbox.col.contact'),
      cell: (c) => (
        <div className="stack">
          <span className="strong ellipsis">{c.getValue()}</span>
          <Reach reach={c.row.original.contactReach} />
        </div>
      ),
    }),
    col.accessor('snippet', {
      header: () => t('inbox.col.subject'),
      cell: (c) => (
        <div className="stack">
          {c.row.original.subject && <span className="strong ellipsis">{c.row.original.subject}</span>}
          <span className="muted ellipsis">{c.getValue()}</span>
        </div>
      ),
    }),
    col.accessor('status', {
      header: () => t('inbox.col.status'),
      cell: (c) => <span className={`status status-${c.getValue()}`}>{t(`status.${c.getValue()}`)}</span>,
    }),
    col.accessor('assignee', {
      header: () => t('inbox.col.assignee'),
      cell: (c) => (
        <span className="ellipsis">{c.getValue() ?? <span className="muted">{t('inbox.unassigned')}</span>}</span>
      ),
    }),
    col.accessor('tags', {
      header: () => t('inbox.col.tags'),
      cell: (c) => (
        <span className="tags ellipsis">
          {c.getValue().map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))}
        </span>
      ),
    }),
    col.accessor('lastMessageAt', {
      header: () => t('inbox.col.age'),
      cell: (c) => (
        <div className="stack">
          <time dateTime={new Date(c.getValue()).toISOString()} title={formatDateTime(lang, c.getValue())}>
            {formatRelative(lang, c.getValue(), now)}
          </time>
          {isOverdue(c.row.original.awaitingReplySince, now) && <OverdueBadge />}
        </div>
      ),
    }),
  ]
}
