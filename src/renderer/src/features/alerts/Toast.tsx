import type { ReactNode } from 'react'

export type ToastTone = 'info' | 'warning' | 'danger'

/**
 * One in-app notice: a title, a line of detail, the actions it offers and a way to dismiss it. Plain
 * props, so anything that needs to tell the user something briefly can use it, not only alerts.
 */
export function Toast(props: {
  tone: ToastTone
  title: string
  body: string
  actions?: ReactNode
  dismissLabel: string
  onDismiss: () => void
}) {
  return (
    <div className={`toast tone-${props.tone}`}>
      <span className="toast-title">{props.title}</span>
      <span>{props.body}</span>
      <div className="toast-actions">
        {props.actions}
        <button type="button" className="secondary" onClick={props.onDismiss}>
          {props.dismissLabel}
        </button>
      </div>
    </div>
  )
}
