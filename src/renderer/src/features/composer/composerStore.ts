import { create } from 'zustand'

/** Text taken back from the outbox ("Undo"), on its way to the open conversation's composer. */
export interface Restored {
  conversationId: number
  text: string
  /** Tells two undos of the same text apart, so each reaches the composer. */
  seq: number
}

interface ComposerState {
  restored: Restored | null
  restore(conversationId: number, text: string): void
}

/** The outbox list and the composer are siblings; an undo in one hands its text to the other here. */
export const useComposerStore = create<ComposerState>()((set) => ({
  restored: null,
  restore: (conversationId, text) =>
    set((s) => ({ restored: { conversationId, text, seq: (s.restored?.seq ?? 0) + 1 } })),
}))
