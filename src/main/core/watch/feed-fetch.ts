/** What a conditional GET of a feed came back with. */
export type FeedResponse =
  | { status: 'not-modified'; finalUrl: string; movedTo: string | null }
  | {
      status: 'ok'
      finalUrl: string
      /** Set when every redirect on the way was permanent (301, 308): the feed's new address. */
      movedTo: string | null
      body: Buffer
      contentType: string | null
      etag: string | null
      lastModified: string | null
    }

/** Why a fetch failed, and when to try again if the server said. */
export class FeedFetchError extends Error {
  override name = 'FeedFetchError'
  constructor(
    message: string,
    /** Epoch ms before which the server asked not to be asked again (429/503 Retry-After). */
    readonly retryAt: number | null = null,
  ) {
    super(message)
  }
}

export interface FetchFeedOptions {
  etag: string | null
  lastModified: string | null
  signal: AbortSignal
  now?: () => number
  /** A feed larger than this is refused rather than held in memory. */
  maxBytes?: number
  timeoutMs?: number
}

const MAX_REDIRECTS = 5
const MAX_BYTES = 5 * 1024 * 1024
const TIMEOUT_MS = 30_000
const USER_AGENT = 'Earshot web watch (RSS/Atom reader)'

/**
 * One conditional GET (If-None-Match / If-Modified-Since from the last good fetch), following up to
 * five redirects by hand so a permanent move can be told from a temporary one. Throws FeedFetchError
 * with a sentence for the feed's error line.
 */
export async function fetchFeed(url: string, options: FetchFeedOptions): Promise<FeedResponse> {
  const now = options.now ?? Date.now
  const signal = AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS)])
  let current = url
  let permanent = true
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const response = await request(current, options, signal)
    if (isRedirect(response.status)) {
      await response.body?.cancel()
      const location = response.headers.get('location')
      if (!location)
        throw new FeedFetchError(`The site answered ${response.status} without saying where the feed went.`)
      permanent &&= response.status === 301 || response.status === 308
      current = new URL(location, current).href
      continue
    }
    const movedTo = permanent && current !== url ? current : null
    if (response.status === 304) return { status: 'not-modified', finalUrl: current, movedTo }
    if (!response.ok) {
      await response.body?.cancel()
      throw httpError(response, now())
    }
    const body = await readCapped(response, options.maxBytes ?? MAX_BYTES)
    return {
      status: 'ok',
      finalUrl: current,
      movedTo,
      body,
      contentType: response.headers.get('content-type'),
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
    }
  }
  throw new FeedFetchError(`The feed redirects more than ${MAX_REDIRECTS} times.`)
}

const isRedirect = (status: number) => [301, 302, 303, 307, 308].includes(status)

async function request(url: string, options: FetchFeedOptions, signal: AbortSignal): Promise<Response> {
  const protocol = new URL(url).protocol
  if (protocol !== 'http:' && protocol !== 'https:')
    throw new FeedFetchError(`The feed redirects to a ${protocol} address, which Earshot does not follow.`)
  const headers: Record<string, string> = {
    accept: 'application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1',
    'user-agent': USER_AGENT,
  }
  if (options.etag) headers['if-none-match'] = options.etag
  if (options.lastModified) headers['if-modified-since'] = options.lastModified
  try {
    return await fetch(url, { headers, redirect: 'manual', signal })
  } catch (error) {
    if (options.signal.aborted) throw error
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    if (signal.aborted) throw new FeedFetchError('The site did not answer in time.')
    throw new FeedFetchError(`The site could not be reached (${cause?.code ?? cause?.message ?? String(error)}).`)
  }
}

function httpError(response: Response, now: number): FeedFetchError {
  const retryAt = retryAfter(response.headers.get('retry-after'), now)
  if (response.status === 404 || response.status === 410) {
    return new FeedFetchError(`The site says there is no feed at this address (HTTP ${response.status}).`)
  }
  if (response.status === 401 || response.status === 403) {
    return new FeedFetchError(`The site does not let Earshot read this feed (HTTP ${response.status}).`)
  }
  if (response.status === 429)
    return new FeedFetchError('The site asks Earshot to check less often (HTTP 429).', retryAt)
  return new FeedFetchError(`The site answered with an error (HTTP ${response.status}).`, retryAt)
}

/** Retry-After is seconds or an HTTP date. */
function retryAfter(value: string | null, now: number): number | null {
  if (!value) return null
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return now + Math.max(0, seconds) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? null : at
}

async function readCapped(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? 0)
  if (declared > maxBytes) {
    await response.body?.cancel()
    throw tooLarge(maxBytes)
  }
  const chunks: Buffer[] = []
  let size = 0
  if (!response.body) return Buffer.alloc(0)
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength
    if (size > maxBytes) throw tooLarge(maxBytes)
    chunks.push(Buffer.from(chunk))
  }
  return Buffer.concat(chunks)
}

const tooLarge = (maxBytes: number) =>
  new FeedFetchError(`The feed is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`)
