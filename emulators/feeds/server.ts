import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { FaultScript, closeServer, listen, sleep, type Fault } from '../shared/http'
import { faultControlRoutes, handleControl, optionalString, type ControlRoutes } from '../shared/control'
import { renderAtom, renderPostPage, renderRss } from './render'
import { FeedsState, httpDate, type EmulatedFeed, type FeedName, type FeedPost } from './state'

export interface FeedsEmulatorOptions {
  port?: number
  seed?: number
  now?: () => number
}

/**
 * What a test can make a feed do: the shared faults (server-error → 5xx, rate-limit → 429 with
 * Retry-After, malformed → broken XML, delay) and one of its own: the next answer repeats an entry.
 */
export type FeedFault = Fault | { kind: 'duplicate-entry' }

export interface FeedRequest {
  feed: FeedName | 'post' | 'moved'
  path: string
  /** The request carried If-None-Match or If-Modified-Since. */
  conditional: boolean
  status: number
  at: number
}

const FEED_NAMES: readonly FeedName[] = ['blog', 'reviews']
const isFeedName = (value: unknown): value is FeedName => FEED_NAMES.includes(value as FeedName)

/** Whether the client already holds this version (RFC 9110 §13.1: If-None-Match wins over If-Modified-Since). */
function notModified(req: IncomingMessage, etag: string, modifiedAt: number): boolean {
  const inm = req.headers['if-none-match']
  if (inm !== undefined) return inm.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')
  const since = req.headers['if-modified-since']
  if (since === undefined) return false
  const at = Date.parse(since)
  return !Number.isNaN(at) && modifiedAt <= at
}

/** A local feed server: a food blog (RSS) and a review site (Atom) that mention the demo's bakery. */
export async function startFeedsEmulator(options: FeedsEmulatorOptions = {}) {
  const now = options.now ?? Date.now
  const state = new FeedsState({ seed: options.seed ?? 7, now })
  const faults = new FaultScript<FeedFault>()
  const requests: FeedRequest[] = []
  /** Old paths of moved feeds, answered with 301 to the current one. */
  const moved = new Map<string, FeedName>()
  let liveTimer: NodeJS.Timeout | null = null

  const log = (req: IncomingMessage, feed: FeedRequest['feed'], status: number) =>
    requests.push({
      feed,
      path: req.url ?? '/',
      conditional: req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined,
      status,
      at: now(),
    })

  const serveFeed = async (req: IncomingMessage, res: ServerResponse, feed: EmulatedFeed, origin: string) => {
    const fault = faults.take(feed.name)
    if (fault?.kind === 'delay') await sleep(fault.ms)
    if (fault?.kind === 'unreachable') return void req.socket.destroy()
    const etag = `"${feed.name}-${feed.version}"`
    const headers = { etag, 'last-modified': httpDate(feed.modifiedAt), 'cache-control': 'no-cache' }
    if (fault?.kind === 'server-error')
      return send(req, res, feed.name, fault.status ?? 503, 'text/plain', 'Service Unavailable', { 'retry-after': '1' })
    if (fault?.kind === 'rate-limit')
      return send(req, res, feed.name, 429, 'text/plain', 'Too Many Requests', {
        'retry-after': String(fault.resetInSeconds ?? 60),
      })
    if (fault?.kind === 'malformed')
      return send(
        req,
        res,
        feed.name,
        200,
        'application/xml',
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Abgeschnit',
        {},
      )
    if (!fault && notModified(req, etag, feed.modifiedAt)) return send(req, res, feed.name, 304, null, '', headers)
    const posts: FeedPost[] =
      fault?.kind === 'duplicate-entry' && feed.posts.length > 0 ? [...feed.posts, feed.posts.at(-1)!] : feed.posts
    const body = feed.format === 'rss' ? renderRss(feed, posts, origin) : renderAtom(feed, posts, origin)
    const type = feed.format === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8'
    send(req, res, feed.name, 200, type, body, headers)
  }

  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    feed: FeedRequest['feed'],
    status: number,
    type: string | null,
    body: string,
    headers: Record<string, string>,
  ) => {
    log(req, feed, status)
    res.writeHead(status, {
      ...(type ? { 'content-type': type, 'content-length': String(Buffer.byteLength(body)) } : {}),
      ...headers,
    })
    res.end(status === 304 ? undefined : body)
  }

  const controlRoutes: ControlRoutes = {
    'POST /_control/posts': (body) => {
      const feed = isFeedName(body.feed) ? body.feed : 'blog'
      const title = optionalString(body.title)
      const text = optionalString(body.text)
      const author = optionalString(body.author)
      return {
        data: state.addPost(feed, {
          ...(title ? { title } : {}),
          ...(text ? { html: `<p>${text}</p>` } : {}),
          ...(author ? { author: { name: author } } : {}),
        }),
      }
    },
    // The shared faults, with the feed's name ('blog', 'reviews') as the route.
    ...faultControlRoutes(faults),
    'POST /_control/duplicate': (body) => {
      const feed = isFeedName(body.feed) ? body.feed : 'blog'
      faults.add(feed, { kind: 'duplicate-entry' })
      return { data: { feed } }
    },
    'POST /_control/move': (body) => ({ data: move(isFeedName(body.feed) ? body.feed : 'blog') }),
  }

  const move = (name: FeedName) => {
    const { from, to } = state.move(name)
    moved.set(from, name)
    return { from: `${baseUrl}${from}`, to: `${baseUrl}${to}` }
  }

  const dispatch = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://emulator')
    if (await handleControl(req, res, url.pathname, controlRoutes)) return
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`
    const feed = Object.values(state.feeds).find((f) => f.path === url.pathname)
    if (feed && req.method === 'GET') return serveFeed(req, res, feed, origin)
    const movedFeed = moved.get(url.pathname)
    if (movedFeed)
      return send(req, res, 'moved', 301, 'text/plain', 'Moved Permanently', {
        location: `${origin}${state.feeds[movedFeed].path}`,
      })
    const post = url.pathname.startsWith('/posts/') ? state.findPost(url.pathname.slice('/posts/'.length)) : undefined
    if (post) return send(req, res, 'post', 200, 'text/html; charset=utf-8', renderPostPage(post), {})
    send(req, res, 'post', 404, 'text/plain', 'Not Found', {})
  }

  const server = createServer((req, res) => {
    dispatch(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error))
    })
  })
  const baseUrl = await listen(server, options.port ?? 0)

  const control = {
    state,
    /** The feed's current address. */
    url: (name: FeedName) => `${baseUrl}${state.feeds[name].path}`,
    addPost: (name: FeedName, arg: Parameters<FeedsState['addPost']>[1] = {}) => state.addPost(name, arg),
    fault: (name: FeedName, fault: FeedFault, times = 1) => faults.add(name, fault, times),
    clearFaults: () => faults.clear(),
    move,
    requests: (): readonly FeedRequest[] => requests,
    /** The demo: now and then a blog post, most of them naming the bakery. */
    startLive: (everyMs = 20_000) => {
      let turn = 0
      liveTimer ??= setInterval(() => state.addPost('blog', { aboutShop: turn++ % 3 !== 2 }), everyMs).unref()
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

export type FeedsEmulator = Awaited<ReturnType<typeof startFeedsEmulator>>
export type FeedsControl = FeedsEmulator['control']
