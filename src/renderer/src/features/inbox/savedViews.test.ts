import { describe, expect, it } from 'vitest'
import { DEFAULT_FILTERS } from './inboxStore'
import { activeView, savedViews, viewKey } from './savedViews'

describe('saved views', () => {
  const views = savedViews('Jonas', ['email', 'x'])

  it('offers All, Mine, Unassigned, Overdue, Negative and one view per channel', () => {
    expect(views.map(viewKey)).toEqual([
      'all',
      'mine',
      'unassigned',
      'overdue',
      'negative',
      'channel:email',
      'channel:x',
    ])
    expect(views.find((v) => v.id === 'mine')!.filters).toEqual({ ...DEFAULT_FILTERS, assignee: 'Jonas' })
    expect(views.find((v) => v.id === 'unassigned')!.filters).toEqual({ ...DEFAULT_FILTERS, assignee: '' })
    expect(views.find((v) => v.id === 'overdue')!.filters).toEqual({ ...DEFAULT_FILTERS, sla: 'overdue' })
    expect(views.find((v) => v.id === 'negative')!.filters).toEqual({ ...DEFAULT_FILTERS, sentiment: 'negative' })
  })

  it('leaves out Mine until the agent is known', () => {
    expect(savedViews(null, []).map(viewKey)).toEqual(['all', 'unassigned', 'overdue', 'negative'])
  })

  it('marks the view whose filters the inbox shows, however they were set, and none for others', () => {
    expect(activeView(views, DEFAULT_FILTERS)?.id).toBe('all')
    expect(activeView(views, { ...DEFAULT_FILTERS, channel: 'x' })?.channel).toBe('x')
    expect(activeView(views, { ...DEFAULT_FILTERS, assignee: 'Jonas' })?.id).toBe('mine')
    expect(activeView(views, { ...DEFAULT_FILTERS, channel: 'x', text: 'Torte' })).toBeNull()
  })
})
