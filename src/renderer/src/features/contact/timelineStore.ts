import { create } from 'zustand'
import type { TimelineItem } from '../../../../shared/domain'
import { api } from '../../api/client'

const PAGE_SIZE = 100
/** A few screens' worth: the first paint waits for this page, the next ones load while the reader scrolls. */
const FIRST_PAGE = 40

interface TimelineState {
  contactId: number | null
  items: TimelineItem[]
  before: string | null
  loading: boolean
  error: unknown
  /** Starts again from the newest page (another contact, or its history changed by a merge or split). */
  refresh(contactId: number): Promise<void>
  /** Adds what arrived since, on top, keeping every page already loaded (and so the reader's place). */
  catchUp(): Promise<void>
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

  async refresh(contactId) {
    const mine = ++ticket
    const switched = contactId !== get().contactId
    set({ contactId, loading: true, error: undefined, ...(switched ? { items: [], before: null } : {}) })
    try {
      const page = await api.invoke('timeline:list', { contactId, limit: FIRST_PAGE })
      if (mine === ticket) set({ items: page.items, before: page.next, loading: false })
    } catch (error) {
      if (mine === ticket) set({ loading: false, error })
    }
  },

  async catchUp() {
    const { contactId, items } = get()
    const newestKnown = items[0]
    if (contactId === null) return
    if (!newestKnown) return get().refresh(contactId)
    const mine = ++ticket
    try {
      const page = await api.invoke('timeline:list', { contactId, limit: PAGE_SIZE })
      if (mine !== ticket) return
      const seen = page.items.findIndex((i) => i.messageId === newestKnown.messageId)
      // More new events than a page, or the newest one is gone: the loaded pages no longer line up.
      if (seen < 0) return get().refresh(contactId)
      if (seen > 0) set({ items: [...page.items.slice(0, seen), ...get().items] })
    } catch (error) {
      if (mine === ticket) set({ error })
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
