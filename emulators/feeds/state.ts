import { mulberry32 } from '../../src/main/core/demo/prng'
import { pick } from '../shared/http'
import { SHOP } from '../shared/voice'

export type FeedName = 'blog' | 'reviews'

export interface FeedAuthor {
  name: string
  email?: string
  uri?: string
}

export interface FeedPost {
  /** The entry's guid (RSS) or id (Atom): a tag: URI that never changes. */
  id: string
  slug: string
  title: string
  /** HTML, as blogs publish it. */
  html: string
  author: FeedAuthor | null
  publishedAt: number
}

export interface EmulatedFeed {
  name: FeedName
  format: 'rss' | 'atom'
  title: string
  /** Where the feed is served now; a move (301) changes it. */
  path: string
  /** Newest last. */
  posts: FeedPost[]
  /** Bumped on every change: the ETag. */
  version: number
  /** Last-Modified, in whole seconds as HTTP dates carry it. */
  modifiedAt: number
}

const BLOG_AUTHORS: (FeedAuthor | null)[] = [
  { name: 'Miriam Esser', email: 'miriam@duesseldorf-isst.example' },
  { name: 'Kai Brandt' },
  { name: 'Jule Hartmann', email: 'jule@duesseldorf-isst.example' },
  null,
]
const REVIEWERS: FeedAuthor[] = [
  { name: 'Petra Lange', uri: 'https://rheinland-reviews.example/u/petra' },
  { name: 'Deniz Aydın', uri: 'https://rheinland-reviews.example/u/deniz' },
  { name: 'Oliver Klein', uri: 'https://rheinland-reviews.example/u/oliver' },
]

/** Posts that name the shop: what the web watch is for. */
const ABOUT_SHOP = [
  {
    title: 'Die besten Zimtschnecken der Stadt',
    html: `<p>Unser Favorit diese Woche: die Zimtschnecken der <strong>${SHOP.name}</strong> an der Kö. Fluffig &amp; nicht zu süß.</p>`,
  },
  {
    title: 'Frühstück in Bilk: fünf Tipps',
    html: `<p>Platz 2: ${SHOP.name} – das Dinkelbrot ist großartig, aber samstags um 9 Uhr war schon alles weg.</p>`,
  },
  {
    title: 'Sourdough crawl through Düsseldorf',
    html: `<p>We tried six bakeries. ${SHOP.name} had the best crust &mdash; and the longest queue.</p>`,
  },
  {
    title: 'Enttäuschende Hochzeitstorte',
    html: `<p>Leider kam die bestellte Torte der ${SHOP.name} zwei Stunden zu spät. Schade, der Geschmack war gut.</p>`,
  },
  {
    title: 'Neu: Kürbiskernbrötchen',
    html: `<p>Die ${SHOP.name} backt jetzt Kürbiskernbrötchen im Steinofen. <a href="https://example.org/kuerbis">Mehr</a></p>`,
  },
]
/** Posts about anything else: the watch must leave these alone when it has keywords. */
const OTHER = [
  { title: 'Wochenmarkt am Carlsplatz', html: '<p>Spargelzeit! Die Stände am Carlsplatz sind wieder voll.</p>' },
  { title: 'Ramen-Test in Little Tokyo', html: '<p>Drei Ramen-Läden an der Immermannstraße im Vergleich.</p>' },
  { title: 'Best coffee near the Rhine', html: '<p>Our top picks for a flat white with a view.</p>' },
]

export const httpDate = (ms: number) => new Date(ms).toUTCString()

/** A food blog (RSS 2.0) and a review site (Atom) from the bakery's city, with seeded history. */
export class FeedsState {
  readonly feeds: Record<FeedName, EmulatedFeed>
  private readonly random: () => number
  private sequence = 0
  private seeded = false

  constructor(private readonly options: { seed: number; now: () => number }) {
    this.random = mulberry32(options.seed)
    const modifiedAt = Math.floor(options.now() / 1000) * 1000
    this.feeds = {
      blog: {
        name: 'blog',
        format: 'rss',
        title: 'Düsseldorf isst',
        path: '/blog/rss.xml',
        posts: [],
        version: 1,
        modifiedAt,
      },
      reviews: {
        name: 'reviews',
        format: 'atom',
        title: 'Rheinland Reviews: Bäckereien',
        path: '/reviews/atom.xml',
        posts: [],
        version: 1,
        modifiedAt,
      },
    }
    this.seed()
    this.seeded = true
  }

  private seed(): void {
    const start = this.options.now() - 20 * 86_400_000
    for (let i = 0; i < 6; i++) this.addPost('blog', { aboutShop: i % 2 === 0, at: start + i * 3 * 86_400_000 })
    for (let i = 0; i < 3; i++) this.addPost('reviews', { aboutShop: true, at: start + (i * 5 + 1) * 86_400_000 })
  }

  /** Seeded history repeats its ids on every start; later posts take the clock's, so none is reused. */
  private nextNumber(): number {
    this.sequence++
    return this.seeded ? this.options.now() * 1000 + (this.sequence % 1000) : this.sequence
  }

  addPost(
    name: FeedName,
    arg: { title?: string; html?: string; author?: FeedAuthor | null; aboutShop?: boolean; at?: number } = {},
  ): FeedPost {
    const feed = this.feeds[name]
    const template = pick(this.random, arg.aboutShop === false ? OTHER : ABOUT_SHOP)
    const number = this.nextNumber()
    const author = arg.author !== undefined ? arg.author : pick(this.random, name === 'blog' ? BLOG_AUTHORS : REVIEWERS)
    const post: FeedPost = {
      id: `tag:${name === 'blog' ? 'duesseldorf-isst.example' : 'rheinland-reviews.example'},2024:${name}-${number}`,
      slug: `${name}-${number}`,
      title: arg.title ?? template.title,
      html: arg.html ?? template.html,
      author,
      publishedAt: arg.at ?? this.options.now(),
    }
    feed.posts.push(post)
    this.touch(feed)
    return post
  }

  /** The feed moves for good: its old path answers 301 from now on. */
  move(name: FeedName): { from: string; to: string } {
    const feed = this.feeds[name]
    const from = feed.path
    feed.path = `/moved${from.replace(/\.xml$/, '')}-${feed.version}.xml`
    return { from, to: feed.path }
  }

  findPost(slug: string): FeedPost | undefined {
    return Object.values(this.feeds)
      .flatMap((f) => f.posts)
      .find((p) => p.slug === slug)
  }

  private touch(feed: EmulatedFeed): void {
    feed.version++
    feed.modifiedAt = Math.max(feed.modifiedAt + 1000, Math.floor(this.options.now() / 1000) * 1000)
  }
}
