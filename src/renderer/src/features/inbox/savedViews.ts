import type { Channel } from '../../../../shared/domain'
import { DEFAULT_FILTERS, type InboxFilters } from './inboxStore'

/**
 * Saved views: named filter sets one click (or Ctrl/Cmd+K) away. A view is a whole filter set, so
 * the view that is on is the one whose filters equal the inbox's, however they were chosen.
 */
export interface SavedView {
  id: 'all' | 'mine' | 'unassigned' | 'overdue' | 'negative' | 'channel'
  /** Set for the per-channel views. */
  channel?: Channel
  filters: InboxFilters
}

export function savedViews(agent: string | null, channels: readonly Channel[]): SavedView[] {
  return [
    { id: 'all', filters: DEFAULT_FILTERS },
    ...(agent ? [{ id: 'mine' as const, filters: { ...DEFAULT_FILTERS, assignee: agent } }] : []),
    { id: 'unassigned', filters: { ...DEFAULT_FILTERS, assignee: '' } },
    { id: 'overdue', filters: { ...DEFAULT_FILTERS, sla: 'overdue' } },
    { id: 'negative', filters: { ...DEFAULT_FILTERS, sentiment: 'negative' } },
    ...channels.map((channel) => ({ id: 'channel' as const, channel, filters: { ...DEFAULT_FILTERS, channel } })),
  ]
}

export const viewKey = (view: SavedView): string => (view.channel ? `channel:${view.channel}` : view.id)

const sameFilters = (a: InboxFilters, b: InboxFilters): boolean =>
  (Object.keys(a) as (keyof InboxFilters)[]).every((k) => a[k] === b[k])

export function activeView(views: readonly SavedView[], filters: InboxFilters): SavedView | null {
  return views.find((v) => sameFilters(v.filters, filters)) ?? null
}
