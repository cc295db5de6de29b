import { useCallback, useState } from 'react'

export const draftKey = (conversationId: number): string => `earshot.draft.${conversationId}`

function readDraft(conversationId: number): string {
  try {
    return localStorage.getItem(draftKey(conversationId)) ?? ''
  } catch {
    // Storage can be blocked; a draft that does not survive a reload is still a working composer.
    return ''
  }
}

function writeDraft(conversationId: number, text: string): void {
  try {
    if (text) localStorage.setItem(draftKey(conversationId), text)
    else localStorage.removeItem(draftKey(conversationId))
  } catch {
    // See readDraft.
  }
}

/**
 * A reply draft kept per conversation in localStorage, written on every change, so switching
 * conversations or reloading the app never loses what was typed. The caller keys the component by
 * conversation, so the initial read happens once per conversation.
 */
export function useDraft(conversationId: number): [string, (text: string) => void] {
  const [text, setText] = useState(() => readDraft(conversationId))
  const update = useCallback(
    (next: string) => {
      setText(next)
      writeDraft(conversationId, next)
    },
    [conversationId],
  )
  return [text, update]
}
