import type { z } from 'zod'
import { ConnectorError } from '../types'
import { MastodonError } from './schemas'
import { nextTurn } from '../../next-turn'

export interface MastodonClientConfig {
  /** The instance, e.g. `https://mastodon.social`. */
  baseUrl: string
  token: string | null
  now: () => number
  /** Per request; a hung instance must not hold a sync forever. */
  timeoutMs?: number
}

export interface MastodonRequest {
  method: 'GET' | 'POST'
  /** A path on the instance, or a `Link` URL from an earlier answer. */
  path: string
  /** Arrays are sent as Rails reads them: `types[]=mention`. */
  query?: Record<string, string | readonly string[] | undefined>
  body?: unknown
  headers?: Record<string, string>
}

export interface MastodonAnswer<T> {
  data: T
  /** The `Link` header's pages: `next` is older, `prev` newer. */
  links: { next?: URL; prev?: URL }
}

/** A refusal with its HTTP status, for callers that expect one (a deleted status: 404). */
export class MastodonRefusal extends ConnectorError {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super('rejected', message)
  }
}

const FIVE_MINUTES = 5 * 60_000

/**
 * Mastodon's REST API over fetch, with the account's OAuth token. X-RateLimit-* is honoured before
 * it is broken: once a response says nothing remains, no request is made until the reset, and the
 * scheduler hears when that is. `Link` URLs are followed only on the instance itself.
 */
export function createMastodonClient(config: MastodonClientConfig) {
  let quietUntil = 0
  const origin = new URL(config.baseUrl).origin

  const call = async <S extends z.ZodType>(
    request: MastodonRequest,
    schema: S,
    signal: AbortSignal,
  ): Promise<MastodonAnswer<z.infer<S>>> => {
    if (config.now() < quietUntil) throw rateLimited(quietUntil, 'no requests remain in this window')
    const url = new URL(request.path, config.baseUrl)
    if (url.origin !== origin)
      throw new ConnectorError('malformed', `Mastodon paging pointed at another host: ${url.origin}`)
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (typeof value === 'string') url.searchParams.set(key, value)
      else for (const each of value ?? []) url.searchParams.append(`${key}[]`, each)
    }
    let response: Response
    let text: string
    try {
      response = await fetch(url, {
        method: request.method,
        headers: {
          ...(config.token ? { authorization: `Bearer ${config.token}` } : {}),
          ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...request.headers,
        },
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
        signal: AbortSignal.any([signal, AbortSignal.timeout(config.timeoutMs ?? 30_000)]),
      })
      text = await response.text()
      // Reading a page and checking it are separate turns: together, on a cold start, they held the host 40–60 ms.
      await nextTurn()
    } catch (error) {
      if (signal.aborted) throw error
      throw new ConnectorError(
        'transient',
        `Mastodon could not be reached (${request.method} ${url.pathname}): ${(error as Error).message}`,
      )
    }
    const reset = resetOf(response.headers)
    if (response.headers.get('x-ratelimit-remaining') === '0' && reset !== null && reset > config.now())
      quietUntil = reset
    if (!response.ok) throw errorFor(response.status, text, reset, config.now)
    return { data: parseBody(text, schema, url.pathname), links: parseLinks(response.headers.get('link'), origin) }
  }

  return { call }
}

export type MastodonClient = ReturnType<typeof createMastodonClient>

/** X-RateLimit-Reset is an ISO 8601 time on Mastodon; epoch seconds are read too. */
function resetOf(headers: Headers): number | null {
  const value = headers.get('x-ratelimit-reset')
  if (!value) return null
  const asNumber = Number(value)
  const ms = Number.isFinite(asNumber) ? asNumber * 1000 : Date.parse(value)
  return Number.isFinite(ms) ? ms : null
}

function parseBody<S extends z.ZodType>(text: string, schema: S, path: string): z.infer<S> {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new ConnectorError('malformed', `Mastodon sent a response to ${path} that is not JSON`)
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success)
    throw new ConnectorError(
      'malformed',
      `Mastodon sent an unexpected response to ${path}: ${parsed.error.message.slice(0, 300)}`,
    )
  return parsed.data
}

/** `<https://…?max_id=1>; rel="next", <https://…?min_id=9>; rel="prev"`; links to other hosts are dropped. */
export function parseLinks(header: string | null, origin: string): { next?: URL; prev?: URL } {
  const links: { next?: URL; prev?: URL } = {}
  for (const part of (header ?? '').split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?(next|prev)"?/.exec(part.trim())
    if (!match?.[1] || !URL.canParse(match[1])) continue
    const url = new URL(match[1])
    if (url.origin === origin) links[match[2] as 'next' | 'prev'] = url
  }
  return links
}

function errorFor(status: number, text: string, reset: number | null, now: () => number): ConnectorError {
  const detail = describe(text)
  if (status === 401) {
    return new ConnectorError(
      'auth',
      `Mastodon no longer accepts this account’s access token (${detail}). Connect the account again.`,
    )
  }
  if (status === 403)
    return new ConnectorError(
      'auth',
      `Mastodon refused access (${detail}). Connect the account again and allow reading and writing.`,
    )
  if (status === 429) return rateLimited(reset ?? now() + FIVE_MINUTES, detail)
  if (status >= 500) return new ConnectorError('transient', `Mastodon answered ${status} (${detail})`)
  return new MastodonRefusal(`Mastodon refused the request with ${status}: ${detail}`, status)
}

const rateLimited = (retryAt: number, detail: string) =>
  new ConnectorError(
    'rate-limit',
    `Mastodon rate limit reached (${detail}); next request at ${new Date(retryAt).toISOString()}`,
    retryAt,
  )

function describe(text: string): string {
  try {
    const parsed = MastodonError.safeParse(JSON.parse(text))
    if (parsed.success) return parsed.data.error_description ?? parsed.data.error
  } catch {
    // Not JSON: an error page from a proxy. The status says enough.
  }
  return text.slice(0, 120) || 'empty body'
}
