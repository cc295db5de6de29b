import { create } from 'zustand'

export type View = 'inbox' | 'search' | 'contact' | 'merges' | 'accounts' | 'policy' | 'feeds' | 'reports'

/**
 * The whole of the app's navigation. Small enough that a router library would only add weight;
 * the open conversation is independent of the view so it can sit beside any list.
 */
export interface RouteState {
  view: View
  workspaceId: number | null
  conversationId: number | null
  contactId: number | null
  searchQuery: string
  /** Paths the desktop menu's file picker chose, waiting for the import dialog to show them. */
  importPaths: string[] | null
  setWorkspace(id: number | null): void
  showView(view: View): void
  openConversation(id: number | null): void
  openContact(id: number): void
  search(query: string): void
  requestImport(paths: string[]): void
  clearImportRequest(): void
}

export const useRoute = create<RouteState>()((set) => ({
  view: 'inbox',
  workspaceId: null,
  conversationId: null,
  contactId: null,
  searchQuery: '',
  importPaths: null,
  // A different workspace shares no conversations or contacts with the previous one.
  // The first workspace is chosen once the list arrives; that must not undo a search typed meanwhile.
  setWorkspace: (workspaceId) =>
    set((s) =>
      s.workspaceId === null ? { workspaceId } : { workspaceId, conversationId: null, contactId: null, view: 'inbox' },
    ),
  showView: (view) => set({ view }),
  openConversation: (conversationId) => set({ conversationId }),
  openContact: (contactId) => set({ contactId, view: 'contact' }),
  search: (searchQuery) => set({ searchQuery, view: 'search' }),
  // The import dialog lives in the accounts view; the user confirms the workspace there.
  requestImport: (importPaths) => set({ importPaths, view: 'accounts' }),
  clearImportRequest: () => set({ importPaths: null }),
}))
