import { create } from 'zustand'
import type { TimelineItem } from '../../../../shared/domain'
import { api } from '../../api/client'

const PAGE_SIZE = 100
const MAX_PAGE = 500

interface TimelineState {
  contactId: number | null
  items: TimelineItem[]
  before: string | null
  loading: boolean
  error: unknown
  refresh(contactId: number, keepItems?: boolean): Promise<void>
  loadOlder(): Promise<void>
}

let ticket = 0

/** A contact's cross-channel timeline, newest first, paged backwards with the `before` cursor. */
export const useTimeline = create<TimelineState>()((set, get) => ({
  contactId: null,
  items: [],
  before: null,
  loading: false,
  error: undefined,

  async refresh(contactId, keepItems = false) {
    const mine = ++ticket
    const switched = contactId !== get().contactId
    const limit = keepItems && !switched ? Math.min(Math.max(get().items.length, PAGE_SIZE), MAX_PAGE) : PAGE_SIZE
    set({ contactId, loading: true, error: undefined, ...(switched ? { items: [], before: null } : {}) })
    try {
      const page = await api.invoke('timeline:list', { contactId, limit })
      if (mine === ticket) set({ items: page.items, before: page.next, loading: false })
    } catch (error) {
      if (mine === ticket) set({ loading: false, error })
    }
  },

  async loadOlder() {
    const { contactId, before, loading } = get()
    if (contactId === null || before === null || loading) return
    const mine = ++ticket
    set({ loading: true })
    try {
      const page = await api.invoke('timeline:list', { contactId, before, limit: PAGE_SIZE })
      if (mine === ticket) set({ items: [...get().items, ...page.items], before: page.next, loading: false })
    } catch (error) {
      if (mine === ticket) set({ loading: false, error })
    }
  },
}))
