import { useEffect, useRef, useState, type ReactNode } from 'react'

interface ModalProps {
  /** The id of the dialog's heading, which names it. */
  labelledBy: string
  className?: string
  onClosed: () => void
  /** `close` closes the dialog the way Escape does, so focus returns where it was. */
  children: (close: () => void) => ReactNode
}

/**
 * A native modal <dialog>: the browser traps focus, closes it on Escape and keeps the page behind
 * inert. Every way out goes through dialog.close(), then focus returns to what had it before (the
 * inbox row a shortcut was pressed on), so triage can go on from the keyboard.
 */
export function Modal({ labelledBy, className, onClosed, children }: ModalProps) {
  const [dialog, setDialog] = useState<HTMLDialogElement | null>(null)
  const closed = useRef(onClosed)
  useEffect(() => {
    closed.current = onClosed
  })

  useEffect(() => {
    if (!dialog) return
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const onClose = () => {
      if (before?.isConnected && !dialog.contains(before)) before.focus()
      closed.current()
    }
    dialog.addEventListener('close', onClose)
    dialog.showModal()
    return () => {
      dialog.removeEventListener('close', onClose)
      if (dialog.open) dialog.close()
    }
  }, [dialog])

  return (
    <dialog ref={setDialog} aria-labelledby={labelledBy} className={`modal ${className ?? ''}`.trim()}>
      {children(() => dialog?.close())}
    </dialog>
  )
}
