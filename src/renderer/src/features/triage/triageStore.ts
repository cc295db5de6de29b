import { create } from 'zustand'
import type { ConversationStatus } from '../../../../shared/domain'
import { keepLoaded, rangeBetween } from './selection'

/** The triage dialogs; each acts on the conversations it was opened for. */
export type TriageDialog = { kind: 'snooze' | 'assign' | 'tag'; ids: number[] } | { kind: 'help' } | { kind: 'lookup' }

/** What the last action did, for a polite live region ("2 conversations marked done"). */
export interface TriageNotice {
  key: 'status' | 'snoozed' | 'assigned' | 'unassigned' | 'tagged' | 'untagged'
  count: number
  status?: ConversationStatus
  until?: number
  /** The assignee or tag. */
  name?: string
}

interface TriageState {
  /** The name this host acts under (app:info): whose work "Mine" shows, the first choice when assigning. */
  agent: string | null
  /** The row j/k move and single-row shortcuts act on. */
  cursorId: number | null
  /** Where the cursor's row was, so the cursor can land on the row that took its place when it leaves. */
  cursorIndex: number
  /** Bumped when the cursor row should take the keyboard focus (after j/k), not on every click. */
  focusRequest: number
  /** Rows ticked for a bulk action. */
  selected: ReadonlySet<number>
  /** The last row ticked without Shift: where a Shift-click range starts. */
  anchorId: number | null
  dialog: TriageDialog | null
  notice: TriageNotice | null
  error: unknown
  setCursor(id: number | null, index: number, focus?: boolean): void
  toggle(id: number): void
  selectRange(order: readonly number[], id: number): void
  selectAll(order: readonly number[]): void
  clearSelection(): void
  /** Called whenever the loaded rows change. */
  keepLoaded(order: readonly number[]): void
  openDialog(dialog: TriageDialog): void
  closeDialog(): void
  report(result: { notice: TriageNotice } | { error: unknown }): void
}

export const useTriage = create<TriageState>()((set, get) => ({
  agent: null,
  cursorId: null,
  cursorIndex: -1,
  focusRequest: 0,
  selected: new Set(),
  anchorId: null,
  dialog: null,
  notice: null,
  error: undefined,

  setCursor: (cursorId, cursorIndex, focus = false) =>
    set((s) => ({ cursorId, cursorIndex, focusRequest: focus ? s.focusRequest + 1 : s.focusRequest })),
  toggle(id) {
    const selected = new Set(get().selected)
    if (!selected.delete(id)) selected.add(id)
    set({ selected, anchorId: id })
  },
  selectRange(order, id) {
    const selected = new Set(get().selected)
    for (const picked of rangeBetween(order, get().anchorId, id)) selected.add(picked)
    set({ selected })
  },
  selectAll: (order) => set({ selected: new Set(order) }),
  clearSelection: () => set({ selected: new Set(), anchorId: null }),
  keepLoaded(order) {
    const selected = keepLoaded(get().selected, order)
    if (selected !== get().selected) set({ selected })
  },
  openDialog: (dialog) => set({ dialog, error: undefined }),
  closeDialog: () => set({ dialog: null }),
  report: (result) =>
    set('error' in result ? { error: result.error, notice: null } : { notice: result.notice, error: undefined }),
}))
