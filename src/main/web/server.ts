import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { MAIL_FRAME_WEB_PREFIX, type MailFrame } from '../../shared/commands/mail'
import { isCommandName } from '../../shared/contract'
import type { Core } from '../core/index'
import { streamEvents } from './events'
import { isAllowedHost, isAllowedOrigin, isAuthorised, newToken, tokenCookie, tokensMatch } from './guard'
import { sendError, sendJson, setSecurityHeaders } from './headers'
import { serveStatic } from './static'

/**
 * The web host: the same renderer and contract as the Electron shell, over HTTP on loopback.
 * Thin on purpose: it authenticates, moves bytes and calls `core.invoke`; the core validates.
 */

/** Only what the host uses, so tests can pass a small fake. */
export type WebCore = Pick<Core, 'invoke' | 'on'>

export interface WebHostOptions {
  core: WebCore
  /** The built renderer (index.html + assets/). */
  staticDir: string
  /** 0 or absent: a free port chosen by the OS. */
  port?: number
}

export interface WebHost {
  /** Open this once; it trades the token for a cookie and drops it from the address bar. */
  url: string
  token: string
  port: number
  close(): Promise<void>
}

export const MAX_BODY_BYTES = 1024 * 1024
/** Past this we stop draining an oversized body and drop the connection. */
const MAX_DRAIN_BYTES = 8 * MAX_BODY_BYTES

interface HostState {
  core: WebCore
  staticDir: string
  token: string
  port: number
  streams: Set<() => void>
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const state: HostState = {
    core: options.core,
    staticDir: options.staticDir,
    token: newToken(),
    port: 0,
    streams: new Set(),
  }
  const server = http.createServer((req, res) => {
    handle(state, req, res).catch((error: unknown) => failSafely(res, error))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    // Loopback only: the host is for this machine; other machines must never reach the data.
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  state.port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${state.port}/?token=${state.token}`,
    token: state.token,
    port: state.port,
    close: () => closeServer(server, state),
  }
}

function closeServer(server: http.Server, state: HostState): Promise<void> {
  // Event streams never end by themselves; without this, close() would wait for every browser.
  for (const end of state.streams) end()
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()))
    server.closeAllConnections()
  })
}

function failSafely(res: ServerResponse, error: unknown): void {
  // A browser that navigates away mid-download is not a failure worth a log line.
  if ((error as NodeJS.ErrnoException | null)?.code === 'ERR_STREAM_PREMATURE_CLOSE') return
  console.error('earshot web host: request failed', error)
  if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'The web host failed to answer this request.')
  else res.destroy()
}

async function handle(state: HostState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  setSecurityHeaders(res)
  // Host and Origin first: a rebinding or cross-site page learns nothing, not even "wrong token".
  if (!isAllowedHost(req.headers.host, state.port)) {
    return sendError(res, 403, 'FORBIDDEN', 'Unexpected Host header.')
  }
  if (!isAllowedOrigin(req.headers.origin, state.port)) {
    return sendError(res, 403, 'FORBIDDEN', 'Cross-origin requests are not allowed.')
  }
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${state.port}`)
  const rawPath = (req.url ?? '/').split('?')[0] ?? '/'
  if (rawPath === '/' && url.searchParams.has('token') && req.method === 'GET') {
    return exchangeToken(state, url.searchParams.get('token') ?? '', res)
  }
  if (!isAuthorised(req, state.token)) {
    return sendError(res, 401, 'AUTH', 'Open the address Earshot printed at start (it carries the token).')
  }
  if (rawPath.startsWith('/api/')) return handleApi(state, req, res, rawPath.slice('/api/'.length))
  if (rawPath === '/events') return handleEvents(state, req, res)
  if (rawPath.startsWith(MAIL_FRAME_WEB_PREFIX)) return handleMailFrame(state, req, res, rawPath.slice(MAIL_FRAME_WEB_PREFIX.length))
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD')
    return sendError(res, 405, 'METHOD', 'Only GET is allowed here.')
  }
  return serveStatic(req, res, state.staticDir, rawPath)
}

/** The token arrives once in the address; from then on it lives in an HttpOnly cookie only. */
function exchangeToken(state: HostState, candidate: string, res: ServerResponse): void {
  if (!tokensMatch(candidate, state.token)) {
    return sendError(res, 401, 'AUTH', 'That token is not valid (it changes each time Earshot starts).')
  }
  res.writeHead(303, { 'Set-Cookie': tokenCookie(state.token), Location: '/' })
  res.end()
}

/**
 * A mail body for the conversation view's frame: its own document with its own policy (remote images
 * only for senders the user allowed), and framable by this app alone.
 */
async function handleMailFrame(state: HostState, req: IncomingMessage, res: ServerResponse, rawId: string): Promise<void> {
  if (req.method !== 'GET') {
    res.setHeader('Allow', 'GET')
    return sendError(res, 405, 'METHOD', 'Use GET for mail frames.')
  }
  const result = await state.core.invoke('mail:frame', { messageId: /^\d{1,16}$/.test(rawId) ? Number(rawId) : rawId })
  if (!result.ok) return sendError(res, result.error.code === 'INVALID' ? 400 : 404, result.error.code, result.error.message)
  const frame = result.value as MailFrame
  res.setHeader('Content-Security-Policy', frame.contentSecurityPolicy)
  res.removeHeader('X-Frame-Options')
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
  res.end(frame.document)
}

function handleEvents(state: HostState, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET') {
    res.setHeader('Allow', 'GET')
    return sendError(res, 405, 'METHOD', 'Use GET for /events.')
  }
  const end = streamEvents(req, res, state.core)
  state.streams.add(end)
  res.on('close', () => state.streams.delete(end))
}

async function handleApi(state: HostState, req: IncomingMessage, res: ServerResponse, rawName: string): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST')
    return sendError(res, 405, 'METHOD', 'Commands are called with POST.')
  }
  const name = safeDecode(rawName)
  if (name === null || !isCommandName(name)) {
    return sendError(res, 404, 'NOT_FOUND', `There is no command "${name ?? rawName}".`)
  }
  const body = await readBody(req, res)
  if (body === null) return
  let arg: unknown
  try {
    // An empty body means "no argument fields", so `curl -X POST …/api/app:info` just works.
    arg = body.length === 0 ? {} : JSON.parse(body.toString('utf8'))
  } catch {
    return sendError(res, 400, 'INVALID', 'The request body is not valid JSON.')
  }
  // Errors are values: a failed command is still a 200 carrying `{ ok: false, error }`.
  sendJson(res, 200, await state.core.invoke(name, arg))
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value)
  } catch {
    return null
  }
}

/** Reads at most MAX_BODY_BYTES; answers 413 itself and returns null when the body is larger. */
function readBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length'] ?? 0)
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    const refuse = (): void => {
      tooLarge = true
      res.setHeader('Connection', 'close')
      sendError(res, 413, 'TOO_LARGE', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`)
      resolve(null)
    }
    if (declared > MAX_BODY_BYTES) refuse()
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (tooLarge) {
        // Keep draining so the client reads our 413 instead of a reset, but not forever.
        if (size > MAX_DRAIN_BYTES) req.destroy()
        return
      }
      if (size > MAX_BODY_BYTES) return refuse()
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (!tooLarge) resolve(Buffer.concat(chunks))
    })
    req.on('error', (error) => {
      if (!tooLarge) reject(error)
    })
  })
}
