import type { Db } from '../store/db'
import { BLOCKED_SRC_ATTRIBUTE } from './sanitize'

/**
 * A mail's HTML as its own document, served by the host from its own address (web host
 * `/frame/message/<id>`, desktop `earshot-frame://message/<id>`) with its own Content-Security-Policy.
 * A srcdoc frame would inherit the app's policy, which can never allow remote images; this one does,
 * for senders the user allowed. The policy also sandboxes the document: no script, no same-origin,
 * no forms, no navigation of the app.
 */
const BASE_STYLE =
  'body{margin:0;padding:8px 10px;font:14px/1.5 system-ui,sans-serif;color:#1d232b;background:#fff;word-wrap:break-word}' +
  'img{max-width:100%;height:auto}blockquote{margin:0 0 0 8px;padding-left:8px;border-left:3px solid #ccd}'

export function mailFrameCsp(remoteImages: boolean): string {
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    remoteImages ? 'img-src data: https: http:' : 'img-src data:',
    "frame-ancestors 'self'",
    // Also opened on its own (a new tab), the document stays as powerless as inside the frame.
    'sandbox',
  ].join('; ')
}

/** Puts a blocked image's address back, for a sender the user allowed. */
export function restoreRemoteImages(html: string): string {
  const blocked = new RegExp(`<img([^>]*?)\\ssrc="[^"]*"([^>]*?)\\s${BLOCKED_SRC_ATTRIBUTE}="([^"]*)"([^>]*)>`, 'g')
  return html.replace(blocked, (_m, a: string, b: string, url: string, c: string) => `<img${a} src="${url}"${b}${c}>`)
}

export function mailFrameDocument(sanitisedHtml: string, remoteImages: boolean): string {
  const body = remoteImages ? restoreRemoteImages(sanitisedHtml) : sanitisedHtml
  return `<!doctype html><html><head><meta charset="utf-8"><style>${BASE_STYLE}</style></head><body>${body}</body></html>`
}

export const hasBlockedImages = (sanitisedHtml: string): boolean => sanitisedHtml.includes(`${BLOCKED_SRC_ATTRIBUTE}=`)

export function setImageConsent(
  db: Db,
  workspaceId: number,
  address: string,
  allowed: boolean,
  now = Date.now(),
): void {
  if (allowed) {
    db.prepare(
      'INSERT INTO image_senders (workspace_id, address, allowed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    ).run(workspaceId, address, now)
  } else {
    db.prepare('DELETE FROM image_senders WHERE workspace_id = ? AND address = ?').run(workspaceId, address)
  }
}
