import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomUUID } from 'node:crypto'
import { FaultScript, bearerToken, closeServer, dropConnection, listen, readBody, sendJson, sendMalformed, sleep, type Fault, type RequestLogEntry } from '../shared/http'
import { faultControlRoutes, handleControl, optionalString, type ControlRoutes } from '../shared/control'
import { FbState, parseGraphTime, type FbComment, type FbConversation, type FbMessage, type FbPost } from './state'
import { THROTTLE_MESSAGES, graphError, pageOf, parseFields } from './graph'
import { createFacebookLogin, DEMO_USER_TOKEN } from './login'

/** A second Page the demo user manages, so connecting means choosing; it has no posts or messages yet. */
const CATERING_PAGE = { id: '104200300500', name: 'Sonnenschein Catering', category: 'Caterer' }

export interface FacebookEmulatorOptions {
  port?: number
  seed?: number
  commentsPerPost?: number
  conversations?: number
  now?: () => number
}

export interface FbPosted {
  kind: 'comment-reply' | 'message'
  id: string
  text: string
  /** The comment answered, or the PSID messaged. */
  target: string
  at: number
}

interface Ctx { req: IncomingMessage; res: ServerResponse; params: URLSearchParams; segments: string[]; origin: string; headers: Record<string, string> }

const WINDOW_MS = 24 * 3_600_000

export async function startFacebookEmulator(options: FacebookEmulatorOptions = {}) {
  const now = options.now ?? Date.now
  const state = new FbState({ seed: options.seed ?? 7, commentsPerPost: options.commentsPerPost ?? 4, conversations: options.conversations ?? 8, now })
  const faults = new FaultScript()
  const requests: RequestLogEntry[] = []
  const posted: FbPosted[] = []
  const tokens = new Map<string, 'valid' | 'expired' | 'revoked'>([['fb-page-token-1', 'valid']])
  const login = createFacebookLogin({
    now,
    pages: [
      { ...state.page, category: 'Bakery', access_token: 'fb-page-token-1', tasks: ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT', 'MANAGE', 'MESSAGING'] },
      { ...CATERING_PAGE, access_token: 'fb-page-token-catering', tasks: ['MODERATE', 'MESSAGING'] },
    ],
  })
  tokens.set('fb-page-token-catering', 'valid')
  let calls = 0
  let liveTimer: NodeJS.Timeout | null = null

  const nextUrl = (ctx: Ctx, path: string) => (after: string) => {
    const params = new URLSearchParams(ctx.params)
    params.set('after', after)
    params.delete('message')
    return `${ctx.origin}/v19.0/${path}?${params}`
  }
  const limitOf = (ctx: Ctx, fallback = 25) => Math.min(100, Number(ctx.params.get('limit') ?? fallback) || fallback)

  const commentsOf = (objectId: string) => state.comments.filter((c) => c.objectId === objectId)
  const commentView = (c: FbComment) => ({ id: c.id, message: c.message, created_time: c.created_time, from: c.from })

  /** A nested edge (`comments{…}`, `messages{…}`) inlined as the first page of that edge. */
  const nestedEdge = <T extends { id: string }>(ctx: Ctx, ownerId: string, edge: string, items: T[], limit: number | null) => {
    const base = new URLSearchParams({ access_token: ctx.params.get('access_token') ?? '', limit: String(limit ?? 25) })
    return pageOf(items, {
      limit: limit ?? 25,
      after: null,
      nextUrl: (after) => `${ctx.origin}/v19.0/${ownerId}/${edge}?${base}&after=${after}`,
    })
  }

  const feed = (ctx: Ctx) => {
    const since = ctx.params.get('since')
    const posts = state.posts
      .filter((p) => since === null || parseGraphTime(p.created_time) >= Number(since) * 1000)
      .slice()
      .reverse()
    const fields = parseFields(ctx.params.get('fields') ?? 'id,message,created_time')
    const page = pageOf(posts, { limit: limitOf(ctx), after: ctx.params.get('after'), nextUrl: nextUrl(ctx, `${state.page.id}/feed`) })
    const commentsField = fields.find((f) => f.name === 'comments')
    const data = page.data.map((post: FbPost) => ({
      ...post,
      ...(commentsField ? { comments: nestedEdge(ctx, post.id, 'comments', commentsOf(post.id).map(commentView), commentsField.limit) } : {}),
    }))
    sendJson(ctx.res, 200, { ...page, data }, ctx.headers)
  }

  const conversationView = (ctx: Ctx, c: FbConversation, messagesLimit: number | null) => ({
    id: c.id,
    updated_time: c.messages.at(-1)?.created_time,
    participants: { data: [state.userOrThrow(c.psid), state.page] },
    messages: nestedEdge(ctx, c.id, 'messages', c.messages.slice().reverse(), messagesLimit),
  })

  const conversations = (ctx: Ctx) => {
    if (ctx.params.get('platform') !== 'messenger') {
      return graphError(ctx.res, { code: 100, message: '(#100) Param platform must be one of {MESSENGER, INSTAGRAM}' })
    }
    const sorted = state.conversations.slice().sort((a, b) => (b.messages.at(-1)?.created_time ?? '').localeCompare(a.messages.at(-1)?.created_time ?? ''))
    const messagesField = parseFields(ctx.params.get('fields') ?? '').find((f) => f.name === 'messages')
    const page = pageOf(sorted, { limit: limitOf(ctx), after: ctx.params.get('after'), nextUrl: nextUrl(ctx, `${state.page.id}/conversations`) })
    sendJson(ctx.res, 200, { ...page, data: page.data.map((c) => conversationView(ctx, c, messagesField?.limit ?? null)) }, ctx.headers)
  }

  const listEdge = <T extends { id: string }>(ctx: Ctx, path: string, items: T[]) =>
    sendJson(ctx.res, 200, pageOf(items, { limit: limitOf(ctx), after: ctx.params.get('after'), nextUrl: nextUrl(ctx, path) }), ctx.headers)

  const replyToComment = (ctx: Ctx, objectId: string) => {
    const message = ctx.params.get('message')
    if (!message) return graphError(ctx.res, { code: 100, message: '(#100) Missing message or attachment' })
    if (!state.comments.some((c) => c.id === objectId) && !state.posts.some((p) => p.id === objectId)) {
      return graphError(ctx.res, { code: 100, subcode: 33, message: `Unsupported post request. Object with ID '${objectId}' does not exist` })
    }
    const reply = state.addComment({ objectId, from: state.page, message })
    posted.push({ kind: 'comment-reply', id: reply.id, text: message, target: objectId, at: now() })
    sendJson(ctx.res, 200, { id: reply.id }, ctx.headers)
  }

  const sendMessage = (ctx: Ctx) => {
    const recipient = parseJsonParam<{ id?: string }>(ctx.params.get('recipient'))
    const message = parseJsonParam<{ text?: string }>(ctx.params.get('message'))
    if (!recipient?.id || !message?.text) return graphError(ctx.res, { code: 100, message: '(#100) The parameter recipient and message are required' })
    const lastAt = state.lastCustomerMessageAt(recipient.id)
    if (lastAt === null) return graphError(ctx.res, { code: 100, subcode: 2018001, message: '(#100) No matching user found' })
    if (ctx.params.get('messaging_type') === 'RESPONSE' && now() - lastAt > WINDOW_MS) {
      return graphError(ctx.res, {
        code: 10, subcode: 2018278,
        message: '(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview',
      })
    }
    const sent: FbMessage = state.addMessage({ psid: recipient.id, fromPage: true, message: message.text })
    posted.push({ kind: 'message', id: sent.id, text: message.text, target: recipient.id, at: now() })
    sendJson(ctx.res, 200, { recipient_id: recipient.id, message_id: sent.id }, ctx.headers)
  }

  const route = (method: string, segments: string[]): [string, (ctx: Ctx) => void] | null => {
    const [id = '', edge] = segments
    if (segments.length === 1 && id === 'me' && method === 'GET') return ['me', (ctx) => sendJson(ctx.res, 200, state.page, ctx.headers)]
    if (segments.length === 1 && id === 'debug_token' && method === 'GET') return ['debug_token', (ctx) => login.debugToken(ctx.res, ctx.params, ctx.headers)]
    if (id === 'me' && edge === 'accounts' && method === 'GET') {
      return ['me:accounts', (ctx) => login.managedPages(ctx.res, ctx.params, nextUrl(ctx, 'me/accounts'), ctx.headers)]
    }
    if (segments.length !== 2) return null
    if (id === CATERING_PAGE.id && (edge === 'feed' || edge === 'conversations') && method === 'GET') {
      return [edge, (ctx) => listEdge(ctx, `${id}/${edge}`, [])]
    }
    if (id === state.page.id && edge === 'feed' && method === 'GET') return ['feed', feed]
    if (id === state.page.id && edge === 'conversations' && method === 'GET') return ['conversations', conversations]
    if (id === state.page.id && edge === 'messages' && method === 'POST') return ['messages:send', sendMessage]
    if (edge === 'comments' && method === 'GET') return ['comments', (ctx) => listEdge(ctx, `${id}/comments`, commentsOf(id).map(commentView))]
    if (edge === 'comments' && method === 'POST') return ['comment:reply', (ctx) => replyToComment(ctx, id)]
    const conversation = state.conversations.find((c) => c.id === id)
    if (conversation && edge === 'messages' && method === 'GET') {
      return ['conversation:messages', (ctx) => listEdge(ctx, `${id}/messages`, conversation.messages.slice().reverse())]
    }
    return null
  }

  const usageHeaders = (regainMinutes = 0) => {
    calls++
    const percent = Math.min(100, Math.floor(calls / 50))
    const usage = { call_count: percent, total_cputime: Math.floor(percent / 2), total_time: Math.floor(percent / 2) }
    return {
      'x-app-usage': JSON.stringify(usage),
      'x-business-use-case-usage': JSON.stringify({ [state.page.id]: [{ type: 'pages', ...usage, estimated_time_to_regain_access: regainMinutes }] }),
    }
  }

  const applyFault = (res: ServerResponse, fault: Fault) => {
    if (fault.kind === 'rate-limit') {
      const code = fault.fbCode ?? 32
      const regain = fault.regainMinutes ?? 5
      return graphError(res, { status: code === 4 ? 403 : 400, code, message: THROTTLE_MESSAGES[code] ?? `(#${code}) Rate limited`, headers: usageHeaders(regain) })
    }
    if (fault.kind === 'server-error') return graphError(res, { status: fault.status ?? 500, code: 2, type: 'OAuthException', message: 'An unexpected error has occurred. Please retry your request later.' })
    if (fault.kind === 'expired-token') return expiredToken(res)
    if (fault.kind === 'revoked-permission') return revokedPermission(res)
    sendMalformed(res, usageHeaders())
  }

  const controlRoutes: ControlRoutes = {
    'POST /_control/comments': (body) => {
      const message = optionalString(body.message)
      return { data: state.addComment(message === undefined ? {} : { message }) }
    },
    'GET /_control/posted': () => ({ data: posted }),
    ...faultControlRoutes(faults),
  }

  const dispatch = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://emulator')
    // Reachable with or without the Graph version prefix, so tests can use the printed base URL as is.
    if (await handleControl(req, res, url.pathname.replace(/^\/v\d+\.\d+(?=\/_control\/)/, ''), controlRoutes)) return
    const versioned = /^\/v\d+\.\d+\/(.+)$/.exec(url.pathname)
    const segments = (versioned?.[1] ?? url.pathname.slice(1)).split('/').filter(Boolean)
    const matched = route(req.method ?? 'GET', segments)
    if (!matched) return graphError(res, { code: 100, subcode: 33, message: `Unsupported ${req.method?.toLowerCase()} request.` })
    const [routeName, handler] = matched
    requests.push({ route: routeName, method: req.method ?? 'GET', path: url.pathname + url.search, at: now() })
    const params = await requestParams(req, url)
    const fault = faults.take(routeName)
    if (fault?.kind === 'unreachable') return dropConnection(req)
    if (fault?.kind === 'delay') await sleep(fault.ms)
    if (fault && fault.kind !== 'delay') return applyFault(res, fault)
    const token = params.get('access_token') ?? bearerToken(req) ?? ''
    if (login.isUserToken(token)) {
      // A user token reads what the user may see (their Pages, token details), never a Page's inbox.
      if (login.userTokenExpired()) return expiredToken(res)
      if (routeName !== 'me:accounts' && routeName !== 'debug_token') return graphError(res, { code: 190, message: 'A page access token is required to request this resource.' })
      return handler({ req, res, params, segments, origin: `http://${req.headers.host ?? '127.0.0.1'}`, headers: usageHeaders() })
    }
    const tokenState = tokens.get(token)
    if (tokenState === 'revoked') return revokedPermission(res)
    if (tokenState !== 'valid') return expiredToken(res)
    handler({ req, res, params, segments, origin: `http://${req.headers.host ?? '127.0.0.1'}`, headers: usageHeaders() })
  }

  const server = createServer((req, res) => {
    dispatch(req, res).catch((error: unknown) => {
      if (!res.headersSent) graphError(res, { status: 500, code: 1, message: `An unknown error occurred: ${String(error)}` })
    })
  })
  const baseUrl = await listen(server, options.port ?? 0)

  const control = {
    state,
    get pageId() { return state.page.id },
    get token() { return [...tokens].find(([, s]) => s === 'valid')?.[0] ?? null },
    /** The page admin's user token, as Facebook Login hands it to the app. */
    userToken: DEMO_USER_TOKEN,
    login: login.control,
    addComment: (arg: Parameters<FbState['addComment']>[0] = {}) => state.addComment(arg),
    addMessage: (arg: Parameters<FbState['addMessage']>[0] = {}) => state.addMessage(arg),
    addPost: (message: string) => state.addPost(message),
    fault: (routeName: string, fault: Fault, times = 1) => faults.add(routeName, fault, times),
    clearFaults: () => faults.clear(),
    expireTokens: () => { for (const key of tokens.keys()) tokens.set(key, 'expired') },
    /** The page admin removed the app's permission: code 200 until a new token is issued. */
    revokeTokens: () => { for (const key of tokens.keys()) tokens.set(key, 'revoked') },
    issueToken: () => { const token = `fb-page-token-${randomUUID()}`; tokens.set(token, 'valid'); return token },
    posted: (): readonly FbPosted[] => posted,
    requests: (): readonly RequestLogEntry[] => requests,
    startLive: (everyMs = 7000) => { liveTimer ??= setInterval(() => state.addComment(), everyMs).unref() },
    stopLive: () => { if (liveTimer) clearInterval(liveTimer); liveTimer = null },
  }
  return { baseUrl, control, close: async () => { control.stopLive(); await closeServer(server) } }
}

export type FacebookEmulator = Awaited<ReturnType<typeof startFacebookEmulator>>
export type FacebookControl = FacebookEmulator['control']

function expiredToken(res: ServerResponse) {
  graphError(res, { code: 190, subcode: 463, message: 'Error validating access token: Session has expired.' })
}

function revokedPermission(res: ServerResponse) {
  graphError(res, { status: 403, code: 200, message: '(#200) The page has not authorized the app to perform this action (pages_messaging, pages_manage_engagement).' })
}

/** Graph takes parameters in the query, a form body or a JSON body alike. */
async function requestParams(req: IncomingMessage, url: URL): Promise<URLSearchParams> {
  const params = new URLSearchParams(url.searchParams)
  if (req.method !== 'POST') return params
  const body = await readBody(req)
  const type = req.headers['content-type'] ?? ''
  if (type.includes('application/json')) {
    const parsed = parseJsonParam<Record<string, unknown>>(body) ?? {}
    for (const [key, value] of Object.entries(parsed)) params.set(key, typeof value === 'string' ? value : JSON.stringify(value))
  } else {
    for (const [key, value] of new URLSearchParams(body)) params.set(key, value)
  }
  return params
}

function parseJsonParam<T>(text: string | null): T | null {
  if (!text) return null
  try {
    return JSON.parse(text) as T
  } catch {
    return null
  }
}
