import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import {
  FaultScript,
  RateWindows,
  bearerToken,
  closeServer,
  dropConnection,
  listen,
  sendJson,
  sendMalformed,
  sleep,
  type Fault,
  type RequestLogEntry,
} from '../shared/http'
import { faultControlRoutes, handleControl, optionalString, type ControlRoutes } from '../shared/control'
import { MastoState, type MastoStatus, type Visibility } from './state'
import { createMastodonOAuth } from './oauth'
import { linkHeader, pageOf, statusLength, type Query } from './paging'
import { readParams } from './params'

export interface MastodonEmulatorOptions {
  port?: number
  seed?: number
  /** Seeded mentions of the shop (default 30). */
  mentions?: number
  /** configuration.statuses.max_characters (Mastodon's default is 500; some instances allow more). */
  maxCharacters?: number
  now?: () => number
  /** Requests per account per 5 minutes (default 300, Mastodon's documented limit). */
  limit?: number
}

export interface MastoPosted {
  id: string
  text: string
  inReplyToId: string | null
  visibility: Visibility
  idempotencyKey: string | null
  at: number
}

const WINDOW_MS = 5 * 60_000
const IDEMPOTENCY_TTL_MS = 3_600_000
const URL_LENGTH = 23

interface Ctx {
  req: IncomingMessage
  res: ServerResponse
  url: URL
  query: Query
  params: string[]
  headers: Record<string, string>
}
type Handler = (ctx: Ctx) => Promise<void> | void

export async function startMastodonEmulator(options: MastodonEmulatorOptions = {}) {
  const now = options.now ?? Date.now
  const maxCharacters = options.maxCharacters ?? 500
  const faults = new FaultScript()
  const windows = new RateWindows(now, { account: options.limit ?? 300 }, WINDOW_MS)
  const requests: RequestLogEntry[] = []
  const posted: MastoPosted[] = []
  const tokens = new Map<string, 'valid' | 'revoked'>([['masto-token-1', 'valid']])
  const oauth = createMastodonOAuth({ now, grant: (accessToken) => tokens.set(accessToken, 'valid') })
  const idempotent = new Map<string, { statusId: string; at: number }>()
  let liveTimer: NodeJS.Timeout | null = null
  let state: MastoState | null = null
  const world = () => {
    if (!state) throw new Error('Mastodon emulator: not started')
    return state
  }

  const instance: Handler = ({ res, headers }) =>
    sendJson(
      res,
      200,
      {
        domain: world().domain,
        title: 'Emulated Mastodon',
        version: '4.3.0',
        source_url: 'https://github.com/mastodon/mastodon',
        description: 'A local Mastodon emulator',
        usage: { users: { active_month: world().accounts.size } },
        thumbnail: { url: '' },
        languages: ['de', 'en'],
        configuration: {
          urls: { streaming: '' },
          accounts: { max_featured_tags: 10 },
          statuses: {
            max_characters: maxCharacters,
            max_media_attachments: 4,
            characters_reserved_per_url: URL_LENGTH,
          },
        },
        registrations: { enabled: false, approval_required: false, message: null },
        contact: { email: '', account: world().me },
      },
      headers,
    )

  const notifications: Handler = ({ res, url, query, headers }) => {
    const types = query.all('types[]')
    const excluded = query.all('exclude_types[]')
    const all = world().notifications.filter(
      (n) => (types.length === 0 || types.includes(n.type)) && !excluded.includes(n.type),
    )
    const page = pageOf(all, query, 40, 80)
    sendJson(res, 200, page, { ...headers, ...linkHeader(url, page) })
  }

  const accountStatuses: Handler = ({ res, url, query, params, headers }) => {
    const page = pageOf(
      world().statuses.filter((s) => s.account.id === params[0]),
      query,
      20,
      40,
    )
    sendJson(res, 200, page, { ...headers, ...linkHeader(url, page) })
  }

  const findStatus = (ctx: Ctx): MastoStatus | undefined => {
    const status = world().statusById(ctx.params[0] ?? '')
    if (!status) sendJson(ctx.res, 404, { error: 'Record not found' }, ctx.headers)
    return status
  }

  const context: Handler = (ctx) => {
    const status = findStatus(ctx)
    if (!status) return
    const ancestors: MastoStatus[] = []
    for (
      let parent = world().statusById(status.in_reply_to_id ?? '');
      parent;
      parent = world().statusById(parent.in_reply_to_id ?? '')
    )
      ancestors.unshift(parent)
    const descendants = world().statuses.filter((s) => s.in_reply_to_id === status.id)
    sendJson(ctx.res, 200, { ancestors, descendants }, ctx.headers)
  }

  const postStatus: Handler = async ({ req, res, headers }) => {
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null
    const earlier = key ? idempotent.get(key) : undefined
    // Within the hour, the same key answers with the status it made, and posts nothing new.
    if (earlier && now() - earlier.at < IDEMPOTENCY_TTL_MS)
      return sendJson(res, 200, world().statusById(earlier.statusId), headers)
    const body = await readParams(req)
    const text = typeof body.status === 'string' ? body.status : ''
    const visibility = (body.visibility ?? 'public') as Visibility
    if (!text.trim()) return sendJson(res, 422, { error: "Validation failed: Text can't be blank" }, headers)
    if (statusLength(text, URL_LENGTH) > maxCharacters)
      return sendJson(
        res,
        422,
        { error: `Validation failed: Text character limit of ${maxCharacters} exceeded` },
        headers,
      )
    if (!['public', 'unlisted', 'private', 'direct'].includes(visibility))
      return sendJson(res, 422, { error: 'Validation failed: Visibility is not included in the list' }, headers)
    const replyTo = body.in_reply_to_id ? world().statusById(String(body.in_reply_to_id)) : undefined
    if (body.in_reply_to_id && !replyTo) return sendJson(res, 404, { error: 'Record not found' }, headers)
    const status = world().addStatus({
      account: world().me,
      text,
      visibility,
      ...(replyTo ? { inReplyTo: replyTo } : {}),
    })
    if (key) idempotent.set(key, { statusId: status.id, at: now() })
    posted.push({ id: status.id, text, inReplyToId: status.in_reply_to_id, visibility, idempotencyKey: key, at: now() })
    sendJson(res, 200, status, headers)
  }

  // [method, pattern, route name, needs a token, handler]
  const routes: [string, RegExp, string, boolean, Handler][] = [
    ['POST', /^\/api\/v1\/apps$/, 'apps', false, ({ req, res }) => oauth.registerApp(req, res)],
    ['GET', /^\/oauth\/authorize$/, 'authorize', false, ({ res, url }) => oauth.authorize(res, url.searchParams)],
    ['POST', /^\/oauth\/token$/, 'token', false, ({ req, res }) => oauth.token(req, res)],
    ['GET', /^\/api\/v2\/instance$/, 'instance', false, instance],
    [
      'GET',
      /^\/api\/v1\/accounts\/verify_credentials$/,
      'verify',
      true,
      ({ res, headers }) => sendJson(res, 200, world().me, headers),
    ],
    ['GET', /^\/api\/v1\/notifications$/, 'notifications', true, notifications],
    ['GET', /^\/api\/v1\/accounts\/(\d+)\/statuses$/, 'account-statuses', true, accountStatuses],
    ['POST', /^\/api\/v1\/statuses$/, 'status:create', true, postStatus],
    [
      'GET',
      /^\/api\/v1\/statuses\/(\d+)$/,
      'status',
      true,
      (ctx) => {
        const s = findStatus(ctx)
        if (s) sendJson(ctx.res, 200, s, ctx.headers)
      },
    ],
    ['GET', /^\/api\/v1\/statuses\/(\d+)\/context$/, 'context', true, context],
  ]

  const controlRoutes: ControlRoutes = {
    'POST /_control/mentions': (body) => {
      const text = optionalString(body.text)
      const shopPost =
        body.replyToShop === true
          ? world().statuses.findLast((s) => s.account.id === world().me.id && !s.in_reply_to_id)
          : undefined
      return {
        data: world().addMention({
          ...(text !== undefined ? { text } : {}),
          ...(shopPost ? { inReplyTo: shopPost } : {}),
        }),
      }
    },
    'GET /_control/posted': () => ({ data: posted }),
    ...faultControlRoutes(faults),
  }

  const dispatch = async (req: IncomingMessage, res: ServerResponse) => {
    // The Host header names the instance as the client reached it: Link URLs must point back there.
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`)
    if (await handleControl(req, res, url.pathname, controlRoutes)) return
    const match = routes
      .map(([method, pattern, route, auth, handler]) => ({
        method,
        route,
        auth,
        handler,
        m: pattern.exec(url.pathname),
      }))
      .find((r) => r.m && r.method === req.method)
    if (!match?.m) return sendJson(res, 404, { error: 'Record not found' })
    requests.push({ route: match.route, method: req.method ?? 'GET', path: url.pathname + url.search, at: now() })
    const fault = faults.take(match.route)
    if (fault?.kind === 'unreachable') return dropConnection(req)
    if (fault?.kind === 'delay') await sleep(fault.ms)
    if (
      match.auth &&
      (!tokens.has(bearerToken(req) ?? '') ||
        tokens.get(bearerToken(req) ?? '') !== 'valid' ||
        fault?.kind === 'expired-token')
    ) {
      return sendJson(res, 401, { error: 'The access token is invalid' })
    }
    if (fault?.kind === 'revoked-permission')
      return sendJson(res, 403, { error: 'This action is outside the authorized scopes' })
    const window = windows.consume('account')
    const headers = {
      'x-ratelimit-limit': String(window.limit),
      'x-ratelimit-remaining': String(window.remaining),
      'x-ratelimit-reset': new Date(window.resetAt).toISOString(),
    }
    if (fault?.kind === 'rate-limit') {
      const reset = new Date(now() + (fault.resetInSeconds ?? 300) * 1000).toISOString()
      return sendJson(
        res,
        429,
        { error: 'Too many requests' },
        { ...headers, 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      )
    }
    if (window.exceeded) return sendJson(res, 429, { error: 'Too many requests' }, headers)
    if (fault?.kind === 'server-error') {
      res
        .writeHead(fault.status ?? 503, { 'content-type': 'text/html; charset=utf-8', ...headers })
        .end('<h1>We’re sorry, but something went wrong on our end.</h1>')
      return
    }
    if (fault?.kind === 'malformed') return sendMalformed(res, headers)
    const query: Query = { get: (name) => url.searchParams.get(name), all: (name) => url.searchParams.getAll(name) }
    await match.handler({ req, res, url, query, params: match.m.slice(1), headers })
  }

  const server = createServer((req, res) => {
    dispatch(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: String(error) })
    })
  })
  const baseUrl = await listen(server, options.port ?? 0)
  state = new MastoState({
    seed: options.seed ?? 7,
    mentions: options.mentions ?? 30,
    domain: new URL(baseUrl).host,
    now,
  })

  const control = {
    get state() {
      return world()
    },
    get me() {
      return world().me
    },
    /** A token issued to the shop, as if it had signed in already (tests, the demo). */
    get token() {
      return [...tokens].find(([, s]) => s === 'valid')?.[0] ?? null
    },
    maxCharacters,
    addMention: (arg: Parameters<MastoState['addMention']>[0] = {}) => world().addMention(arg),
    fault: (route: string, fault: Fault, times = 1) => faults.add(route, fault, times),
    clearFaults: () => faults.clear(),
    /** Every token is revoked, as when the person removes Earshot from their authorised apps. */
    revokeTokens: () => {
      for (const key of tokens.keys()) tokens.set(key, 'revoked')
    },
    setLimit: (limit: number) => windows.setLimit('account', limit),
    posted: (): readonly MastoPosted[] => posted,
    requests: (): readonly RequestLogEntry[] => requests,
    /** Demo mode: a new mention every `everyMs`. */
    startLive: (everyMs = 8000) => {
      liveTimer ??= setInterval(() => world().addMention(), everyMs).unref()
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

export type MastodonEmulator = Awaited<ReturnType<typeof startMastodonEmulator>>
export type MastodonControl = MastodonEmulator['control']
