import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendError } from './headers'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Maps a URL path to a file strictly inside `root`, or null. Decoding happens before the check, so
 * `%2e%2e%2f` is caught as well as `../`; the real path is checked too, so a symlink in the build
 * output cannot lead outside it either.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const candidate = path.join(root, decoded)
  if (!isInside(root, candidate)) return null
  try {
    const real = fs.realpathSync(candidate)
    return isInside(fs.realpathSync(root), real) ? real : null
  } catch {
    // Missing files are not an escape; the caller answers 404 (or the SPA page).
    return candidate
  }
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

/** Client-side routes (`/inbox/42`) get the app page; anything that looks like a file does not. */
function isSpaRoute(urlPath: string): boolean {
  const last = urlPath.split('/').pop() ?? ''
  return !urlPath.startsWith('/assets/') && !last.includes('.')
}

export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  staticDir: string,
  urlPath: string,
): Promise<void> {
  const root = path.resolve(staticDir)
  const resolved = resolveInside(root, urlPath === '/' ? '/index.html' : urlPath)
  if (resolved === null) {
    sendError(res, 403, 'FORBIDDEN', 'That path is outside the app.')
    return
  }
  let file = resolved
  if (!isFile(file)) {
    const index = path.join(root, 'index.html')
    if (!isSpaRoute(urlPath) || !isFile(index)) {
      sendError(res, 404, 'NOT_FOUND', 'No such file.')
      return
    }
    file = index
  }
  const type = contentTypeOf(file)
  // Vite's hashed bundles never change under one name; HTML and everything else stay no-store.
  if (urlPath.startsWith('/assets/') && !type.startsWith('text/html')) {
    res.setHeader('Cache-Control', 'private, max-age=31536000, immutable')
  }
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': fs.statSync(file).size })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  await pipeline(fs.createReadStream(file), res)
}
