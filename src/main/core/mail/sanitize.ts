import type { Attributes, IOptions } from 'sanitize-html'
import { sanitizeHtml } from '../sanitize-html'

/** Shown instead of a remote image until the user allows the sender: a transparent 1×1 GIF. */
export const BLOCKED_IMAGE_SRC = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'
/** Where the original address of a blocked image is kept for the renderer to restore. */
export const BLOCKED_SRC_ATTRIBUTE = 'data-earshot-src'

export interface SanitisedHtml {
  html: string
  /** 1×1 (or 0×0) remote images, almost always open-tracking pixels; removed outright. */
  trackersRemoved: number
  /** Remote images kept but blocked (src replaced, original in data-earshot-src). */
  remoteImagesBlocked: number
}

const FORMATTING_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'center', 'code', 'col', 'colgroup', 'dd', 'del', 'div', 'dl', 'dt',
  'em', 'font', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'li', 'ol', 'p', 'pre', 'q', 's', 'small',
  'span', 'strike', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul',
]

/** Plain values only: no url(), no expression(), no escapes that could smuggle either in. */
const SAFE_CSS_VALUE = /^(?!.*(?:url\s*\(|expression\s*\(|javascript:|\\|@import))[#\w\s.,%'"()+-]*$/i
const STYLE_PROPERTIES = [
  'color', 'background-color', 'font-weight', 'font-style', 'font-size', 'font-family', 'text-align',
  'text-decoration', 'line-height', 'margin', 'margin-left', 'margin-right', 'margin-top', 'margin-bottom',
  'padding', 'padding-left', 'padding-right', 'padding-top', 'padding-bottom', 'border', 'border-collapse',
  'width', 'height', 'vertical-align', 'white-space',
]

const isRemote = (src: string) => /^\s*(https?:)?\/\//i.test(src)

function isTrackingPixel(attribs: Attributes): boolean {
  const tiny = (v: string | undefined) => v !== undefined && /^\s*[01](px)?\s*$/i.test(v)
  const style = attribs.style ?? ''
  const styleTiny = /(^|;)\s*width\s*:\s*[01]px/i.test(style) && /(^|;)\s*height\s*:\s*[01]px/i.test(style)
  return (tiny(attribs.width) && tiny(attribs.height)) || styleTiny || /display\s*:\s*none/i.test(style)
}

/**
 * Makes a mail's HTML safe to show in the renderer's sandboxed frame: a conservative allow-list of
 * formatting, no scripts, frames, forms, styles sheets, event handlers or script URLs, and no remote
 * request until the user allows the sender (remote images are blocked, tracking pixels dropped).
 */
export function sanitizeMailHtml(html: string): SanitisedHtml {
  let trackersRemoved = 0
  let remoteImagesBlocked = 0
  const options: IOptions = {
    allowedTags: FORMATTING_TAGS,
    // Dropped with their content, not just unwrapped: a script's text is no reading matter.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'svg', 'math', 'iframe', 'object'],
    allowedAttributes: {
      '*': ['style', 'align', 'valign', 'dir', 'lang', 'title', 'width', 'height', 'bgcolor', 'color'],
      a: ['href', 'name', 'target', 'rel'],
      img: ['src', 'alt', BLOCKED_SRC_ATTRIBUTE, 'data-earshot-blocked'],
      font: ['face', 'size'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan'],
      table: ['border', 'cellpadding', 'cellspacing'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['cid', 'data', 'http', 'https'] },
    allowProtocolRelative: false,
    allowedStyles: { '*': Object.fromEntries(STYLE_PROPERTIES.map((p) => [p, [SAFE_CSS_VALUE]])) },
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer' } }),
      img: (tagName, attribs) => {
        const src = attribs.src ?? ''
        if (!isRemote(src)) return { tagName, attribs }
        if (isTrackingPixel(attribs)) {
          trackersRemoved++
          // No src left: the exclusive filter below drops the element entirely.
          return { tagName, attribs: {} }
        }
        remoteImagesBlocked++
        const absolute = src.trim().startsWith('//') ? `https:${src.trim()}` : src.trim()
        return {
          tagName,
          attribs: { ...attribs, src: BLOCKED_IMAGE_SRC, [BLOCKED_SRC_ATTRIBUTE]: absolute, 'data-earshot-blocked': '1' },
        }
      },
    },
    exclusiveFilter: (frame) => frame.tag === 'img' && !/^(data:image\/|cid:)/i.test(frame.attribs.src ?? ''),
  }
  const clean = sanitizeHtml(html, options)
  return { html: clean, trackersRemoved, remoteImagesBlocked }
}
