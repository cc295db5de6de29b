import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import {
  FaultScript,
  RateWindows,
  bearerToken,
  closeServer,
  dropConnection,
  listen,
  readBody,
  sendJson,
  sendMalformed,
  sleep,
  type Fault,
  type RequestLogEntry,
} from '../shared/http'
import { faultControlRoutes, handleControl, optionalString, type ControlRoutes } from '../shared/control'
import { TID_PATTERN } from '../../src/main/core/connectors/bluesky/tid'
import { createSessions, APP_PASSWORD, MAIN_PASSWORD } from './sessions'
import { BskyState, cidOf, type BskyPost, type PostRecord, type StrongRef } from './state'
import { notificationsPage, postView, profileView, searchPage, type Params } from './views'

export interface BlueskyEmulatorOptions {
  port?: number
  seed?: number
  /** Seeded mentions and replies to the shop (default 30). */
  mentions?: number
  now?: () => number
  /** Requests per 5-minute window by route; defaults are Bluesky's documented limits. */
  limits?: Record<string, number>
}

export interface BskyPosted {
  uri: string
  rkey: string
  text: string
  reply: { root: StrongRef; parent: StrongRef } | null
  at: number
}

/** 3,000 requests per 5 minutes per IP; createSession 30 (bsky-docs rate-limits.md, shared/contracts A3). */
const DOCUMENTED_LIMITS: Record<string, number> = { createSession: 30 }
const GLOBAL_LIMIT = 3_000
const WINDOW_MS = 5 * 60_000
type Auth = 'none' | 'access' | 'refresh'
interface Ctx {
  req: IncomingMessage
  res: ServerResponse
  params: Params
  headers: Record<string, string>
  did: string
}
type Handler = (ctx: Ctx) => Promise<void> | void
const xrpcError = (
  res: ServerResponse,
  status: number,
  error: string,
  message: string,
  headers: Record<string, string> = {},
) => sendJson(res, status, { error, message }, headers)

export async function startBlueskyEmulator(options: BlueskyEmulatorOptions = {}) {
  const now = options.now ?? Date.now
  const state = new BskyState({ seed: options.seed ?? 7, mentions: options.mentions ?? 30, now })
  const faults = new FaultScript()
  const windows = new RateWindows(now, { '*': GLOBAL_LIMIT, ...DOCUMENTED_LIMITS, ...options.limits }, WINDOW_MS)
  const requests: RequestLogEntry[] = []
  const posted: BskyPosted[] = []
  const sessions = createSessions({ now, state })
  let liveTimer: NodeJS.Timeout | null = null

  const createSession: Handler = async ({ req, res, headers }) => {
    const body = parseJson(await readBody(req)) as { identifier?: unknown; password?: unknown } | null
    const session = sessions.signIn(body?.identifier, body?.password)
    if (Array.isArray(session)) return xrpcError(res, ...session, headers)
    sendJson(res, 200, session, headers)
  }

  const refreshSession: Handler = ({ req, res, headers, did }) =>
    sendJson(res, 200, sessions.refresh(bearerToken(req), did), headers)

  const deleteSession: Handler = ({ req, res, headers }) => {
    sessions.end(bearerToken(req))
    res.writeHead(200, headers).end()
  }

  const listNotifications: Handler = ({ res, params, headers }) => {
    const page = notificationsPage(state, params)
    if ('invalid' in page) return xrpcError(res, 400, 'InvalidRequest', page.invalid, headers)
    sendJson(res, 200, page, headers)
  }

  const searchPosts: Handler = ({ res, params, headers }) => {
    const page = searchPage(state, params)
    if ('invalid' in page) return xrpcError(res, 400, 'InvalidRequest', page.invalid, headers)
    sendJson(res, 200, page, headers)
  }

  const getProfiles: Handler = ({ res, params, headers }) => {
    const actors = params.all('actors')
    if (actors.length < 1 || actors.length > 25)
      return xrpcError(res, 400, 'InvalidRequest', 'Error: Params actors must have between 1 and 25 items', headers)
    const profiles = actors.flatMap((a) => {
      const actor = state.resolve(a)
      return actor
        ? [
            {
              ...profileView(actor),
              followersCount: actor.followersCount,
              followsCount: actor.followsCount,
              postsCount: actor.postsCount,
            },
          ]
        : []
    })
    sendJson(res, 200, { profiles }, headers)
  }

  const getPosts: Handler = ({ res, params, headers }) => {
    const uris = params.all('uris')
    if (uris.length < 1 || uris.length > 25)
      return xrpcError(res, 400, 'InvalidRequest', 'Error: Params uris must have between 1 and 25 items', headers)
    const posts = uris.flatMap((uri) => {
      const post = state.postByUri(uri)
      return post ? [postView(state, post)] : []
    })
    sendJson(res, 200, { posts }, headers)
  }

  const createRecord: Handler = async ({ req, res, headers, did }) => {
    const body = parseJson(await readBody(req)) as {
      repo?: unknown
      collection?: unknown
      rkey?: unknown
      record?: unknown
    } | null
    const actor = typeof body?.repo === 'string' ? state.resolve(body.repo) : undefined
    if (!actor || actor.did !== did)
      return xrpcError(res, 400, 'InvalidRequest', 'Input/repo must be the authenticated account', headers)
    if (body?.collection !== 'app.bsky.feed.post')
      return xrpcError(res, 400, 'InvalidRequest', 'This emulator stores app.bsky.feed.post records only', headers)
    if (body.rkey !== undefined && (typeof body.rkey !== 'string' || !TID_PATTERN.test(body.rkey))) {
      return xrpcError(
        res,
        400,
        'InvalidRequest',
        'Invalid record key: app.bsky.feed.post records are keyed by TID',
        headers,
      )
    }
    const problem = recordProblem(body.record)
    if (problem) return xrpcError(res, 400, 'InvalidRequest', `Invalid app.bsky.feed.post record: ${problem}`, headers)
    const record = body.record as PostRecord
    // What PDSes do today when the key is taken (atproto #3718): an unexplained 500.
    if (typeof body.rkey === 'string' && state.posts.some((p) => p.authorDid === did && p.rkey === body.rkey)) {
      return xrpcError(res, 500, 'InternalServerError', 'Internal Server Error', headers)
    }
    const post = state.storeRecord(actor, record, now(), typeof body.rkey === 'string' ? body.rkey : undefined)
    posted.push({ uri: post.uri, rkey: post.rkey, text: record.text, reply: record.reply ?? null, at: now() })
    sendJson(
      res,
      200,
      { uri: post.uri, cid: post.cid, commit: { cid: cidOf(post.uri), rev: post.rkey }, validationStatus: 'valid' },
      headers,
    )
  }

  const getRecord: Handler = ({ res, params, headers }) => {
    const actor = state.resolve(params.get('repo') ?? '')
    const uri = `at://${actor?.did ?? params.get('repo')}/${params.get('collection')}/${params.get('rkey')}`
    const post = state.postByUri(uri)
    if (!post) return xrpcError(res, 400, 'RecordNotFound', `Could not locate record: ${uri}`, headers)
    sendJson(res, 200, { uri: post.uri, cid: post.cid, value: post.record }, headers)
  }

  const routes: Record<string, { method: 'GET' | 'POST'; route: string; auth: Auth; handler: Handler }> = {
    'com.atproto.server.createSession': {
      method: 'POST',
      route: 'createSession',
      auth: 'none',
      handler: createSession,
    },
    'com.atproto.server.refreshSession': {
      method: 'POST',
      route: 'refreshSession',
      auth: 'refresh',
      handler: refreshSession,
    },
    'com.atproto.server.deleteSession': {
      method: 'POST',
      route: 'deleteSession',
      auth: 'refresh',
      handler: deleteSession,
    },
    'app.bsky.notification.listNotifications': {
      method: 'GET',
      route: 'notifications',
      auth: 'access',
      handler: listNotifications,
    },
    'app.bsky.feed.searchPosts': { method: 'GET', route: 'search', auth: 'access', handler: searchPosts },
    'app.bsky.actor.getProfiles': { method: 'GET', route: 'profiles', auth: 'access', handler: getProfiles },
    'app.bsky.feed.getPosts': { method: 'GET', route: 'posts', auth: 'access', handler: getPosts },
    'com.atproto.repo.createRecord': { method: 'POST', route: 'createRecord', auth: 'access', handler: createRecord },
    'com.atproto.repo.getRecord': { method: 'GET', route: 'getRecord', auth: 'access', handler: getRecord },
  }

  const controlRoutes: ControlRoutes = {
    'POST /_control/mentions': (body) => {
      const text = optionalString(body.text)
      const mention = `@${state.me.handle}`
      const shopPost = body.replyToShop === true ? state.latestShopPost() : undefined
      // Only a post naming the shop (or answering it) notifies it: add the @handle when the test left it out.
      const withHandle = text === undefined || shopPost || text.includes(mention) ? text : `${mention} ${text}`
      return {
        data: postView(
          state,
          state.addMention({
            ...(withHandle !== undefined ? { text: withHandle } : {}),
            ...(shopPost ? { replyTo: shopPost } : {}),
          }),
        ),
      }
    },
    'GET /_control/posted': () => ({ data: posted }),
    ...faultControlRoutes(faults),
  }

  const dispatch = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://emulator')
    if (await handleControl(req, res, url.pathname, controlRoutes)) return
    const nsid = /^\/xrpc\/([\w.]+)$/.exec(url.pathname)?.[1] ?? ''
    const spec = routes[nsid]
    if (!spec) return xrpcError(res, 501, 'MethodNotImplemented', 'Method Not Implemented')
    if (spec.method !== req.method)
      return xrpcError(res, 400, 'InvalidRequest', `Incorrect HTTP method (${req.method}) expected ${spec.method}`)
    requests.push({ route: spec.route, method: req.method, path: url.pathname + url.search, at: now() })
    const fault = faults.take(spec.route)
    if (fault?.kind === 'unreachable') return dropConnection(req)
    if (fault?.kind === 'delay') await sleep(fault.ms)
    const window = windows.consume(spec.route)
    const global = windows.consume('*')
    const tightest = window.remaining <= global.remaining ? window : global
    const headers = {
      'ratelimit-limit': String(tightest.limit),
      'ratelimit-remaining': String(tightest.remaining),
      'ratelimit-reset': String(Math.ceil(tightest.resetAt / 1000)),
      'ratelimit-policy': `${tightest.limit};w=${WINDOW_MS / 1000}`,
    }
    if (fault?.kind === 'rate-limit') {
      const reset = String(Math.ceil((now() + (fault.resetInSeconds ?? 300) * 1000) / 1000))
      return xrpcError(res, 429, 'RateLimitExceeded', 'Rate Limit Exceeded', {
        ...headers,
        'ratelimit-remaining': '0',
        'ratelimit-reset': reset,
      })
    }
    if (window.exceeded || global.exceeded)
      return xrpcError(res, 429, 'RateLimitExceeded', 'Rate Limit Exceeded', headers)
    let did = ''
    if (spec.auth !== 'none') {
      const who = sessions.authenticate(bearerToken(req), spec.auth, fault)
      if (Array.isArray(who)) return xrpcError(res, who[0], who[1], who[2], headers)
      did = who.did
    }
    if (fault?.kind === 'server-error')
      return xrpcError(res, fault.status ?? 503, 'InternalServerError', 'Internal Server Error', headers)
    if (fault?.kind === 'malformed') return sendMalformed(res, headers)
    const params: Params = { get: (name) => url.searchParams.get(name), all: (name) => url.searchParams.getAll(name) }
    await spec.handler({ req, res, params, headers, did })
  }

  const server = createServer((req, res) => {
    dispatch(req, res).catch((error: unknown) => {
      if (!res.headersSent) xrpcError(res, 500, 'InternalServerError', String(error))
    })
  })
  const baseUrl = await listen(server, options.port ?? 0)

  const control = {
    state,
    get me() {
      return state.me
    },
    /** What the shop signs in with: its handle and an app password (the main password is refused by Earshot). */
    identifier: state.me.handle,
    appPassword: APP_PASSWORD,
    mainPassword: MAIN_PASSWORD,
    addMention: (arg: Parameters<BskyState['addMention']>[0] = {}): BskyPost => state.addMention(arg),
    fault: (route: string, fault: Fault, times = 1) => faults.add(route, fault, times),
    clearFaults: () => faults.clear(),
    /** Every access token stops working, as after two hours; refresh tokens still do. */
    expireAccessTokens: () => sessions.expireAccessTokens(),
    /** Every session ends (app password revoked): refreshing fails too, the account must sign in again. */
    revokeSessions: () => sessions.revokeAll(),
    setLimit: (route: string, limit: number) => windows.setLimit(route, limit),
    posted: (): readonly BskyPosted[] => posted,
    requests: (): readonly RequestLogEntry[] => requests,
    /** Demo mode: a new mention every `everyMs`. */
    startLive: (everyMs = 6000) => {
      liveTimer ??= setInterval(() => state.addMention(), everyMs).unref()
    },
    stopLive: () => {
      if (liveTimer) clearInterval(liveTimer)
      liveTimer = null
    },
  }
  return {
    baseUrl,
    control,
    close: async () => {
      control.stopLive()
      await closeServer(server)
    },
  }
}

export type BlueskyEmulator = Awaited<ReturnType<typeof startBlueskyEmulator>>
export type BlueskyControl = BlueskyEmulator['control']

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' })

/** What the lexicon requires of a post record (app.bsky.feed.post), or null when it is valid. */
function recordProblem(value: unknown): string | null {
  const record = value as Partial<PostRecord> | null
  if (typeof record !== 'object' || record === null || record.$type !== 'app.bsky.feed.post')
    return 'Record/$type must be app.bsky.feed.post'
  if (typeof record.text !== 'string') return 'Record must have the property "text"'
  if ([...segmenter.segment(record.text)].length > 300) return 'Record/text must not be longer than 300 graphemes'
  if (typeof record.createdAt !== 'string' || Number.isNaN(Date.parse(record.createdAt)))
    return 'Record/createdAt must be a valid datetime'
  const ref = (r: unknown) =>
    typeof (r as StrongRef | undefined)?.uri === 'string' && typeof (r as StrongRef).cid === 'string'
  if (record.reply !== undefined && !(ref(record.reply.root) && ref(record.reply.parent)))
    return 'Record/reply must have root and parent, each with uri and cid'
  return null
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
