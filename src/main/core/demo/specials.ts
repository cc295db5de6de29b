import type { Channel } from '../../../shared/domain'
import type { IngestIdentity, IngestItem } from '../store/ingest'
import { fill, shopReply } from './compose'
import { HISTORY_MS, messageId, tweetJson, type AccountContext, type DemoConversation } from './conversation'
import type { Rng } from './prng'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/**
 * The people every demo has, whatever the seed: they carry the stories the product is about.
 * Conversation numbers start high so they never share an id with the generated crowd.
 */
const SPECIAL_BASE = 9_000_000

export interface SpecialPerson {
  workspaceIndex: number
  /** The first channel creates the contact; later channels get an identity linked to it. */
  identities: Partial<Record<Channel, IngestIdentity>>
  primary: Channel
}

/** A regular who orders the office breakfast by mail (and now and then via Messenger); grows with scale. */
export const HEAVY_REGULAR: SpecialPerson = {
  workspaceIndex: 0,
  primary: 'email',
  identities: {
    email: { externalId: 'ingrid.hoffmann@rheinblick-steuerberatung.example', displayName: 'Ingrid Hoffmann' },
    facebook: { externalId: '100004999000001', displayName: 'Ingrid Hoffmann', followers: 212 },
  },
}

/**
 * Modelled on the 2009 Whirlpool/Heather Armstrong story (a customer with a million readers, ignored
 * by a service line): invented person, invented posts.
 */
export const ANGRY_INFLUENCER: SpecialPerson = {
  workspaceIndex: 0,
  primary: 'x',
  identities: { x: { externalId: '1199000000000001', handle: 'helene_isst', displayName: 'Helene Armbruster', followers: 1_240_000 } },
}

const FOOD_BLOG: IngestIdentity = { externalId: '1199000000000002', handle: 'duesseldorf_isst', displayName: 'Düsseldorf isst', followers: 48_200 }
const WELLNESS_WEEKLY: IngestIdentity = { externalId: '1199000000000003', handle: 'berlinwellness', displayName: 'Berlin Wellness Weekly', followers: 23_500 }
const DINKEL_FAN: IngestIdentity = { externalId: '100004999000002', displayName: 'Sabine Krüger', followers: 340 }
/**
 * Helene wrote by mail first, from an address no other channel knows; her signature names her X account,
 * so Earshot suggests merging the two and says why.
 */
const HELENE_BY_MAIL: IngestIdentity = { externalId: 'helene.armbruster@posteo.example', displayName: 'Helene Armbruster' }

export const SPECIAL_PEOPLE: readonly SpecialPerson[] = [HEAVY_REGULAR, ANGRY_INFLUENCER]

const ANGRY_POSTS = [
  '@sonnenschein_dus Unsere Hochzeitstorte für Samstag: vor sechs Wochen bestellt, angezahlt – und heute heißt es am Telefon, die Bestellung gibt es nicht. Ernsthaft?',
  'Dritter Anruf, dritte Person, niemand fühlt sich zuständig. Die Hochzeit ist in vier Tagen. @sonnenschein_dus',
  'Ich werde allen, die mir folgen, erzählen, wie die @sonnenschein_dus mit Brautpaaren umgeht. #Hochzeitstorte #Düsseldorf',
  'Update: Unter meinem Post schreiben andere, dass ihnen das auch passiert ist. @sonnenschein_dus antwortet ihr hier überhaupt irgendwem?',
]

interface ItemSpec {
  turn: number
  direction: 'in' | 'out'
  at: number
  body: string
  authorName?: string
  subject?: string | null
}

function conversationOf(ctx: AccountContext, number: number, customer: IngestIdentity, visibility: 'public' | 'private', specs: ItemSpec[]): IngestItem[] {
  const ids = specs.map((s) => messageId(ctx, ctx.channel, number, s.turn, s.at))
  const conversationId = ids[0] ?? String(number)
  return specs.map((s, i) => ({
    externalId: ids[i] ?? conversationId,
    conversation: { externalId: conversationId, visibility, subject: specs[0]?.subject ?? null },
    direction: s.direction,
    customer,
    authorName: s.authorName,
    subject: s.subject ?? null,
    bodyText: s.body,
    inReplyTo: i > 0 ? (ids[i - 1] ?? null) : null,
    sentAt: s.at,
    raw: ctx.channel === 'x' && s.direction === 'in' ? tweetJson(ids[i] ?? '', conversationId, s.body, { ...customer, handle: customer.handle ?? null, followers: customer.followers ?? null }, s.at) : null,
  }))
}

/** Ingrid's weekly (at scale 40: several daily) breakfast orders: ~250 messages per unit of scale. */
export function* heavyRegularConversations(rng: Rng, ctx: AccountContext, scale: number): Generator<DemoConversation> {
  const total = Math.max(1, Math.round(84 * scale))
  const who = HEAVY_REGULAR.identities[ctx.channel]
  if (!who) return
  for (let i = 0; i < total; i++) {
    const onMessenger = i % 10 === 9
    if (onMessenger !== (ctx.channel === 'facebook')) continue
    const start = Math.round(ctx.now - HISTORY_MS + (HISTORY_MS * (i + 0.5)) / total - rng.int(0, 120) * MINUTE)
    const order = fill('{count} {product} und {count} {product2}', rng, ctx.business, 'de')
    const day = fill('{day}', rng, ctx.business, 'de')
    const body = ctx.channel === 'email'
      ? `Hallo Team,\n\nfür unser Büro-Frühstück am ${day} bitte wieder ${order}. Abholung wie immer um 8:15 Uhr.\n\nViele Grüße\nIngrid Hoffmann\nRheinblick Steuerberatung`
      : `Hallo! Für das Büro-Frühstück am ${day} bitte ${order}. Danke!`
    const specs: ItemSpec[] = [{ turn: 0, direction: 'in', at: start, body, subject: ctx.channel === 'email' ? `Büro-Frühstück ${day}` : null }]
    const replyAt = start + rng.int(20, 180) * MINUTE
    if (replyAt < ctx.now) {
      const reply = shopReply(rng, ctx.business, 'de', 'order', ctx.channel, { displayName: 'Ingrid Hoffmann', handle: null, staff: 'Anna' })
      specs.push({ turn: 1, direction: 'out', at: replyAt, body: reply, subject: ctx.channel === 'email' ? `AW: Büro-Frühstück ${day}` : null, authorName: `Anna · ${ctx.business.name}` })
      const thanksAt = replyAt + rng.int(5, 90) * MINUTE
      if (thanksAt < ctx.now) specs.push({ turn: 2, direction: 'in', at: thanksAt, body: 'Perfekt, danke!', subject: ctx.channel === 'email' ? `AW: Büro-Frühstück ${day}` : null })
    }
    const last = specs[specs.length - 1]
    const recent = last !== undefined && ctx.now - last.at < 7 * 24 * HOUR
    yield {
      items: conversationOf(ctx, SPECIAL_BASE + i, who, 'private', specs),
      status: recent && last?.direction === 'in' ? 'open' : 'done',
      assignee: 'Anna',
      tags: [],
    }
  }
}

/** The stories of workspace `workspaceIndex` on one channel: the angry influencer, a product wish, praise. */
export function* storyConversations(workspaceIndex: number, ctx: AccountContext): Generator<DemoConversation> {
  const { now } = ctx
  if (workspaceIndex === 0 && ctx.channel === 'x') {
    const who = ANGRY_INFLUENCER.identities.x as IngestIdentity
    const thread = ANGRY_POSTS.map((body, turn): ItemSpec => ({ turn, direction: 'in', at: now - (5 * HOUR + 10 * MINUTE) + turn * 70 * MINUTE, body }))
    yield {
      items: conversationOf(ctx, SPECIAL_BASE + 900_001, who, 'public', thread),
      status: 'open',
      assignee: null,
      tags: ['Reklamation'],
      note: 'Demo-Daten, frei erfunden (angelehnt an den Fall Heather Armstrong/Whirlpool): 1,2 Mio. Follower, öffentlich, seit über drei Stunden ohne Antwort.',
    }
    const warning = { turn: 0, direction: 'in' as const, at: now - 3 * HOUR - 25 * MINUTE, body: 'Liebe Leute in Düsseldorf: Bestellt eure Hochzeitstorte lieber woanders. Meine Geschichte mit @sonnenschein_dus im Thread.' }
    yield { items: conversationOf(ctx, SPECIAL_BASE + 900_002, who, 'public', [warning]), status: 'open', assignee: null, tags: ['Reklamation'] }
    const praise: ItemSpec[] = [
      { turn: 0, direction: 'in', at: now - 9 * 24 * HOUR, body: 'Die Kardamomknoten von @sonnenschein_dus sind das Beste, was Düsseldorf gerade zu bieten hat. Hingehen!' },
      { turn: 1, direction: 'out', at: now - 9 * 24 * HOUR + 40 * MINUTE, body: '@duesseldorf_isst Danke, da freut sich die ganze Backstube! ^JO', authorName: `Jonas · ${ctx.business.name}` },
    ]
    yield { items: conversationOf(ctx, SPECIAL_BASE + 900_003, FOOD_BLOG, 'public', praise), status: 'done', assignee: 'Jonas', tags: ['Lob'] }
  }
  if (workspaceIndex === 0 && ctx.channel === 'email') {
    const subject = 'Unsere Hochzeitstorte – Bestellung bestätigen?'
    const order: ItemSpec[] = [
      {
        turn: 0,
        direction: 'in',
        at: now - 12 * 24 * HOUR,
        subject,
        body: 'Guten Tag,\n\nvor gut vier Wochen habe ich bei Ihnen im Laden unsere Hochzeitstorte bestellt (drei Etagen, Himbeere und Vanille) und 150 € angezahlt. Könnten Sie mir die Bestellung bitte kurz schriftlich bestätigen?\n\nViele Grüße\nHelene Armbruster\n-- \nFood-Bloggerin · X: @helene_isst',
      },
      {
        turn: 1,
        direction: 'out',
        at: now - 12 * 24 * HOUR + 3 * HOUR,
        subject: `AW: ${subject}`,
        authorName: `Jonas · ${ctx.business.name}`,
        body: `Hallo Frau Armbruster,\n\nvielen Dank, wir sehen nach und melden uns morgen bei Ihnen.\n\nViele Grüße\nJonas · ${ctx.business.name}`,
      },
    ]
    yield { items: conversationOf(ctx, SPECIAL_BASE + 900_006, HELENE_BY_MAIL, 'private', order), status: 'done', assignee: 'Jonas', tags: [] }
  }
  if (workspaceIndex === 0 && ctx.channel === 'facebook') {
    const wish = { turn: 0, direction: 'in' as const, at: now - 4 * HOUR, body: 'Bitte wieder Dinkelbrötchen ohne Sesam! Seit drei Wochen gibt es nur noch welche mit, und meine Tochter verträgt keinen Sesam.' }
    yield { items: conversationOf(ctx, SPECIAL_BASE + 900_004, DINKEL_FAN, 'public', [wish]), status: 'open', assignee: null, tags: ['Produktidee'] }
  }
  if (workspaceIndex === 2 && ctx.channel === 'x') {
    const idea = { turn: 0, direction: 'in' as const, at: now - 4 * HOUR - 30 * MINUTE, body: '@brightside_yoga any plans for an English-speaking aerial yoga class on weekday evenings? Half our readers in Friedrichshain are asking.' }
    yield { items: conversationOf(ctx, SPECIAL_BASE + 900_005, WELLNESS_WEEKLY, 'public', [idea]), status: 'open', assignee: null, tags: ['Produktidee'] }
  }
}
