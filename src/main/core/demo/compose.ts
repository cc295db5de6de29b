import type { Channel } from '../../../shared/domain'
import { DAYS, GREETINGS, REPLY_SIGNOFFS, SIGNOFFS, TIMES, type Business, type Lang, type Phrasebook, type Topic } from './phrasebook'
import { zipfWeights, type Rng } from './prng'

/** X allows 280 characters; the composer never writes a longer post. */
export const X_LIMIT = 280

const weightCache = new Map<readonly string[], number[]>()
const productWeights = (products: readonly string[]): number[] => {
  let weights = weightCache.get(products)
  if (!weights) {
    // s = 1.1 keeps the first products in many messages and the last ones in very few.
    weights = zipfWeights(products.length, 1.1)
    weightCache.set(products, weights)
  }
  return weights
}

/** Fills a template's slots; each slot draws afresh, so two {product}s in one text may differ. */
export function fill(template: string, rng: Rng, business: Business, lang: Lang): string {
  const book = business.books[lang]
  const product = () => rng.weighted(book.products, productWeights(book.products))
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'product':
      case 'product2':
        return product()
      case 'day':
        return rng.pick(DAYS[lang])
      case 'time':
        return rng.pick(TIMES)
      case 'order':
        return `#${rng.int(10_000, 99_999)}`
      case 'count':
        return String(rng.pick([2, 4, 6, 10, 12, 20]))
      case 'staff':
        return rng.pick(business.staff)
      case 'shop':
        return business.name
      default:
        return slot
    }
  })
}

const firstName = (displayName: string): string => displayName.split(' ')[0] ?? displayName

export interface CustomerText {
  subject: string
  body: string
}

/** What a customer writes to open a conversation: a mail with greeting and sign-off, or a short post. */
export function customerOpening(
  rng: Rng,
  business: Business,
  lang: Lang,
  topic: Topic,
  channel: Channel,
  author: { displayName: string; shopHandle: string },
): CustomerText {
  const book: Phrasebook = business.books[lang]
  const subject = fill(rng.pick(book.subjects[topic]), rng, business, lang)
  const opener = fill(rng.pick(book.openers[topic]), rng, business, lang)
  if (channel === 'x') return { subject, body: clampPost(`@${author.shopHandle} ${opener}`) }
  const detail = rng.chance(0.55) ? ` ${fill(rng.pick(book.details[topic]), rng, business, lang)}` : ''
  if (channel === 'facebook') return { subject, body: `${opener}${detail}` }
  const body = `${rng.pick(GREETINGS[lang])}\n\n${opener}${detail}\n\n${rng.pick(SIGNOFFS[lang])}\n${firstName(author.displayName)}`
  return { subject, body }
}

/** The shop's answer, signed by a person: on X with Twelpforce-style initials, in mail with a full sign-off. */
export function shopReply(
  rng: Rng,
  business: Business,
  lang: Lang,
  topic: Topic,
  channel: Channel,
  to: { displayName: string; handle: string | null; staff: string },
): string {
  const text = fill(rng.pick(business.books[lang].replies[topic]), rng, business, lang)
  if (channel === 'x') return clampPost(`@${to.handle ?? 'kunde'} ${text} ^${to.staff.slice(0, 2).toUpperCase()}`)
  if (channel === 'facebook') return `${to.displayName} ${text} – ${to.staff}`
  const hello = lang === 'de' ? `Hallo ${firstName(to.displayName)},` : `Hi ${firstName(to.displayName)},`
  return `${hello}\n\n${text}\n\n${rng.pick(REPLY_SIGNOFFS[lang])}\n${to.staff} · ${business.name}`
}

const THANKS_BACK: Record<Lang, readonly string[]> = {
  de: ['Gern geschehen!', 'Sehr gerne, bis bald!', 'Danke Ihnen!'],
  en: ["You're welcome!", 'Anytime, see you soon!'],
}

/** Our last word after the customer's thanks. */
export function shopThanksBack(rng: Rng, lang: Lang, channel: Channel, handle: string | null, staff: string): string {
  const text = rng.pick(THANKS_BACK[lang])
  return channel === 'x' ? `@${handle ?? 'kunde'} ${text} ^${staff.slice(0, 2).toUpperCase()}` : `${text} – ${staff}`
}

export function customerFollowUp(rng: Rng, business: Business, lang: Lang, channel: Channel, shopHandle: string): string {
  const text = fill(rng.pick(business.books[lang].followUps), rng, business, lang)
  return channel === 'x' ? clampPost(`@${shopHandle} ${text}`) : text
}

export function clampPost(text: string): string {
  return text.length <= X_LIMIT ? text : `${text.slice(0, X_LIMIT - 1)}…`
}
