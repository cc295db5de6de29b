import type { Channel, ConversationStatus, Direction, Visibility } from '../../../shared/domain'
import type { IngestIdentity, IngestItem } from '../store/ingest'
import { customerFollowUp, customerOpening, shopReply, shopThanksBack } from './compose'
import type { DemoPerson } from './people'
import { TOPIC_TAGS, TOPIC_WEIGHTS, TOPICS, type Business, type Topic } from './phrasebook'
import type { Rng } from './prng'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
/** The demo reaches back about 18 months. */
export const HISTORY_MS = 548 * DAY

/** One conversation, ready to ingest, plus what a person in the shop did with it afterwards. */
export interface DemoConversation {
  items: IngestItem[]
  status: ConversationStatus
  assignee: string | null
  tags: string[]
  note?: string
}

export interface AccountContext {
  accountIndex: number
  channel: Channel
  shopHandle: string
  business: Business
  now: number
}

interface Turn {
  direction: Direction
  at: number
  kind: 'opening' | 'reply' | 'followUp' | 'thanks'
}

/** Ids as each provider shapes them: Message-IDs for mail, snowflakes for X, page-scoped ids for Facebook. */
export function messageId(ctx: AccountContext, channel: Channel, conversation: number, turn: number, at: number): string {
  if (channel === 'email') return `<c${conversation}.${turn}.a${ctx.accountIndex}@mail.${ctx.business.shortName.toLowerCase()}.example>`
  const serial = BigInt((conversation * 8 + turn) % 4_194_304)
  if (channel === 'x') return String(((BigInt(at) - 1_288_834_974_657n) << 22n) + serial)
  return `${ctx.accountIndex}_${conversation}_${turn}`
}

/** Demo time is denser near `now`: the inbox looks lived-in, the archive goes back a year and a half. */
export function conversationStart(rng: Rng, now: number): number {
  return Math.round(now - HISTORY_MS * Math.pow(rng.next(), 1.6) - rng.int(5, 90) * MINUTE)
}

/** Who speaks when. Turns that would lie in the future are dropped, so recent threads stay unanswered. */
function planTurns(rng: Rng, channel: Channel, start: number, now: number): Turn[] {
  const turns: Turn[] = [{ direction: 'in', at: start, kind: 'opening' }]
  const replyGap = () => (channel === 'email' ? rng.int(15, 20 * 60) : rng.int(4, 8 * 60)) * MINUTE
  let at = start
  const push = (turn: Omit<Turn, 'at'>, gap: number): boolean => {
    at += gap
    if (at >= now) return false
    turns.push({ ...turn, at })
    return true
  }
  if (!rng.chance(0.88)) return turns
  if (!push({ direction: 'out', kind: 'reply' }, replyGap())) return turns
  const rounds = channel === 'email' || rng.chance(0.5) ? 1 + (rng.chance(0.3) ? 1 : 0) : 0
  for (let round = 0; round < rounds; round++) {
    if (!rng.chance(0.55)) break
    if (!push({ direction: 'in', kind: 'followUp' }, rng.int(10, 24 * 60) * MINUTE)) break
    if (rng.chance(0.45) && !push({ direction: 'out', kind: 'thanks' }, replyGap())) break
  }
  return turns
}

/** What the shop did with a conversation: old ones are closed, answered ones wait on the customer. */
export function decideStatus(rng: Rng, lastAt: number, lastDirection: Direction, now: number): ConversationStatus {
  if (now - lastAt > 21 * DAY) return rng.chance(0.97) ? 'done' : 'open'
  if (lastDirection === 'in') return 'open'
  return rng.chance(0.4) ? 'pending' : 'done'
}

export function buildConversation(rng: Rng, ctx: AccountContext, conversation: number, person: DemoPerson): DemoConversation {
  const { channel, business } = ctx
  const topic: Topic = rng.weighted(TOPICS, TOPIC_WEIGHTS)
  const visibility: Visibility =
    channel === 'email' ? 'private' : rng.chance(channel === 'x' ? 0.1 : 0.42) ? 'private' : 'public'
  const turns = planTurns(rng, channel, conversationStart(rng, ctx.now), ctx.now)
  const staff = rng.pick(business.staff)
  const customer: IngestIdentity = { externalId: person.externalId, handle: person.handle, displayName: person.displayName, followers: person.followers }
  const opening = customerOpening(rng, business, person.lang, topic, channel, { displayName: person.displayName, shopHandle: ctx.shopHandle })
  const subject = channel === 'email' ? opening.subject : null
  const conversationId = messageId(ctx, channel, conversation, 0, turns[0]?.at ?? ctx.now)
  let previous: string | null = null
  const items = turns.map((turn, index): IngestItem => {
    const externalId = index === 0 ? conversationId : messageId(ctx, channel, conversation, index, turn.at)
    const body = turnText(rng, ctx, turn, { topic, person, staff, opening: opening.body })
    const item: IngestItem = {
      externalId,
      conversation: { externalId: conversationId, visibility, subject },
      direction: turn.direction,
      customer,
      authorName: turn.direction === 'out' ? `${staff} · ${business.name}` : person.displayName,
      subject: subject === null ? null : index === 0 ? subject : `${person.lang === 'de' ? 'AW' : 'Re'}: ${subject}`,
      bodyText: body,
      inReplyTo: previous,
      sentAt: turn.at,
      raw: channel === 'x' && turn.direction === 'in' && conversation % 4 === 0 ? tweetJson(externalId, conversationId, body, person, turn.at) : null,
    }
    previous = externalId
    return item
  })
  return { items, ...afterwards(rng, turns, topic, business, ctx.now) }
}

function turnText(rng: Rng, ctx: AccountContext, turn: Turn, c: { topic: Topic; person: DemoPerson; staff: string; opening: string }): string {
  const { business, channel } = ctx
  const to = { displayName: c.person.displayName, handle: c.person.handle, staff: c.staff }
  switch (turn.kind) {
    case 'opening':
      return c.opening
    case 'reply':
      return shopReply(rng, business, c.person.lang, c.topic, channel, to)
    case 'followUp':
      return customerFollowUp(rng, business, c.person.lang, channel, ctx.shopHandle)
    case 'thanks':
      return shopThanksBack(rng, c.person.lang, channel, c.person.handle, c.staff)
  }
}

function afterwards(rng: Rng, turns: Turn[], topic: Topic, business: Business, now: number): Omit<DemoConversation, 'items'> {
  const last = turns[turns.length - 1] ?? { at: now, direction: 'in' as const }
  const status = decideStatus(rng, last.at, last.direction, now)
  const assignChance = status === 'done' ? 0.15 : 0.35
  const assignee = rng.chance(assignChance) ? rng.pick(['Anna', 'Jonas'].filter((n) => business.staff.includes(n))) : null
  const tag = TOPIC_TAGS[topic]
  return { status, assignee, tags: tag && rng.chance(0.5) ? [tag] : [] }
}

/**
 * A fraction of X posts keep an X API v2-shaped payload, as a real sync would store it. A Buffer, not a
 * string: messages.raw is a STRICT BLOB column and refuses TEXT.
 */
export function tweetJson(id: string, conversationId: string, text: string, person: Pick<DemoPerson, 'externalId' | 'handle' | 'displayName' | 'followers'>, at: number): Buffer {
  const payload = JSON.stringify({
    data: { id, text, author_id: person.externalId, conversation_id: conversationId, created_at: new Date(at).toISOString() },
    includes: {
      users: [{ id: person.externalId, username: person.handle, name: person.displayName, public_metrics: { followers_count: person.followers ?? 0 } }],
    },
  })
  return Buffer.from(payload, 'utf8')
}
