export interface Query {
  get(name: string): string | null
  all(name: string): string[]
}

const above = (id: string, than: string | null) => than === null || BigInt(id) > BigInt(than)
const below = (id: string, than: string | null) => than === null || BigInt(id) < BigInt(than)

/**
 * One page as Mastodon pages timelines (docs/api/guidelines#pagination), newest first: `max_id`
 * and `since_id` bound the ids, `min_id` asks for the page immediately newer than it, `limit` the
 * size (capped at `max`). `all` is ascending by id.
 */
export function pageOf<T extends { id: string }>(all: readonly T[], query: Query, fallback: number, max: number): T[] {
  const limit = Math.min(max, Math.max(1, Number(query.get('limit') ?? fallback) || fallback))
  const maxId = query.get('max_id')
  const sinceId = query.get('since_id')
  const minId = query.get('min_id')
  const window = all.filter((item) => below(item.id, maxId) && above(item.id, sinceId) && above(item.id, minId))
  const chosen = minId !== null ? window.slice(0, limit) : window.slice(-limit)
  return chosen.reverse()
}

/** `Link: <…max_id=last>; rel="next", <…min_id=first>; rel="prev"`, keeping the request's other parameters. */
export function linkHeader(url: URL, page: readonly { id: string }[]): Record<string, string> {
  const first = page[0]
  const last = page.at(-1)
  if (!first || !last) return {}
  const link = (param: 'max_id' | 'min_id', id: string) => {
    const target = new URL(url)
    for (const p of ['max_id', 'min_id', 'since_id']) target.searchParams.delete(p)
    target.searchParams.set(param, id)
    return target.toString()
  }
  return { link: `<${link('max_id', last.id)}>; rel="next", <${link('min_id', first.id)}>; rel="prev"` }
}

/**
 * A status's length as Mastodon counts it (StatusLengthValidator): every link is `urlLength`
 * characters however long, a remote mention `@user@host` counts as `@user`.
 */
export function statusLength(text: string, urlLength: number): number {
  const counted = text
    .replace(/https?:\/\/\S+/g, 'x'.repeat(urlLength))
    .replace(/(^|[^\w@])@(\w+)@[\w.-]+\w/g, (_, lead: string, user: string) => `${lead}@${user}`)
  return [...counted].length
}
