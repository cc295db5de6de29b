import { sanitizeHtml } from '../../sanitize-html'

const ESCAPED: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }

/**
 * A status's HTML `content` as the plain text a person would read. Mastodon sends a small, already
 * sanitised subset (p, br, a, span), but it comes from other servers too, so it goes through the
 * same sanitiser as mail, with every tag dropped: scripts and styles lose their content, links keep
 * their text (Mastodon writes the whole URL there, part of it in hidden spans).
 */
export function statusText(html: string): string {
  const withBreaks = html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p\s*>/gi, '\n\n')
  const text = sanitizeHtml(withBreaks, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'iframe', 'object', 'svg', 'math'],
  })
  // The sanitiser escapes &, < and > (and quotes) in what it returns; this is text, not HTML.
  return text
    .replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ESCAPED[entity] ?? entity)
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
