import { sanitizeHtml } from '../sanitize-html'

/** Block ends that read as line breaks once the markup is gone. */
const BLOCK_END = /<(?:br\b[^>]*|\/(?:p|div|li|h[1-6]|blockquote|pre|tr|table|ul|ol)\s*)>/gi

/** sanitize-html escapes these four in the text it returns; nothing else is left encoded. */
const ESCAPED: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' }

/**
 * An entry's HTML reduced to plain text: no markup, scripts or styles survive, entities are decoded,
 * and paragraphs stay apart. Feed entries are shown as text and opened on the site for the rest.
 */
export function htmlToText(html: string): string {
  const text = sanitizeHtml(html.replace(BLOCK_END, '$&\n'), {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: [
      'script',
      'style',
      'textarea',
      'option',
      'noscript',
      'title',
      'head',
      'svg',
      'math',
      'iframe',
      'object',
    ],
  })
  return text
    .replace(/&(?:amp|lt|gt|quot);/g, (entity) => ESCAPED[entity] ?? entity)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
