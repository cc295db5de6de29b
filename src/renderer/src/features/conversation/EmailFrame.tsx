import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'

// The frame has an empty sandbox (no scripts, no same-origin) and its own CSP, so even HTML the
// sanitiser missed cannot run code or fetch remote images that would tell the sender we read it.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
const BASE_STYLE =
  'body{margin:0;padding:8px 10px;font:14px/1.5 system-ui,sans-serif;color:#1d232b;background:#fff;word-wrap:break-word}' +
  'img{max-width:100%;height:auto}blockquote{margin:0 0 0 8px;padding-left:8px;border-left:3px solid #ccd}'

export function emailSrcDoc(bodyHtml: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">` +
    `<style>${BASE_STYLE}</style></head><body>${bodyHtml}</body></html>`
  )
}

export function EmailFrame({ html, author }: { html: string; author: string }) {
  const { t } = useTranslation()
  const srcDoc = useMemo(() => emailSrcDoc(html), [html])
  return <iframe className="email-frame" sandbox="" srcDoc={srcDoc} title={t('conversation.emailFrame', { author })} />
}
