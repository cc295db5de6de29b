import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../api/client'

/** Saved once typing pauses this long: a save per keystroke would be wasted work for the core. */
export const DRAFT_SAVE_DELAY_MS = 600

/** 'loading': not yet read from the core (the field waits); 'saved': what is shown is in the core. */
export type DraftStatus = 'loading' | 'unsaved' | 'saved' | 'failed'

export interface DraftState {
  text: string
  status: DraftStatus
  /** What the person typed: shown at once, saved once typing pauses. */
  edit(text: string): void
  /** Text the core already holds (it cleared the draft when queueing): shown, not saved again. */
  replace(text: string): void
  /** Saves a pending edit now; resolves once every save made so far has reached the core. */
  flush(): Promise<void>
}

/**
 * A reply draft per conversation, kept in the core's database: it survives reloads, restarts and a
 * switch between the desktop app and the browser. The caller keys the component by conversation.
 * A save still pending when the conversation closes is made at once, so switching loses nothing.
 */
export function useDraft(conversationId: number): DraftState {
  const [text, setText] = useState('')
  const [status, setStatus] = useState<DraftStatus>('loading')
  const pending = useRef<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const inFlight = useRef<Promise<void>>(Promise.resolve())

  const save = useCallback(() => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    const bodyText = pending.current
    pending.current = null
    if (bodyText === null) return
    const saved = api.invoke('draft:save', { conversationId, bodyText }).then(
      // A newer edit may be waiting; only the last save may say "saved".
      () => void (pending.current === null && setStatus('saved')),
      () => setStatus('failed'),
    )
    inFlight.current = inFlight.current.then(() => saved)
  }, [conversationId])

  useEffect(() => {
    let live = true
    api.invoke('draft:get', { conversationId }).then(
      (draft) => {
        // Something inserted meanwhile (a canned reply) is newer than the stored draft.
        if (!live || pending.current !== null) return
        setText(draft?.bodyText ?? '')
        setStatus('saved')
      },
      // An unreadable draft must not keep the person from writing a reply.
      () => live && setStatus('failed'),
    )
    return () => {
      live = false
      save()
    }
  }, [conversationId, save])

  const edit = useCallback(
    (next: string) => {
      setText(next)
      setStatus('unsaved')
      pending.current = next
      if (timer.current) clearTimeout(timer.current)
      timer.current = setTimeout(save, DRAFT_SAVE_DELAY_MS)
    },
    [save],
  )

  const replace = useCallback((next: string) => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    pending.current = null
    setText(next)
    setStatus('saved')
  }, [])

  const flush = useCallback(() => {
    save()
    return inFlight.current
  }, [save])

  return { text, status, edit, replace, flush }
}
