import { useTranslation } from 'react-i18next'
import { OUTCOME_KINDS } from '../../../../shared/commands/contacts'
import type { ComplainerRow, FeedbackRow, SalesRow } from '../../../../shared/commands/reports'
import type { Channel } from '../../../../shared/domain'
import { useRoute } from '../../app/routeStore'
import { formatMoney } from '../contact/money'
import { Legend, RowBars } from './charts'
import { Figure, type Column, type FigureProps } from './Figure'
import { formatDay, formatNumber } from './reportFormat'

/** The widest reach among those who complained; a name opens the contact. */
export function ComplainersFigure({ report, summary, download }: FigureProps) {
  const { t, i18n } = useTranslation()
  const openContact = useRoute((s) => s.openContact)
  const lang = i18n.language
  const columns: Column<ComplainerRow>[] = [
    {
      key: 'name',
      header: t('reports.column.contact'),
      cell: (r) => (
        <button type="button" className="link" onClick={() => openContact(r.contactId)}>
          {r.name}
        </button>
      ),
    },
    { key: 'reach', header: t('reports.column.reach'), cell: (r) => formatNumber(lang, r.reach), numeric: true },
    { key: 'vip', header: t('reports.column.vip'), cell: (r) => (r.vip ? t('reports.yes') : '') },
    {
      key: 'negativeMessages',
      header: t('reports.column.negativeMessages'),
      cell: (r) => formatNumber(lang, r.negativeMessages),
      numeric: true,
    },
  ]
  return (
    <Figure
      figure="complainers"
      title={t('reports.figure.complainers')}
      summary={summary}
      rows={report.complainers}
      columns={columns}
      onDownload={download}
      chart={
        report.complainers.length === 0
          ? null
          : (labels) => (
              <RowBars
                labels={labels}
                rows={report.complainers.map((c) => ({
                  key: String(c.contactId),
                  label: c.name,
                  segments: [{ key: 'reach', value: c.reach, className: 'bar-reach' }],
                  text: t('reports.followers', { count: c.reach, formatted: formatNumber(lang, c.reach) }),
                }))}
              />
            )
      }
    />
  )
}

const KIND_CLASSES = { lead: 'kind-lead', sale: 'kind-sale', saved: 'kind-saved', lost: 'kind-lost' } as const

/** Sales outcomes per channel that led to them, stacked by kind; sales carry their value. */
export function SalesFigure({ report, summary, download }: FigureProps) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const channelLabel = (c: Channel | 'none') => (c === 'none' ? t('reports.noChannel') : t(`channel.${c}`))
  const channels = [...new Set(report.sales.map((s) => s.channel))]
  const columns: Column<SalesRow>[] = [
    { key: 'channel', header: t('reports.column.channel'), cell: (r) => channelLabel(r.channel) },
    { key: 'kind', header: t('reports.column.kind'), cell: (r) => t(`reports.kind.${r.kind}`) },
    {
      key: 'contacts',
      header: t('reports.column.contacts'),
      cell: (r) => formatNumber(lang, r.contacts),
      numeric: true,
    },
    {
      key: 'value',
      header: t('reports.column.value'),
      cell: (r) => (r.valueMinor === null ? '' : formatMoney(lang, r.valueMinor, r.currency!)),
      numeric: true,
    },
  ]
  const legend = OUTCOME_KINDS.map((kind) => ({
    key: kind,
    label: t(`reports.kind.${kind}`),
    className: KIND_CLASSES[kind],
  }))
  return (
    <Figure
      figure="sales"
      title={t('reports.figure.sales')}
      summary={summary}
      rows={report.sales}
      columns={columns}
      onDownload={download}
      chart={
        report.sales.length === 0
          ? null
          : (labels) => (
              <>
                <RowBars
                  labels={labels}
                  rows={channels.map((channel) => {
                    const rows = report.sales.filter((s) => s.channel === channel)
                    return {
                      key: channel,
                      label: channelLabel(channel),
                      segments: OUTCOME_KINDS.map((kind) => ({
                        key: kind,
                        value: rows.filter((s) => s.kind === kind).reduce((n, s) => n + s.contacts, 0),
                        className: KIND_CLASSES[kind],
                      })),
                      text: rows
                        .filter((s) => s.valueMinor !== null)
                        .map((s) => formatMoney(lang, s.valueMinor!, s.currency!))
                        .join(', '),
                    }
                  })}
                />
                <Legend series={legend} />
              </>
            )
      }
    />
  )
}

/** What customers told the product team, in their words; a row opens its conversation. */
export function ProductFeedbackFigure({ report, summary, download }: FigureProps) {
  const { t, i18n } = useTranslation()
  const openConversation = useRoute((s) => s.openConversation)
  const lang = i18n.language
  const columns: Column<FeedbackRow>[] = [
    { key: 'day', header: t('reports.column.day'), cell: (r) => formatDay(lang, r.day) },
    { key: 'channel', header: t('reports.column.channel'), cell: (r) => t(`channel.${r.channel}`) },
    {
      key: 'contact',
      header: t('reports.column.contact'),
      cell: (r) => (
        <button type="button" className="link" onClick={() => openConversation(r.conversationId)}>
          {r.contactName}
        </button>
      ),
    },
    { key: 'text', header: t('reports.column.text'), cell: (r) => (r.subject ? `${r.subject}: ${r.text}` : r.text) },
  ]
  return (
    <Figure
      figure="productFeedback"
      title={t('reports.figure.productFeedback')}
      summary={summary}
      rows={report.productFeedback}
      columns={columns}
      onDownload={download}
      chart={null}
    />
  )
}
