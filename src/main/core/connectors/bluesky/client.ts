import type { z } from 'zod'
import { ConnectorError } from '../types'
import { Session, XrpcError } from './schemas'
import { nextTurn } from '../../next-turn'

/** An app-password session's two tokens; the refresh token is replaced on every refresh. */
export interface BlueskyTokens {
  accessJwt: string
  refreshJwt: string
}

/** Where the session lives between syncs: the connector renews it, the host keeps it (secret store). */
export interface SessionStore {
  load(): BlueskyTokens | null
  save(tokens: BlueskyTokens): void
  /**
   * Runs renewals of one account one at a time, across every connector that shares the session
   * (sync and outbox): a refresh token works once, so a second renewal racing the first would end
   * the session. Absent: the connector is the session's only user.
   */
  exclusive?<T>(run: () => Promise<T>): Promise<T>
}

export interface BlueskyClientConfig {
  /** The PDS (or entryway) root, e.g. `https://bsky.social`. */
  baseUrl: string
  session: SessionStore
  now: () => number
  /** Per request; a hung server must not hold a sync forever. */
  timeoutMs?: number
}

export interface XrpcRequest {
  method: 'GET' | 'POST'
  nsid: string
  /** Arrays become repeated parameters (`reasons=mention&reasons=reply`), as XRPC encodes them. */
  query?: Record<string, string | readonly string[] | undefined>
  body?: unknown
}

interface Answer {
  response: Response
  text: string
}

const FIVE_MINUTES = 5 * 60_000
/** Errors that mean "this access token is no good", answered with 400 or 401 depending on the server. */
const EXPIRED = new Set(['ExpiredToken', 'InvalidToken'])

/**
 * XRPC over fetch. The access token is renewed once with refreshSession when the server calls it
 * expired; a refused refresh is an 'auth' error (the account must reconnect). The RateLimit-*
 * headers are honoured before they are broken: once a method's response says nothing remains, it
 * is not called again until the reset, and the scheduler hears when that is. The headers describe
 * the tightest limit on that method, which may be its own, so other methods go on.
 */
export function createBlueskyClient(config: BlueskyClientConfig) {
  const quietUntil = new Map<string, number>()

  const call = async <S extends z.ZodType>(
    request: XrpcRequest,
    schema: S,
    signal: AbortSignal,
  ): Promise<z.infer<S>> => {
    const quiet = quietUntil.get(request.nsid) ?? 0
    if (config.now() < quiet) throw rateLimited(quiet, `no ${request.nsid} requests remain in this window`)
    const tokens = config.session.load()
    if (!tokens)
      throw new ConnectorError(
        'auth',
        'No Bluesky session is stored for this account. Connect it again with an app password.',
      )
    let answer = await send(config, request, tokens.accessJwt, signal)
    if (isExpired(answer)) answer = await send(config, request, await refresh(tokens, signal), signal)
    noteLimits(request.nsid, answer.response)
    return settle(answer, schema, request.nsid, config.now)
  }

  const refresh = (stale: BlueskyTokens, signal: AbortSignal): Promise<string> => {
    const exclusive = config.session.exclusive?.bind(config.session) ?? ((run: () => Promise<string>) => run())
    return exclusive(async () => {
      const current = config.session.load() ?? stale
      // Renewed by someone else while this request waited: theirs is the token to use.
      if (current.accessJwt !== stale.accessJwt) return current.accessJwt
      const answer = await send(
        config,
        { method: 'POST', nsid: 'com.atproto.server.refreshSession' },
        current.refreshJwt,
        signal,
      )
      noteLimits('com.atproto.server.refreshSession', answer.response)
      if (answer.response.status === 400 || answer.response.status === 401) {
        throw new ConnectorError(
          'auth',
          `Bluesky ended the session (${describe(answer.text)}). Connect the account again with an app password.`,
        )
      }
      const session = settle(answer, Session, 'com.atproto.server.refreshSession', config.now)
      config.session.save({ accessJwt: session.accessJwt, refreshJwt: session.refreshJwt })
      return session.accessJwt
    })
  }

  const noteLimits = (nsid: string, response: Response) => {
    const remaining = Number(response.headers.get('ratelimit-remaining') ?? Number.NaN)
    const reset = Number(response.headers.get('ratelimit-reset') ?? Number.NaN)
    if (remaining === 0 && reset * 1000 > config.now()) quietUntil.set(nsid, reset * 1000)
  }

  return { call }
}

export type BlueskyClient = ReturnType<typeof createBlueskyClient>

/** Signs in with a handle (or DID) and an app password; used once, when the account is connected. */
export async function createSession(
  arg: { baseUrl: string; identifier: string; password: string; now?: () => number },
  signal: AbortSignal = AbortSignal.timeout(30_000),
): Promise<z.infer<typeof Session>> {
  const answer = await send(
    { baseUrl: arg.baseUrl },
    {
      method: 'POST',
      nsid: 'com.atproto.server.createSession',
      body: { identifier: arg.identifier, password: arg.password },
    },
    null,
    signal,
  )
  if (answer.response.status === 401) {
    throw new ConnectorError(
      'auth',
      `Bluesky refused the sign-in (${describe(answer.text)}). Check the handle and the app password.`,
    )
  }
  return settle(answer, Session, 'com.atproto.server.createSession', arg.now ?? Date.now)
}

/** Ends a session the app must not keep (one opened with the main password). Best effort. */
export async function deleteSession(baseUrl: string, refreshJwt: string): Promise<void> {
  try {
    await send(
      { baseUrl },
      { method: 'POST', nsid: 'com.atproto.server.deleteSession' },
      refreshJwt,
      AbortSignal.timeout(10_000),
    )
  } catch {
    // The session expires on its own; nothing more to do.
  }
}

async function send(
  config: { baseUrl: string; timeoutMs?: number },
  request: XrpcRequest,
  token: string | null,
  signal: AbortSignal,
): Promise<Answer> {
  const url = new URL(`/xrpc/${request.nsid}`, config.baseUrl)
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (typeof value === 'string') url.searchParams.set(key, value)
    else for (const each of value ?? []) url.searchParams.append(key, each)
  }
  try {
    const response = await fetch(url, {
      method: request.method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      signal: AbortSignal.any([signal, AbortSignal.timeout(config.timeoutMs ?? 30_000)]),
    })
    const text = await response.text()
    // Reading a page and checking it are separate turns: together, on a cold start, they held the host 40–60 ms.
    await nextTurn()
    return { response, text }
  } catch (error) {
    if (signal.aborted) throw error
    throw new ConnectorError('transient', `Bluesky could not be reached (${request.nsid}): ${(error as Error).message}`)
  }
}

function isExpired(answer: Answer): boolean {
  if (answer.response.status !== 400 && answer.response.status !== 401) return false
  const body = errorBody(answer.text)
  return body !== null && EXPIRED.has(body.error)
}

function settle<S extends z.ZodType>(answer: Answer, schema: S, nsid: string, now: () => number): z.infer<S> {
  if (!answer.response.ok) throw errorFor(answer, now)
  let json: unknown
  try {
    json = JSON.parse(answer.text)
  } catch {
    throw new ConnectorError('malformed', `Bluesky sent a response to ${nsid} that is not JSON`)
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success)
    throw new ConnectorError(
      'malformed',
      `Bluesky sent an unexpected response to ${nsid}: ${parsed.error.message.slice(0, 300)}`,
    )
  return parsed.data
}

/** A refusal that carries the XRPC error name, for callers that expect one (RecordNotFound). */
export class XrpcRefusal extends ConnectorError {
  constructor(
    message: string,
    readonly xrpcError: string | null,
  ) {
    super('rejected', message)
  }
}

function errorFor({ response, text }: Answer, now: () => number): ConnectorError {
  const body = errorBody(text)
  if (response.status === 429 || body?.error === 'RateLimitExceeded') {
    const reset = Number(response.headers.get('ratelimit-reset') ?? Number.NaN)
    return rateLimited(Number.isFinite(reset) && reset > 0 ? reset * 1000 : now() + FIVE_MINUTES, describe(text))
  }
  if (response.status === 401 || (body && EXPIRED.has(body.error))) {
    return new ConnectorError(
      'auth',
      `Bluesky no longer accepts this session (${describe(text)}). Connect the account again with an app password.`,
    )
  }
  if (response.status >= 500)
    return new ConnectorError('transient', `Bluesky answered ${response.status} (${describe(text)})`)
  return new XrpcRefusal(`Bluesky refused the request with ${response.status}: ${describe(text)}`, body?.error ?? null)
}

const rateLimited = (retryAt: number, detail: string) =>
  new ConnectorError(
    'rate-limit',
    `Bluesky rate limit reached (${detail}); next request at ${new Date(retryAt).toISOString()}`,
    retryAt,
  )

function errorBody(text: string): z.infer<typeof XrpcError> | null {
  try {
    const parsed = XrpcError.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

function describe(text: string): string {
  const body = errorBody(text)
  if (body) return body.message ? `${body.error}: ${body.message}` : body.error
  // Not JSON: an error page from a proxy. The status says enough.
  return text.slice(0, 120) || 'empty body'
}

/**
 * The scope an access token was issued for. A session opened with the account's main password
 * carries `com.atproto.access`; one from an app password `com.atproto.appPass` (or
 * `…appPassPrivileged`). Null when the token is not a JWT we can read.
 */
export function tokenScope(accessJwt: string): string | null {
  const payload = accessJwt.split('.')[1]
  if (!payload) return null
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { scope?: unknown }
    return typeof claims.scope === 'string' ? claims.scope : null
  } catch {
    return null
  }
}
