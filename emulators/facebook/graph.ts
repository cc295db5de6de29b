import type { ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import { sendJson } from '../shared/http'

/** A requested field: `comments.limit(50){id,message}` → { name: 'comments', limit: 50, sub: 'id,message' }. */
export interface FieldSpec { name: string; limit: number | null; sub: string | null }

/** Splits a Graph `fields` list at top-level commas, keeping nested `{…}` selections together. */
export function parseFields(fields: string): FieldSpec[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const char of fields) {
    if (char === ',' && depth === 0) {
      parts.push(current)
      current = ''
      continue
    }
    if (char === '{') depth++
    if (char === '}') depth--
    current += char
  }
  if (current) parts.push(current)
  return parts.map((part) => {
    const match = /^\s*([a-z_]+)(?:\.limit\((\d+)\))?(?:\{(.*)\})?\s*$/s.exec(part)
    return { name: match?.[1] ?? part.trim(), limit: match?.[2] ? Number(match[2]) : null, sub: match?.[3] ?? null }
  })
}

export interface GraphPage<T> {
  data: T[]
  paging?: { cursors: { before: string; after: string }; next?: string; previous?: string }
}

const cursorOf = (id: string) => Buffer.from(id).toString('base64url')
const idOfCursor = (cursor: string) => Buffer.from(cursor, 'base64url').toString('utf8')

/**
 * Cursor paging as Graph does it: opaque before/after cursors naming an item, a `next` URL while more
 * follow. A cursor whose item is gone restarts from the top (Graph says not to keep cursors for long).
 */
export function pageOf<T extends { id: string }>(
  items: readonly T[],
  arg: { limit: number; after: string | null; nextUrl: (after: string) => string },
): GraphPage<T> {
  const afterId = arg.after ? idOfCursor(arg.after) : null
  const start = afterId === null ? 0 : items.findIndex((item) => item.id === afterId) + 1
  const data = items.slice(start, start + arg.limit)
  const first = data[0]
  const last = data.at(-1)
  if (!first || !last) return { data }
  const more = start + arg.limit < items.length
  return {
    data,
    paging: { cursors: { before: cursorOf(first.id), after: cursorOf(last.id) }, ...(more ? { next: arg.nextUrl(cursorOf(last.id)) } : {}) },
  }
}

export function graphError(
  res: ServerResponse,
  arg: { status?: number; code: number; message: string; subcode?: number; type?: string; headers?: Record<string, string> },
): void {
  sendJson(
    res,
    arg.status ?? 400,
    {
      error: {
        message: arg.message,
        type: arg.type ?? 'OAuthException',
        code: arg.code,
        ...(arg.subcode !== undefined ? { error_subcode: arg.subcode } : {}),
        fbtrace_id: randomBytes(8).toString('base64url'),
      },
    },
    arg.headers ?? {},
  )
}

export const THROTTLE_MESSAGES: Record<number, string> = {
  4: '(#4) Application request limit reached',
  17: '(#17) User request limit reached',
  32: '(#32) Page request limit reached',
  613: '(#613) Calls to this api have exceeded the rate limit.',
  80001: '(#80001) There have been too many calls to this Page account. Wait a bit and try again.',
}
