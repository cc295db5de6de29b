import type { BulkAction } from '../../../../shared/commands/triage'
import { api } from '../../api/client'
import { useRoute } from '../../app/routeStore'
import { useInbox } from '../inbox/inboxStore'
import { movedIndex } from './selection'
import { useTriage, type TriageNotice } from './triageStore'

/**
 * What the shortcuts, the bulk bar and the triage dialogs do. Plain functions over the stores, so the
 * key handler, buttons and dialogs share one behaviour.
 */

/** Where a shortcut was pressed: in the open conversation, or anywhere else (the list, the page). */
export type KeyOrigin = 'conversation' | 'elsewhere'

/**
 * The conversations an action applies to: the ticked rows; else the open conversation when the key
 * was pressed inside it; else the cursor row of the inbox; else the open conversation.
 */
export function actionTargets(origin: KeyOrigin = 'elsewhere'): number[] {
  const { selected, cursorId } = useTriage.getState()
  if (selected.size > 0) return [...selected]
  const { view, conversationId } = useRoute.getState()
  if (origin === 'elsewhere' && view === 'inbox' && cursorId !== null) return [cursorId]
  return conversationId === null ? [] : [conversationId]
}

function noticeFor(action: BulkAction, count: number): TriageNotice {
  switch (action.kind) {
    case 'status':
      return { key: 'status', count, status: action.status }
    case 'snooze':
      return { key: 'snoozed', count, until: action.until }
    case 'assign':
      return action.assignee === null ? { key: 'unassigned', count } : { key: 'assigned', count, name: action.assignee }
    case 'tag':
      return { key: action.on ? 'tagged' : 'untagged', count, name: action.tag }
  }
}

/** Runs one bulk action; rows it moves out of the list (status, snooze) leave the selection with it. */
export async function runBulk(conversationIds: number[], action: BulkAction): Promise<boolean> {
  const { report } = useTriage.getState()
  try {
    const { changed } = await api.invoke('conversations:bulk', { conversationIds, action })
    if (action.kind === 'status' || action.kind === 'snooze') {
      const gone = new Set(conversationIds)
      useTriage.setState((s) => ({ selected: new Set([...s.selected].filter((id) => !gone.has(id))) }))
    }
    report({ notice: noticeFor(action, changed) })
    return true
  } catch (error) {
    report({ error })
    return false
  }
}

/** j/k: moves the cursor through the loaded rows and gives its row the keyboard focus. */
export function moveCursor(delta: number): void {
  const { rows } = useInbox.getState()
  const { cursorId, setCursor } = useTriage.getState()
  const index = movedIndex(
    rows.length,
    rows.findIndex((r) => r.id === cursorId),
    delta,
  )
  if (index !== null) setCursor(rows[index]!.id, index, true)
}

/** The cursor row of the inbox, when the inbox is what the user looks at. */
export function cursorConversation(): number | null {
  return useRoute.getState().view === 'inbox' ? useTriage.getState().cursorId : null
}

/** Waits (briefly) for an element to appear, e.g. a composer that mounts once its conversation loads. */
export function focusWhenShown(selector: string, timeoutMs = 3_000): void {
  const find = () => document.querySelector<HTMLElement>(selector)
  const now = find()
  if (now) {
    now.focus()
    return
  }
  const observer = new MutationObserver(() => {
    const element = find()
    if (!element) return
    observer.disconnect()
    element.focus()
  })
  observer.observe(document.body, { childList: true, subtree: true })
  setTimeout(() => observer.disconnect(), timeoutMs)
}
