import { createHash } from 'node:crypto'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { htmlToText } from './html-text'

/** A person named by a feed: Atom's <author>, RSS's <author> ("mail (Name)") or <dc:creator>. */
export interface FeedAuthor {
  name: string
  uri: string | null
  email: string | null
}

export interface FeedEntry {
  /** Atom <id> or RSS <guid>; else the link; else a hash of the title and text (all stable across fetches). */
  id: string
  /** The entry's page, absolute; only http(s). */
  link: string | null
  title: string | null
  text: string
  author: FeedAuthor | null
  /** Published (else updated) time; null when the feed gives none or an unreadable one. */
  publishedAt: number | null
}

export interface ParsedFeed {
  format: 'rss' | 'atom'
  title: string | null
  /** The site's home page, absolute. */
  link: string | null
  entries: FeedEntry[]
}

/** The feed could not be read; the message says why, for the feed's error line. */
export class FeedParseError extends Error {
  override name = 'FeedParseError'
}

type Node = Record<string, unknown>

const ARRAYS = new Set(['item', 'entry', 'link', 'author', 'category', 'creator'])

// processEntities off: no entity from a DOCTYPE is ever expanded (no "billion laughs"); the five
// predefined ones and character references are decoded below, where text is taken out.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  processEntities: false,
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  cdataPropName: '#cdata',
  isArray: (name) => ARRAYS.has(name),
})

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** Decodes XML's predefined entities and character references; any other `&name;` stays as written. */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return PREDEFINED[ref] ?? whole
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The text of an element: escaped text is decoded, CDATA is taken as written, nested markup is flattened. */
function textOf(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string' || typeof value === 'number') return decodeXmlText(String(value))
  if (Array.isArray(value)) return value.map(textOf).filter(Boolean).join(' ')
  if (!isNode(value)) return ''
  const parts: string[] = []
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('@_')) continue
    if (key === '#cdata') parts.push(Array.isArray(child) ? child.join('') : String(child))
    else parts.push(textOf(child))
  }
  return parts.filter(Boolean).join(' ')
}

const attribute = (value: unknown, name: string): string | null =>
  isNode(value) && typeof value[`@_${name}`] === 'string' ? decodeXmlText(value[`@_${name}`] as string) : null

/** Text of an element whose `type` says whether it holds HTML (Atom's text constructs, RSS descriptions). */
function readableText(value: unknown, isHtml: boolean): string {
  const raw = textOf(value)
  return isHtml ? htmlToText(raw) : raw.trim()
}

function absoluteHttpUrl(href: string | null, base: string): string | null {
  if (!href) return null
  try {
    const url = new URL(href.trim(), base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

function timeOf(value: unknown): number | null {
  const text = textOf(value).trim()
  if (!text) return null
  const ms = Date.parse(text)
  return Number.isNaN(ms) ? null : ms
}

const firstOf = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value)
const nonEmpty = (text: string): string | null => (text.trim() ? text.trim() : null)

function fallbackId(title: string | null, text: string, publishedAt: number | null): string {
  const hash = createHash('sha256')
    .update(`${title ?? ''}\u0000${text}\u0000${publishedAt ?? ''}`)
    .digest('hex')
  return `sha256:${hash.slice(0, 32)}`
}

/** RSS 2.0's author is "mail@example.org (Name)"; some feeds put a bare name there. */
function rssAuthor(item: Node): FeedAuthor | null {
  const creator = nonEmpty(textOf(firstOf(item.creator)))
  const author = nonEmpty(textOf(firstOf(item.author)))
  const mailAndName = author ? /^(\S+@\S+)\s*\((.+)\)$/.exec(author) : null
  if (mailAndName) return { name: creator ?? mailAndName[2]!.trim(), uri: null, email: mailAndName[1]!.toLowerCase() }
  if (creator) return { name: creator, uri: null, email: null }
  if (!author) return null
  return author.includes('@') && !author.includes(' ')
    ? { name: author, uri: null, email: author.toLowerCase() }
    : { name: author, uri: null, email: null }
}

function parseRss(channel: Node, base: string): ParsedFeed {
  const siteLink = absoluteHttpUrl(nonEmpty(textOf(firstOf(channel.link))), base)
  const items = Array.isArray(channel.item) ? (channel.item as unknown[]).filter(isNode) : []
  const entries = items.map((item): FeedEntry => {
    const title = nonEmpty(textOf(item.title))
    const link = absoluteHttpUrl(nonEmpty(textOf(firstOf(item.link))), base)
    // content:encoded is the full post; description a summary. Both carry escaped or CDATA HTML.
    const text = readableText(item.encoded ?? item.description, true)
    const publishedAt = timeOf(item.pubDate) ?? timeOf(item.date)
    const guid = nonEmpty(textOf(item.guid))
    return {
      id: guid ?? link ?? fallbackId(title, text, publishedAt),
      link,
      title,
      text,
      author: rssAuthor(item),
      publishedAt,
    }
  })
  return { format: 'rss', title: nonEmpty(textOf(channel.title)), link: siteLink, entries }
}

const isHtmlType = (value: unknown) => ['html', 'xhtml', 'text/html'].includes(attribute(value, 'type') ?? 'text')

function atomLink(links: unknown, base: string): string | null {
  const list = (Array.isArray(links) ? links : [links]).filter(isNode)
  const alternate = list.find((l) => (attribute(l, 'rel') ?? 'alternate') === 'alternate') ?? list[0]
  return absoluteHttpUrl(attribute(alternate, 'href'), base)
}

function atomAuthor(value: unknown, base: string): FeedAuthor | null {
  const author = firstOf(value)
  if (!isNode(author)) return null
  const name = nonEmpty(textOf(author.name))
  const email = nonEmpty(textOf(author.email))?.toLowerCase() ?? null
  const uri = absoluteHttpUrl(nonEmpty(textOf(author.uri)), base)
  const shown = name ?? email
  return shown ? { name: shown, uri, email } : null
}

function parseAtom(feed: Node, base: string): ParsedFeed {
  const feedAuthor = atomAuthor(feed.author, base)
  const items = Array.isArray(feed.entry) ? (feed.entry as unknown[]).filter(isNode) : []
  const entries = items.map((entry): FeedEntry => {
    const title = nonEmpty(readableText(entry.title, isHtmlType(entry.title)))
    const body = entry.content ?? entry.summary
    const text = readableText(body, isHtmlType(body))
    const link = atomLink(entry.link, base)
    const publishedAt = timeOf(entry.published) ?? timeOf(entry.updated)
    const id = nonEmpty(textOf(entry.id))
    return {
      id: id ?? link ?? fallbackId(title, text, publishedAt),
      link,
      title,
      text,
      author: atomAuthor(entry.author, base) ?? feedAuthor,
      publishedAt,
    }
  })
  return {
    format: 'atom',
    title: nonEmpty(readableText(feed.title, isHtmlType(feed.title))),
    link: atomLink(feed.link, base),
    entries,
  }
}

/**
 * Reads an RSS 2.0 or Atom 1.0 document. `base` (the feed's own URL) resolves relative links.
 * Throws FeedParseError for XML that is not well-formed or that is neither format.
 */
export function parseFeed(xml: string, base: string): ParsedFeed {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) {
    throw new FeedParseError(`The feed is not valid XML (line ${valid.err.line}: ${valid.err.msg})`)
  }
  const document = parser.parse(xml) as Node
  if (isNode(document.rss) && isNode(document.rss.channel)) return parseRss(document.rss.channel, base)
  if (isNode(document.feed)) return parseAtom(document.feed, base)
  const root = Object.keys(document).find((key) => !key.startsWith('?')) ?? 'nothing'
  throw new FeedParseError(`This is not an RSS or Atom feed (its document element is <${root}>).`)
}

/** The bytes of a feed as text: a BOM, then the XML declaration's encoding, then the HTTP charset, else UTF-8. */
export function decodeFeedBytes(bytes: Buffer, contentType: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8')
  const declared = /^<\?xml[^>]*encoding=["']([\w.:-]+)["']/.exec(bytes.subarray(0, 200).toString('latin1'))?.[1]
  const fromHeader = contentType ? /charset=["']?([\w.:-]+)/i.exec(contentType)?.[1] : undefined
  for (const label of [declared, fromHeader]) {
    if (!label) continue
    try {
      return new TextDecoder(label).decode(bytes)
    } catch {
      // An unknown label: try the next source of truth.
    }
  }
  return bytes.toString('utf8')
}
