import type { MouseEvent, ReactNode } from 'react'
import { api } from '../api/client'

/**
 * A link that leaves the app for the user's browser. The desktop window never opens windows or
 * navigates away (see main/security/window-policy), so there the core opens the address; in the web
 * host the page is already a browser tab and a plain new-tab link does it.
 */
export function ExternalLink({ href, children, className }: { href: string; children: ReactNode; className?: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    if (!window.earshot) return
    event.preventDefault()
    void api.invoke('app:openExternal', { url: href })
  }
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className={className} onClick={onClick}>
      {children}
    </a>
  )
}
