import type { z } from 'zod'
import { ConnectorError } from '../types'
import { BucUsage, GraphError } from './schemas'
import { nextTurn } from '../../next-turn'

export interface GraphClientConfig {
  /** Up to and including the version: `https://graph.facebook.com/v19.0`. */
  baseUrl: string
  token: string
  now: () => number
  timeoutMs?: number
}

const THROTTLE_CODES = new Set([4, 17, 32, 341, 368, 613, 80000, 80001, 80002, 80003, 80004, 80005, 80006, 80007, 80008])
/** Messenger's "outside of allowed window" (code 10) is a refusal of this message, not a lost permission. */
const WINDOW_SUBCODES = new Set([2018278, 2018108, 2018065])
const DEFAULT_THROTTLE_MS = 10 * 60_000

/**
 * One Graph call. The token travels in the Authorization header (never in a URL that could be logged);
 * `next` URLs from paging are followed only on the configured host. Errors branch on `error.code`.
 */
export async function graphCall<S extends z.ZodType>(
  config: GraphClientConfig,
  request: { method: 'GET' | 'POST'; path?: string; url?: string; params?: Record<string, string> },
  schema: S,
  signal: AbortSignal,
): Promise<z.infer<S>> {
  const url = request.url ? followable(config, request.url) : new URL(`${config.baseUrl.replace(/\/$/, '')}/${request.path ?? ''}`)
  const form = new URLSearchParams(request.params ?? {})
  if (request.method === 'GET') for (const [key, value] of form) url.searchParams.set(key, value)
  let response: Response
  let text: string
  try {
    response = await fetch(url, {
      method: request.method,
      headers: { authorization: `Bearer ${config.token}`, ...(request.method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(request.method === 'POST' ? { body: form.toString() } : {}),
      signal: AbortSignal.any([signal, AbortSignal.timeout(config.timeoutMs ?? 30_000)]),
    })
    text = await response.text()
    // Reading a page and checking it are separate turns: together, on a cold start, they held the host 40–60 ms.
    await nextTurn()
  } catch (error) {
    if (signal.aborted) throw error
    throw new ConnectorError('transient', `Facebook could not be reached: ${(error as Error).message}`)
  }
  const json = parseJson(text)
  const graphError = GraphError.safeParse(json)
  if (graphError.success) throw errorFor(graphError.data.error, response.headers, config.now)
  if (!response.ok) {
    if (response.status >= 500) throw new ConnectorError('transient', `Facebook answered ${response.status}`)
    throw new ConnectorError('malformed', `Facebook answered ${response.status} without an error body`)
  }
  if (json === undefined) throw new ConnectorError('malformed', `Facebook sent a response to ${url.pathname} that is not JSON`)
  const parsed = schema.safeParse(json)
  if (!parsed.success) throw new ConnectorError('malformed', `Facebook sent an unexpected response to ${url.pathname}: ${parsed.error.message.slice(0, 300)}`)
  return parsed.data
}

function followable(config: GraphClientConfig, next: string): URL {
  const url = new URL(next)
  if (url.origin !== new URL(config.baseUrl).origin) throw new ConnectorError('malformed', `Facebook paging pointed at another host: ${url.origin}`)
  url.searchParams.delete('access_token')
  return url
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

type GraphErrorBody = z.infer<typeof GraphError>['error']

function errorFor(error: GraphErrorBody, headers: Headers, now: () => number): ConnectorError {
  const { code, error_subcode: subcode } = error
  if (code === 190 || code === 102) return new ConnectorError('auth', `Facebook no longer accepts the Page token (${error.message}). Reconnect the account.`)
  if (code === 10 && subcode !== undefined && WINDOW_SUBCODES.has(subcode)) {
    return new ConnectorError('rejected', `Messenger allows replies only within 24 hours of the customer’s last message (${error.message})`)
  }
  if (code === 10 || (code >= 200 && code <= 299)) {
    return new ConnectorError('auth', `Facebook withdrew a permission the app needs (${error.message}). Reconnect the account and grant it again.`)
  }
  if (THROTTLE_CODES.has(code)) {
    const retryAt = now() + regainMs(headers)
    return new ConnectorError('rate-limit', `Facebook throttled the account (${error.message}); next request at ${new Date(retryAt).toISOString()}`, retryAt)
  }
  if (code === 1 || code === 2) return new ConnectorError('transient', `Facebook had a temporary problem (${error.message})`)
  return new ConnectorError('rejected', `Facebook refused the request: ${error.message} (code ${code}${subcode ? `/${subcode}` : ''})`)
}

/** `estimated_time_to_regain_access` in X-Business-Use-Case-Usage is in minutes; the largest one wins. */
function regainMs(headers: Headers): number {
  const header = headers.get('x-business-use-case-usage')
  const parsed = header ? BucUsage.safeParse(parseJson(header)) : null
  if (!parsed?.success) return DEFAULT_THROTTLE_MS
  const minutes = Object.values(parsed.data).flat().map((u) => u.estimated_time_to_regain_access ?? 0)
  const worst = Math.max(0, ...minutes)
  return worst > 0 ? worst * 60_000 : DEFAULT_THROTTLE_MS
}
