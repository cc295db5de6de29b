import { create } from 'zustand'
import type { InboxFilter, InboxSort } from '../../../../shared/contract'
import type { Channel, ConversationRow, ConversationStatus, SentimentLabel } from '../../../../shared/domain'
import { api } from '../../api/client'
import { keepLoadedRows } from './keepLoadedRows'

export const PAGE_SIZE = 100
/** The contract caps a page at 500; a refresh reloads at most that many rows at once. */
const MAX_PAGE = 500

/** Filter choices as the form holds them; `toContractFilter` maps them onto the contract. */
export interface InboxFilters {
  channel: Channel | 'all'
  status: ConversationStatus | 'all'
  /** null: anyone; '': nobody assigned; otherwise an agent's name. */
  assignee: string | null
  tag: string | null
  text: string
  /** Conversations by their response-time clock. */
  sla: 'all' | 'overdue' | 'due-soon'
  /** The mood of the customer's latest message. */
  sentiment: SentimentLabel | 'all'
}

export const DEFAULT_FILTERS: InboxFilters = {
  channel: 'all',
  status: 'open',
  assignee: null,
  tag: null,
  text: '',
  sla: 'all',
  sentiment: 'all',
}

export function toContractFilter(f: InboxFilters): InboxFilter {
  const filter: InboxFilter = {}
  if (f.channel !== 'all') filter.channel = f.channel
  if (f.status !== 'all') filter.status = f.status
  if (f.assignee !== null) filter.assignee = f.assignee
  if (f.tag) filter.tag = f.tag
  if (f.text.trim()) filter.text = f.text.trim()
  if (f.sla !== 'all') filter.sla = f.sla
  if (f.sentiment !== 'all') filter.sentiment = f.sentiment
  return filter
}

interface InboxState {
  workspaceId: number | null
  filters: InboxFilters
  /** The order rows come in; kept apart from the filters, so a saved view keeps the user's order. */
  sort: InboxSort
  rows: ConversationRow[]
  next: string | null
  loading: boolean
  error: unknown
  /** Agents seen so far, offered in the assignee filter. */
  knownAssignees: string[]
  setFilters(patch: Partial<InboxFilters>): void
  setSort(sort: InboxSort): void
  /**
   * Loads from the top. `keepRows` (after a change) reloads as many rows as are loaded, up to 500,
   * and keeps those loaded beyond them (keepLoadedRows).
   */
  refresh(workspaceId: number, keepRows?: boolean): Promise<void>
  loadMore(): Promise<void>
}

// Each request takes a ticket; answers to anything but the newest ticket are dropped.
let ticket = 0

export const useInbox = create<InboxState>()((set, get) => {
  const remember = (rows: ConversationRow[]): string[] => {
    const names = new Set(get().knownAssignees)
    for (const r of rows) if (r.assignee) names.add(r.assignee)
    return [...names].sort((a, b) => a.localeCompare(b))
  }

  return {
    workspaceId: null,
    filters: DEFAULT_FILTERS,
    sort: 'newest',
    rows: [],
    next: null,
    loading: false,
    error: undefined,
    knownAssignees: [],

    setFilters(patch) {
      set({ filters: { ...get().filters, ...patch } })
      const { workspaceId } = get()
      if (workspaceId !== null) void get().refresh(workspaceId)
    },

    setSort(sort) {
      set({ sort })
      const { workspaceId } = get()
      if (workspaceId !== null) void get().refresh(workspaceId)
    },

    async refresh(workspaceId, keepRows = false) {
      const mine = ++ticket
      const switched = workspaceId !== get().workspaceId
      const limit = keepRows && !switched ? Math.min(Math.max(get().rows.length, PAGE_SIZE), MAX_PAGE) : PAGE_SIZE
      set({
        workspaceId,
        loading: true,
        error: undefined,
        ...(switched ? { rows: [], next: null, knownAssignees: [] } : {}),
      })
      try {
        const { filters, sort } = get()
        const top = await api.invoke('inbox:list', { workspaceId, filter: toContractFilter(filters), sort, limit })
        if (mine !== ticket) return
        const page = keepRows && !switched ? keepLoadedRows({ items: get().rows, next: get().next }, top) : top
        set({ rows: page.items, next: page.next, loading: false, knownAssignees: remember(top.items) })
      } catch (error) {
        if (mine === ticket) set({ loading: false, error })
      }
    },

    async loadMore() {
      const { workspaceId, next, loading, filters, sort } = get()
      if (workspaceId === null || next === null || loading) return
      const mine = ++ticket
      set({ loading: true, error: undefined })
      try {
        const page = await api.invoke('inbox:list', {
          workspaceId,
          filter: toContractFilter(filters),
          sort,
          after: next,
          limit: PAGE_SIZE,
        })
        if (mine !== ticket) return
        const rows = [...get().rows, ...page.items]
        set({ rows, next: page.next, loading: false, knownAssignees: remember(page.items) })
      } catch (error) {
        if (mine === ticket) set({ loading: false, error })
      }
    },
  }
})
