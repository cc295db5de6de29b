import { createColumnHelper } from '@tanstack/react-table'
import type { ConversationRow } from '../../../../shared/domain'
import { ChannelMark, ReachMark } from '../../components/Badges'
import { formatDateTime, formatRelative } from '../../components/format'
import { SlaMark } from '../sla/SlaBadge'
import { SentimentMark } from '../sentiment/SentimentBadge'
import { fill } from '../../i18n/compiled'
import type { InboxRowView } from './rowView'
import { RowCheckbox, SelectAllLoaded } from './selectColumn'

const col = createColumnHelper<ConversationRow>()

/** Cells that stack two lines: the cell itself is the flex column, one element less in every row. */
const STACKED = new Set(['contactName', 'snippet'])

export const cellClassOf = (columnId: string): string => (STACKED.has(columnId) ? 'grid-cell stack' : 'grid-cell')

/**
 * Column widths live in styles.css (.grid-row) so a narrow pane can drop the least useful ones. Cells
 * take their labels from `view` and call no hooks: the columns change only with the language or the
 * minute, and a row renders once when it scrolls into view.
 */
export function inboxColumns(view: InboxRowView) {
  const { t, lang, now } = view
  return [
    col.display({
      id: 'select',
      header: () => <SelectAllLoaded />,
      cell: (c) => (
        <RowCheckbox
          id={c.row.original.id}
          label={fill(t, lang, 'triage.select.row', { contact: c.row.original.contactName })}
        />
      ),
    }),
    col.accessor('channel', {
      header: () => t('inbox.col.channel'),
      cell: (c) => <ChannelMark channel={c.getValue()} label={view.channel[c.getValue()]} />,
    }),
    col.accessor('contactName', {
      header: () => t('inbox.col.contact'),
      cell: (c) => (
        <>
          <span className="strong ellipsis">{c.getValue()}</span>
          <ReachMark reach={c.row.original.contactReach} t={t} lang={lang} />
        </>
      ),
    }),
    col.accessor('snippet', {
      header: () => t('inbox.col.subject'),
      cell: (c) => (
        <>
          {c.row.original.subject && <span className="strong ellipsis">{c.row.original.subject}</span>}
          <span className="snippet-line">
            <SentimentMark sentiment={c.row.original.sentiment} of="conversation" t={t} lang={lang} />
            <span className="muted ellipsis">{c.getValue()}</span>
          </span>
        </>
      ),
    }),
    col.accessor('status', {
      header: () => t('inbox.col.status'),
      cell: (c) => <span className={`status status-${c.getValue()}`}>{view.status[c.getValue()]}</span>,
    }),
    col.accessor('assignee', {
      header: () => t('inbox.col.assignee'),
      cell: (c) => <span className="ellipsis">{c.getValue() ?? <span className="muted">{view.unassigned}</span>}</span>,
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
        <time dateTime={new Date(c.getValue()).toISOString()} title={formatDateTime(lang, c.getValue())}>
          {formatRelative(lang, c.getValue(), now)}
        </time>
      ),
    }),
    col.accessor('sla', {
      header: () => t('sla.column'),
      cell: (c) => <SlaMark clock={c.getValue()} now={now} t={t} lang={lang} />,
    }),
  ]
}
