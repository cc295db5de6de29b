import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomUUID } from 'node:crypto'
import {
  FaultScript, RateWindows, bearerToken, closeServer, dropConnection, listen, readBody, sendJson, sendMalformed, sleep,
  type Fault, type RequestLogEntry,
} from '../shared/http'
import { faultControlRoutes, handleControl, optionalString, type ControlRoutes } from '../shared/control'
import { XState, type XDmEvent, type XTweet } from './state'
import { X_MAX_LENGTH, xWeightedLength } from '../../src/shared/xLength'
import { createXOAuth } from './oauth'
import { dmEventsPage, invalidRequest, tweetsPage, type Query } from './pages'

export interface XEmulatorOptions {
  port?: number
  seed?: number
  mentions?: number
  dms?: number
  now?: () => number
  /** X returns only the 800 most recent mentions; a benchmark may lift the cap. */
  mentionsCap?: number
  /** Per-route limits per 15 minutes; defaults are X's documented user limits. */
  limits?: Record<string, number>
}

export interface XPosted {
  kind: 'tweet' | 'dm'
  id: string
  text: string
  inReplyToTweetId: string | null
  participantId: string | null
  at: number
}

const DOCUMENTED_LIMITS: Record<string, number> = {
  mentions: 300, search: 300, 'tweet:create': 100, 'dm:list': 15, 'dm:conversation': 15, 'dm:send': 200, me: 75, 'user-tweets': 900,
}

type Handler = (ctx: RequestContext) => Promise<void> | void
interface RequestContext { req: IncomingMessage; res: ServerResponse; url: URL; params: string[]; headers: Record<string, string> }

export async function startXEmulator(options: XEmulatorOptions = {}) {
  const now = options.now ?? Date.now
  const state = new XState({ seed: options.seed ?? 7, mentions: options.mentions ?? 30, dms: options.dms ?? 6, now })
  const faults = new FaultScript()
  const windows = new RateWindows(now, { ...DOCUMENTED_LIMITS, ...options.limits })
  const requests: RequestLogEntry[] = []
  const posted: XPosted[] = []
  const tokens = new Map<string, 'valid' | 'expired' | 'revoked'>([['x-token-1', 'valid']])
  const oauth = createXOAuth({ now, grant: (token) => tokens.set(token, 'valid'), revoke: (token) => tokens.set(token, 'revoked') })
  let mentionsCap = options.mentionsCap ?? 800
  let liveTimer: NodeJS.Timeout | null = null

  const routes: [string, RegExp, string, Handler][] = [
    ['GET', /^\/2\/users\/me$/, 'me', ({ res, headers }) => sendJson(res, 200, { data: userView(state.me.id, true) }, headers)],
    ['GET', /^\/2\/users\/(\d+)\/mentions$/, 'mentions', (ctx) => listTweets(ctx, mentionsOf(ctx.params[0] ?? '').slice(-mentionsCap), 5)],
    ['GET', /^\/2\/users\/(\d+)\/tweets$/, 'user-tweets', (ctx) => listTweets(ctx, state.tweets.filter((t) => t.author_id === ctx.params[0]), 5)],
    ['GET', /^\/2\/tweets\/search\/recent$/, 'search', (ctx) => search(ctx)],
    ['POST', /^\/2\/tweets$/, 'tweet:create', (ctx) => createTweet(ctx)],
    ['GET', /^\/2\/dm_events$/, 'dm:list', (ctx) => listDms(ctx, state.dmEvents)],
    ['GET', /^\/2\/dm_conversations\/with\/(\d+)\/dm_events$/, 'dm:conversation', (ctx) =>
      listDms(ctx, state.dmEvents.filter((e) => e.participant_ids.includes(ctx.params[0] ?? '')))],
    ['POST', /^\/2\/dm_conversations\/with\/(\d+)\/messages$/, 'dm:send', (ctx) => sendDm(ctx)],
  ]

  const mentionsOf = (userId: string): XTweet[] => (userId === state.me.id ? state.mentions : [])

  const userView = (id: string, withMetrics: boolean) => {
    const user = state.userOrThrow(id)
    return withMetrics ? user : { id: user.id, name: user.name, username: user.username }
  }

  const includesFor = (query: Query, authorIds: string[]) => {
    if (!query.list('expansions').some((e) => e === 'author_id' || e === 'sender_id')) return {}
    const withMetrics = query.list('user.fields').includes('public_metrics')
    return { includes: { users: [...new Set(authorIds)].map((id) => userView(id, withMetrics)) } }
  }

  const listTweets = (ctx: RequestContext, all: XTweet[], minResults: number) => {
    const query = queryOf(ctx.url)
    const page = tweetsPage(all, query, minResults)
    if ('problem' in page) return sendJson(ctx.res, 400, page.problem, ctx.headers)
    const body = { data: page.data, ...includesFor(query, page.data.map((t) => String(t.author_id))), meta: page.meta }
    sendJson(ctx.res, 200, page.data.length ? body : { meta: page.meta }, ctx.headers)
  }

  const search = (ctx: RequestContext) => {
    const terms = searchTerms(ctx.url.searchParams.get('query') ?? '')
    if (terms.length === 0) return sendJson(ctx.res, 400, invalidRequest('The `query` query parameter can not be empty'), ctx.headers)
    const weekAgo = now() - 7 * 86_400_000
    const hits = state.tweets.filter(
      (t) => Date.parse(t.created_at) >= weekAgo && terms.every((term) => t.text.toLowerCase().includes(term)),
    )
    listTweets(ctx, hits, 10)
  }

  const createTweet = async (ctx: RequestContext) => {
    const body = parseJson(await readBody(ctx.req)) as { text?: unknown; reply?: { in_reply_to_tweet_id?: unknown } } | null
    const text = typeof body?.text === 'string' ? body.text : ''
    // X weighs a post (links 23, emoji and CJK 2) the same way the app checks it before queueing.
    if (!text || xWeightedLength(text) > X_MAX_LENGTH) return sendJson(ctx.res, 400, invalidRequest('text must be 1 to 280 characters'), ctx.headers)
    const parentId = body?.reply?.in_reply_to_tweet_id
    const parent = typeof parentId === 'string' ? state.tweets.find((t) => t.id === parentId) : undefined
    if (parentId !== undefined && !parent) {
      return sendJson(ctx.res, 400, invalidRequest('Invalid Request: reply.in_reply_to_tweet_id does not exist'), ctx.headers)
    }
    const tweet = state.addTweet({ author: state.me, text, at: now(), parent })
    posted.push({ kind: 'tweet', id: tweet.id, text, inReplyToTweetId: parent?.id ?? null, participantId: null, at: now() })
    sendJson(ctx.res, 201, { data: { id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id] } }, ctx.headers)
  }

  const listDms = (ctx: RequestContext, events: XDmEvent[]) => {
    const query = queryOf(ctx.url)
    const page = dmEventsPage(events, query)
    if ('problem' in page) return sendJson(ctx.res, 400, page.problem, ctx.headers)
    const body = { data: page.data, ...includesFor(query, page.data.map((e) => String(e.sender_id))), meta: page.meta }
    sendJson(ctx.res, 200, page.data.length ? body : { meta: page.meta }, ctx.headers)
  }

  const sendDm = async (ctx: RequestContext) => {
    const participant = ctx.params[0] ?? ''
    const body = parseJson(await readBody(ctx.req)) as { text?: unknown } | null
    if (typeof body?.text !== 'string' || body.text.length === 0) return sendJson(ctx.res, 400, invalidRequest('text is required'), ctx.headers)
    if (!state.users.has(participant)) return sendJson(ctx.res, 400, invalidRequest('participant_id is not a user'), ctx.headers)
    const event = state.addDm({ senderId: state.me.id, recipientId: participant, text: body.text })
    posted.push({ kind: 'dm', id: event.id, text: body.text, inReplyToTweetId: null, participantId: participant, at: now() })
    sendJson(ctx.res, 201, { data: { dm_conversation_id: event.dm_conversation_id, dm_event_id: event.id } }, ctx.headers)
  }

  const server = createServer((req, res) => {
    dispatch(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { title: 'Internal Error', type: 'about:blank', status: 500, detail: String(error) })
    })
  })

  const controlRoutes: ControlRoutes = {
    'POST /_control/mentions': (body) => {
      const text = optionalString(body.text)
      const mention = `@${state.me.username}`
      // A follow-up in an existing thread names the tweet it answers (and, to stay one person's thread, its author).
      const inReplyToId = optionalString(body.inReplyToId)
      const authorId = optionalString(body.authorId)
      return {
        data: state.addMention({
          // Only a tweet naming the shop is a mention: add the @handle when the test left it out.
          ...(text === undefined ? {} : { text: text.includes(mention) ? text : `${mention} ${text}` }),
          ...(inReplyToId === undefined ? {} : { inReplyToId }),
          ...(authorId === undefined ? {} : { authorId }),
        }),
      }
    },
    'GET /_control/posted': () => ({ data: posted }),
    ...faultControlRoutes(faults),
  }

  const dispatch = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://emulator')
    if (await handleControl(req, res, url.pathname, controlRoutes)) return
    if (req.method === 'GET' && url.pathname === '/i/oauth2/authorize') return oauth.authorize(res, url)
    if (req.method === 'POST' && url.pathname === '/2/oauth2/token') return oauth.token(req, res)
    const match = routes
      .map(([method, pattern, route, handler]) => ({ method, route, handler, m: pattern.exec(url.pathname) }))
      .find((r) => r.m && r.method === req.method)
    if (!match?.m) return sendJson(res, 404, { title: 'Not Found Error', type: 'https://api.twitter.com/2/problems/resource-not-found', detail: url.pathname })
    requests.push({ route: match.route, method: req.method ?? 'GET', path: url.pathname + url.search, at: now() })
    const token = bearerToken(req)
    const fault = faults.take(match.route)
    if (fault?.kind === 'unreachable') return dropConnection(req)
    if (fault?.kind === 'delay') await sleep(fault.ms)
    if (!token || tokens.get(token) !== 'valid' || oauth.expired(token) || fault?.kind === 'expired-token' || fault?.kind === 'revoked-permission') {
      return sendJson(res, 401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' })
    }
    const window = windows.consume(match.route)
    const headers = {
      'x-rate-limit-limit': String(window.limit),
      'x-rate-limit-remaining': String(window.remaining),
      'x-rate-limit-reset': String(Math.ceil(window.resetAt / 1000)),
    }
    if (fault && fault.kind !== 'delay') return applyFault(res, fault, headers)
    if (window.exceeded) return sendTooMany(res, 'problem', headers)
    await match.handler({ req, res, url, params: match.m.slice(1), headers })
  }

  const applyFault = (res: ServerResponse, fault: Fault, headers: Record<string, string>) => {
    if (fault.kind === 'rate-limit') {
      const reset = Math.ceil((now() + (fault.resetInSeconds ?? 900) * 1000) / 1000)
      return sendTooMany(res, fault.form ?? 'problem', { ...headers, 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) })
    }
    if (fault.kind === 'server-error') {
      const status = fault.status ?? 503
      return sendJson(res, status, { title: 'Service Unavailable', type: 'about:blank', status, detail: 'Service Unavailable' })
    }
    sendMalformed(res, headers)
  }

  const baseUrl = await listen(server, options.port ?? 0)

  const control = {
    state,
    get me() { return state.me },
    get token() { return [...tokens].find(([, s]) => s === 'valid')?.[0] ?? null },
    addMention: (arg: Parameters<XState['addMention']>[0] = {}) => state.addMention(arg),
    addDm: (arg: { senderId: string; text: string; at?: number }) => state.addDm({ ...arg, recipientId: state.me.id }),
    fault: (route: string, fault: Fault, times = 1) => faults.add(route, fault, times),
    clearFaults: () => faults.clear(),
    /** The current token stops working (X answers 401). */
    expireTokens: () => { for (const key of tokens.keys()) tokens.set(key, 'expired') },
    /** A fresh token, as a reconnect (OAuth again) would give. */
    issueToken: () => { const token = `x-token-${randomUUID()}`; tokens.set(token, 'valid'); return token },
    /** OAuth 2.0 with PKCE: register a client id, shorten access-token lifetimes, revoke refresh tokens. */
    oauth: oauth.control,
    setLimit: (route: string, limit: number) => windows.setLimit(route, limit),
    setMentionsCap: (cap: number) => { mentionsCap = cap },
    posted: (): readonly XPosted[] => posted,
    requests: (): readonly RequestLogEntry[] => requests,
    /** Demo mode: a new mention every `everyMs`. */
    startLive: (everyMs = 5000) => { liveTimer ??= setInterval(() => state.addMention(), everyMs).unref() },
    stopLive: () => { if (liveTimer) clearInterval(liveTimer); liveTimer = null },
  }
  return { baseUrl, control, close: async () => { control.stopLive(); await closeServer(server) } }
}

export type XEmulator = Awaited<ReturnType<typeof startXEmulator>>
export type XControl = XEmulator['control']

function queryOf(url: URL): Query {
  return {
    get: (name) => url.searchParams.get(name),
    list: (name) => (url.searchParams.get(name) ?? '').split(',').filter(Boolean),
  }
}

/** Plain words and "quoted phrases"; operators such as -is:retweet or lang:de are accepted and ignored. */
function searchTerms(query: string): string[] {
  const terms = [...query.matchAll(/"([^"]+)"|(\S+)/g)].map((m) => (m[1] ?? m[2] ?? '').toLowerCase())
  return terms.filter((t) => t && !t.startsWith('-') && !/^[a-z_]+:/.test(t) && t !== 'or')
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

function sendTooMany(res: ServerResponse, form: 'code88' | 'problem', headers: Record<string, string>) {
  const body =
    form === 'code88'
      ? { errors: [{ code: 88, message: 'Rate limit exceeded' }] }
      : { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 }
  sendJson(res, 429, body, headers)
}
