import type { XDmEvent, XTweet } from './state'

export interface Query {
  get(name: string): string | null
  list(name: string): string[]
}

type Page<T> = { data: T[]; meta: Record<string, string | number> } | { problem: ReturnType<typeof invalidRequest> }

export function invalidRequest(message: string) {
  return {
    errors: [{ message }],
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: 'https://api.twitter.com/2/problems/invalid-request',
  }
}

const encodeToken = (id: string) => Buffer.from(`before:${id}`).toString('base64url')
const decodeToken = (token: string) => /^before:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'))?.[1] ?? null

const TWEET_DEFAULT_FIELDS = ['id', 'text', 'edit_history_tweet_ids']

/**
 * One page of tweets, newest first, as X pages timelines: since_id/until_id bound the ids, max_results
 * the size, and `pagination_token` (or `next_token` on search) continues below the last id returned.
 */
export function tweetsPage(all: readonly XTweet[], query: Query, minResults: number): Page<Record<string, unknown>> {
  const max = Number(query.get('max_results') ?? '10')
  if (!Number.isInteger(max) || max < minResults || max > 100) {
    return { problem: invalidRequest(`The \`max_results\` query parameter value [${max}] is not between ${minResults} and 100`) }
  }
  const token = query.get('pagination_token') ?? query.get('next_token')
  const before = token ? decodeToken(token) : null
  if (token && !before) return { problem: invalidRequest('The `pagination_token` query parameter value is not valid') }
  const since = query.get('since_id')
  const until = query.get('until_id')
  const below = [before, until].filter((v): v is string => v !== null).map(BigInt)
  // Tweets are kept in ascending id order, so the window is found by binary search: a linear scan
  // per page made a 20,000-mention first sync quadratic, and the benchmark measured the emulator.
  const from = since === null ? 0 : firstAbove(all, BigInt(since))
  const to = below.length === 0 ? all.length : firstAbove(all, below.reduce((a, b) => (a < b ? a : b)) - 1n)
  const pageItems = all.slice(Math.max(from, to - max), Math.max(from, to)).reverse()
  const fields = new Set([...TWEET_DEFAULT_FIELDS, ...query.list('tweet.fields')])
  const data = pageItems.map((t) => pickFields(t, fields))
  return { data, meta: metaOf(pageItems, to - from > max) }
}

/** Index of the first tweet whose id is greater than `id` (ids ascend). */
function firstAbove(all: readonly { id: string }[], id: bigint): number {
  let lo = 0
  let hi = all.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (BigInt(all[mid]!.id) > id) hi = mid
    else lo = mid + 1
  }
  return lo
}

export function dmEventsPage(all: readonly XDmEvent[], query: Query): Page<Record<string, unknown>> {
  const max = Number(query.get('max_results') ?? '100')
  if (!Number.isInteger(max) || max < 1 || max > 100) {
    return { problem: invalidRequest(`The \`max_results\` query parameter value [${max}] is not between 1 and 100`) }
  }
  const token = query.get('pagination_token')
  const before = token ? decodeToken(token) : null
  if (token && !before) return { problem: invalidRequest('The `pagination_token` query parameter value is not valid') }
  const newestFirst = all.filter((e) => before === null || BigInt(e.id) < BigInt(before)).reverse()
  const pageItems = newestFirst.slice(0, max)
  const fields = new Set(['id', 'event_type', 'text', ...query.list('dm_event.fields')])
  return { data: pageItems.map((e) => pickFields(e, fields)), meta: metaOf(pageItems, newestFirst.length > max) }
}

function metaOf(items: readonly { id: string }[], more: boolean): Record<string, string | number> {
  const first = items[0]
  const last = items.at(-1)
  if (!first || !last) return { result_count: 0 }
  return {
    result_count: items.length,
    newest_id: first.id,
    oldest_id: last.id,
    ...(more ? { next_token: encodeToken(last.id) } : {}),
  }
}

function pickFields<T extends object>(item: T, fields: Set<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([key]) => fields.has(key)))
}
