import { createRequire } from 'node:module'
import type sanitizeHtmlType from 'sanitize-html'

let loaded: typeof sanitizeHtmlType | undefined

/**
 * sanitize-html, loaded on its first use: with postcss and htmlparser2 it takes about 90 ms to
 * load, which every thread that might meet HTML paid as it started — the mail import's two threads
 * before their first message, most of whose messages are plain text.
 */
export function sanitizeHtml(...args: Parameters<typeof sanitizeHtmlType>): string {
  loaded ??= createRequire(import.meta.url)('sanitize-html') as typeof sanitizeHtmlType
  return loaded(...args)
}
