import { useEffect } from 'react'
import { useRoute } from '../../app/routeStore'
import { actionTargets, cursorConversation, focusWhenShown, moveCursor, runBulk, type KeyOrigin } from './actions'
import { isControl, isMacPlatform, isTypingIn, shortcutFor, type ShortcutId } from './keymap'
import { useTriage } from './triageStore'

/** Where the shortcuts send the focus; the composer and note form belong to the conversation view. */
const FOCUS_TARGETS = {
  reply: '.conversation .composer textarea',
  note: '.conversation .note-form textarea',
  search: 'form[role="search"] input',
} as const

/** Opens the cursor row when the key was pressed in the list, then focuses a field of the conversation. */
function focusInConversation(origin: KeyOrigin, selector: string): void {
  const { conversationId, openConversation } = useRoute.getState()
  const cursor = origin === 'elsewhere' ? cursorConversation() : null
  if (cursor !== null && cursor !== conversationId) openConversation(cursor)
  else if (conversationId === null) return
  focusWhenShown(selector)
}

function runShortcut(id: ShortcutId, origin: KeyOrigin): void {
  const triage = useTriage.getState()
  const route = useRoute.getState()
  const inInbox = route.view === 'inbox'
  switch (id) {
    case 'next':
    case 'previous':
      if (inInbox) moveCursor(id === 'next' ? 1 : -1)
      return
    case 'open': {
      const cursor = cursorConversation()
      if (cursor !== null) route.openConversation(cursor)
      return
    }
    case 'toggleSelection':
      if (inInbox && triage.cursorId !== null) triage.toggle(triage.cursorId)
      return
    case 'reply':
    case 'note':
      return focusInConversation(origin, FOCUS_TARGETS[id])
    case 'assign':
    case 'snooze': {
      const ids = actionTargets(origin)
      if (ids.length > 0) triage.openDialog({ kind: id, ids })
      return
    }
    case 'done': {
      const ids = actionTargets(origin)
      if (ids.length > 0) void runBulk(ids, { kind: 'status', status: 'done' })
      return
    }
    case 'search':
      return focusWhenShown(FOCUS_TARGETS.search)
    case 'lookup':
    case 'help':
      return triage.openDialog({ kind: id })
  }
}

/**
 * The app's keyboard map (keymap.ts), listened for on the whole document. Keys a focused element
 * already handled (a grid row's Enter) and keys pressed while a modal dialog is open are left alone.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const mac = isMacPlatform(navigator.userAgent)
    const onKeyDown = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.isComposing || document.querySelector(':modal')) return
      const target = e.target instanceof HTMLElement ? e.target : null
      const focused = target && {
        tagName: target.tagName,
        type: target.getAttribute('type') ?? undefined,
        role: target.getAttribute('role'),
        isContentEditable: target.isContentEditable,
      }
      const id = shortcutFor(e, { typing: isTypingIn(focused), onControl: isControl(focused), mac })
      if (!id) return
      e.preventDefault()
      runShortcut(id, target?.closest('.conversation') ? 'conversation' : 'elsewhere')
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])
}
