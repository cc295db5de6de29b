import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { useDbChanged, useQuery } from '../../api/hooks'
import { CHANNELS, STATUSES } from '../../components/constants'
import type { InboxSort } from '../../../../shared/contract'
import { useInbox, type InboxFilters as Filters } from './inboxStore'
import { SentimentFilter } from '../sentiment/SentimentFilter'

/** Sentinel option values; real agent names and tags are free text and could be anything else. */
const ANYONE = '\u0000anyone'
const UNASSIGNED = '\u0000unassigned'
const ANY_TAG = '\u0000any'

export function InboxFilters({ workspaceId }: { workspaceId: number }) {
  const { t } = useTranslation()
  const filters = useInbox((s) => s.filters)
  const knownAssignees = useInbox((s) => s.knownAssignees)
  const setFilters = useInbox((s) => s.setFilters)
  const { data: tags, reload } = useQuery(`tags:${workspaceId}`, () => api.invoke('tags:list', { workspaceId }))
  useDbChanged(['tags', 'conversations'], workspaceId, reload)

  const assignees =
    filters.assignee && !knownAssignees.includes(filters.assignee)
      ? [...knownAssignees, filters.assignee]
      : knownAssignees

  return (
    <div className="filters" role="group" aria-label={t('inbox.filters')}>
      <label className="field">
        <span>{t('inbox.channel')}</span>
        <select value={filters.channel} onChange={(e) => setFilters({ channel: e.target.value as Filters['channel'] })}>
          <option value="all">{t('inbox.allChannels')}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`channel.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('inbox.status')}</span>
        <select value={filters.status} onChange={(e) => setFilters({ status: e.target.value as Filters['status'] })}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
          <option value="all">{t('inbox.allStatuses')}</option>
        </select>
      </label>
      <label className="field">
        <span>{t('inbox.assignedTo')}</span>
        <select
          value={filters.assignee === null ? ANYONE : filters.assignee === '' ? UNASSIGNED : filters.assignee}
          onChange={(e) => {
            const v = e.target.value
            setFilters({ assignee: v === ANYONE ? null : v === UNASSIGNED ? '' : v })
          }}
        >
          <option value={ANYONE}>{t('inbox.anyone')}</option>
          <option value={UNASSIGNED}>{t('inbox.unassigned')}</option>
          {assignees.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('inbox.tag')}</span>
        <select
          value={filters.tag ?? ANY_TAG}
          onChange={(e) => setFilters({ tag: e.target.value === ANY_TAG ? null : e.target.value })}
        >
          <option value={ANY_TAG}>{t('inbox.anyTag')}</option>
          {tags?.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      <SlaFilter />
      <SentimentFilter />
      <TextFilter />
      <SortOrder />
    </div>
  )
}

const SLA_CHOICES = ['all', 'overdue', 'due-soon'] as const satisfies readonly Filters['sla'][]
const SORTS = ['newest', 'due', 'priority'] as const satisfies readonly InboxSort[]

function SlaFilter() {
  const { t } = useTranslation()
  const value = useInbox((s) => s.filters.sla)
  const setFilters = useInbox((s) => s.setFilters)
  return (
    <label className="field">
      <span>{t('sla.filter')}</span>
      <select value={value} onChange={(e) => setFilters({ sla: e.target.value as Filters['sla'] })}>
        {SLA_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {choice === 'all' ? t('sla.anyClock') : t(`sla.state.${choice}`)}
          </option>
        ))}
      </select>
    </label>
  )
}

function SortOrder() {
  const { t } = useTranslation()
  const sort = useInbox((s) => s.sort)
  const setSort = useInbox((s) => s.setSort)
  return (
    <label className="field">
      <span>{t('sla.sort')}</span>
      <select value={sort} onChange={(e) => setSort(e.target.value as InboxSort)}>
        {SORTS.map((choice) => (
          <option key={choice} value={choice}>
            {t(`sla.sortBy.${choice}`)}
          </option>
        ))}
      </select>
    </label>
  )
}

/** Debounced so typing a word issues one query, not one per letter. */
function TextFilter() {
  const { t } = useTranslation()
  const value = useInbox((s) => s.filters.text)
  const setFilters = useInbox((s) => s.setFilters)
  const [draft, setDraft] = useState(value)
  useEffect(() => {
    if (draft === value) return
    const timer = setTimeout(() => setFilters({ text: draft }), 300)
    return () => clearTimeout(timer)
  }, [draft, value, setFilters])

  return (
    <label className="field grow">
      <span>{t('inbox.text')}</span>
      <input
        type="search"
        value={draft}
        placeholder={t('inbox.textPlaceholder')}
        maxLength={500}
        onChange={(e) => setDraft(e.target.value)}
      />
    </label>
  )
}
