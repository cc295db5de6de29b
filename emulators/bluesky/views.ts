import type { BskyActor, BskyPost, BskyState } from './state'

export interface Params {
  get(name: string): string | null
  /** Every value of a repeated parameter: XRPC sends arrays as `reasons=mention&reasons=reply`. */
  all(name: string): string[]
}

type Page<T> = T | { invalid: string }

export const profileView = (actor: BskyActor) => ({
  did: actor.did,
  handle: actor.handle,
  displayName: actor.displayName,
  labels: [],
})

export function postView(state: BskyState, post: BskyPost) {
  const replies = state.posts.filter((p) => p.record.reply?.parent.uri === post.uri).length
  return {
    uri: post.uri,
    cid: post.cid,
    author: profileView(state.actorOrThrow(post.authorDid)),
    record: post.record,
    replyCount: replies,
    repostCount: 0,
    likeCount: 0,
    quoteCount: 0,
    indexedAt: post.indexedAt,
    labels: [],
  }
}

function limitOf(params: Params, fallback: number): number | { invalid: string } {
  const raw = params.get('limit')
  const limit = raw === null ? fallback : Number(raw)
  return Number.isInteger(limit) && limit >= 1 && limit <= 100
    ? limit
    : { invalid: `Error: limit must be between 1 and 100, not ${raw}` }
}

const encodeCursor = (n: number) => Buffer.from(`p${n}`).toString('base64url')
const decodeCursor = (cursor: string) => {
  const match = /^p(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
  return match ? Number(match[1]) : null
}

/** Newest first; the cursor continues below the last notification returned. `reasons` filters. */
export function notificationsPage(
  state: BskyState,
  params: Params,
): Page<{ cursor?: string; notifications: unknown[]; priority: boolean }> {
  const limit = limitOf(params, 50)
  if (typeof limit !== 'number') return limit
  const cursor = params.get('cursor')
  const below = cursor ? decodeCursor(cursor) : Number.POSITIVE_INFINITY
  if (below === null) return { invalid: 'Error: malformed cursor' }
  const reasons = new Set(params.all('reasons'))
  const matching = state.notifications
    .filter((n) => n.seq < below && (reasons.size === 0 || reasons.has(n.reason)))
    .reverse()
  const page = matching.slice(0, limit)
  const last = page.at(-1)
  return {
    ...(last && matching.length > limit ? { cursor: encodeCursor(last.seq) } : {}),
    notifications: page.map((n) => ({
      uri: n.uri,
      cid: n.cid,
      author: profileView(state.actorOrThrow(n.authorDid)),
      reason: n.reason,
      ...(n.reasonSubject ? { reasonSubject: n.reasonSubject } : {}),
      record: n.record,
      isRead: false,
      indexedAt: n.indexedAt,
      labels: [],
    })),
    priority: false,
  }
}

/** Words (all must occur, any case) over every post, newest first; `since`/`until` bound createdAt; the cursor is an offset. */
export function searchPage(
  state: BskyState,
  params: Params,
): Page<{ cursor?: string; hitsTotal: number; posts: unknown[] }> {
  const q = params.get('q')
  if (!q?.trim()) return { invalid: 'Error: Params must have the property "q"' }
  const limit = limitOf(params, 25)
  if (typeof limit !== 'number') return limit
  const offset = Number(params.get('cursor') ?? '0')
  if (!Number.isInteger(offset) || offset < 0) return { invalid: 'Error: malformed cursor' }
  const since = Date.parse(params.get('since') ?? '') || Number.NEGATIVE_INFINITY
  const until = Date.parse(params.get('until') ?? '') || Number.POSITIVE_INFINITY
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean)
  const hits = state.posts
    .filter((p) => {
      const at = Date.parse(p.record.createdAt)
      const text = p.record.text.toLowerCase()
      return at >= since && at < until && terms.every((t) => text.includes(t))
    })
    .reverse()
  const page = hits.slice(offset, offset + limit)
  return {
    ...(offset + limit < hits.length ? { cursor: String(offset + limit) } : {}),
    hitsTotal: hits.length,
    posts: page.map((p) => postView(state, p)),
  }
}
