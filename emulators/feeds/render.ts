import { httpDate, type EmulatedFeed, type FeedPost } from './state'

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c)

/** CDATA cannot hold "]]>": split it across two sections. */
const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`

export const postUrl = (origin: string, post: FeedPost) => `${origin}/posts/${post.slug}`

/** RSS 2.0 as blogs write it: escaped HTML in <description>, the full post as CDATA in <content:encoded>. */
export function renderRss(feed: EmulatedFeed, posts: readonly FeedPost[], origin: string): string {
  const items = posts
    .slice()
    .reverse()
    .map((p) => {
      const author = p.author?.email
        ? `<author>${escapeXml(`${p.author.email} (${p.author.name})`)}</author>`
        : p.author
          ? `<dc:creator>${escapeXml(p.author.name)}</dc:creator>`
          : ''
      return [
        '<item>',
        `<title>${escapeXml(p.title)}</title>`,
        `<link>${escapeXml(postUrl(origin, p))}</link>`,
        `<guid isPermaLink="false">${escapeXml(p.id)}</guid>`,
        `<pubDate>${httpDate(p.publishedAt)}</pubDate>`,
        author,
        `<description>${escapeXml(p.html)}</description>`,
        `<content:encoded>${cdata(p.html)}</content:encoded>`,
        '</item>',
      ].join('')
    })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    `<channel><title>${escapeXml(feed.title)}</title><link>${escapeXml(`${origin}/`)}</link><description>Essen und Trinken in Düsseldorf</description>`,
    ...items,
    '</channel></rss>',
  ].join('\n')
}

/** Atom 1.0: HTML content with type="html", authors with a profile URI. */
export function renderAtom(feed: EmulatedFeed, posts: readonly FeedPost[], origin: string): string {
  const entries = posts
    .slice()
    .reverse()
    .map((p) =>
      [
        '<entry>',
        `<id>${escapeXml(p.id)}</id>`,
        `<title>${escapeXml(p.title)}</title>`,
        `<link rel="alternate" href="${escapeXml(postUrl(origin, p))}"/>`,
        `<published>${new Date(p.publishedAt).toISOString()}</published>`,
        `<updated>${new Date(p.publishedAt).toISOString()}</updated>`,
        p.author
          ? `<author><name>${escapeXml(p.author.name)}</name>${p.author.uri ? `<uri>${escapeXml(p.author.uri)}</uri>` : ''}</author>`
          : '',
        `<content type="html">${escapeXml(p.html)}</content>`,
        '</entry>',
      ].join(''),
    )
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<title>${escapeXml(feed.title)}</title><id>tag:rheinland-reviews.example,2024:${feed.name}</id>`,
    `<link rel="alternate" href="${escapeXml(`${origin}/`)}"/><link rel="self" href="${escapeXml(`${origin}${feed.path}`)}"/>`,
    `<updated>${new Date(feed.modifiedAt).toISOString()}</updated>`,
    ...entries,
    '</feed>',
  ].join('\n')
}

/** A post's own page, which "Reply on the site" opens. */
export function renderPostPage(post: FeedPost): string {
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${escapeXml(post.title)}</title></head><body><article><h1>${escapeXml(post.title)}</h1>${post.html}<h2>Kommentare</h2><p>Kommentieren ist hier nur ein Beispiel.</p></article></body></html>`
}
