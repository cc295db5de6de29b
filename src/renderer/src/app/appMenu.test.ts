import { beforeEach, describe, expect, it } from 'vitest'
import type { EventMap, EventName } from '../../../shared/contract'
import { createApi } from '../api/client'
import type { Transport } from '../api/transport'
import { listenForAppMenu } from './appMenu'
import { useRoute } from './routeStore'

/** A transport whose events the test pushes, as the Electron bridge would forward the shell's. */
function fakeTransport() {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const transport: Transport = {
    invoke: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'not in this test' } }),
    on: (event, cb) => {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      const listener = cb as (payload: unknown) => void
      set.add(listener)
      return () => set.delete(listener)
    },
  }
  const emit = <E extends EventName>(event: E, payload: EventMap[E]) => listeners.get(event)?.forEach((cb) => cb(payload))
  return { transport, emit }
}

beforeEach(() => useRoute.setState({ view: 'inbox', importPaths: null }))

describe("the desktop menu's import", () => {
  it('opens the accounts view with the picked paths waiting for the import dialog', () => {
    const { transport, emit } = fakeTransport()
    const off = listenForAppMenu(createApi(transport), useRoute.getState)
    emit('app:menu', { action: 'import-mail', paths: ['/home/anna/Inbox.mbox', '/home/anna/Maildir'] })
    expect(useRoute.getState().view).toBe('accounts')
    expect(useRoute.getState().importPaths).toEqual(['/home/anna/Inbox.mbox', '/home/anna/Maildir'])
    useRoute.getState().clearImportRequest()
    expect(useRoute.getState().importPaths).toBeNull()

    off()
    emit('app:menu', { action: 'import-mail', paths: ['/late.mbox'] })
    expect(useRoute.getState().importPaths).toBeNull()
  })

  it('ignores an empty pick', () => {
    const { transport, emit } = fakeTransport()
    listenForAppMenu(createApi(transport), useRoute.getState)
    emit('app:menu', { action: 'import-mail', paths: [] })
    expect(useRoute.getState()).toMatchObject({ view: 'inbox', importPaths: null })
  })
})

describe('a click on a desktop notification', () => {
  it('opens the conversation in its workspace', () => {
    useRoute.setState({ workspaceId: 1, conversationId: null })
    const { transport, emit } = fakeTransport()
    listenForAppMenu(createApi(transport), useRoute.getState)
    emit('app:menu', { action: 'open-conversation', workspaceId: 2, conversationId: 42 })
    expect(useRoute.getState()).toMatchObject({ workspaceId: 2, conversationId: 42 })
  })
})
