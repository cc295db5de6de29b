import { create } from 'zustand'
import type { Workspace } from '../../../../shared/domain'
import { api } from '../../api/client'

interface WorkspaceListState {
  /** The workspaces the switcher offers (archived ones left out); undefined until the first answer. */
  workspaces: Workspace[] | undefined
  error: unknown
  /**
   * Loads the list. Resolves once the store holds an answer asked for no earlier than this call, so
   * a caller can act on a list that includes its own change (also when a newer load overtook it).
   */
  load(): Promise<void>
}

// Each load takes a ticket; an answer to an older request never overwrites a newer one.
let ticket = 0
let newest: Promise<void> = Promise.resolve()

/** One list for the header: the switcher shows it, and the workspaces dialog waits for it after a change. */
export const useWorkspaceList = create<WorkspaceListState>()((set) => {
  const fetchInto = async (mine: number): Promise<void> => {
    try {
      const workspaces = await api.invoke('workspaces:list', {})
      if (mine === ticket) set({ workspaces, error: undefined })
    } catch (error) {
      if (mine === ticket) set({ error })
    }
  }
  return {
    workspaces: undefined,
    error: undefined,
    async load() {
      let request = fetchInto(++ticket)
      newest = request
      await request
      // Overtaken: only the newest request's answer reaches the store, so wait for that one.
      while (newest !== request) {
        request = newest
        await request
      }
    },
  }
})
