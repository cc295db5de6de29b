/** The shapes the demo's text banks share, and the pieces every business uses alike. */
export type Lang = 'de' | 'en'
export type Topic = 'order' | 'hours' | 'complaint' | 'praise' | 'idea' | 'delivery'
export const TOPICS: readonly Topic[] = ['order', 'hours', 'complaint', 'praise', 'idea', 'delivery']
/** How often each topic comes up: most mail is about orders and opening hours, few are complaints. */
export const TOPIC_WEIGHTS: readonly number[] = [38, 18, 12, 14, 8, 10]

/** The tag a shop would give a conversation on this topic (German, as the shops use it). */
export const TOPIC_TAGS: Partial<Record<Topic, string>> = {
  complaint: 'Reklamation',
  praise: 'Lob',
  idea: 'Produktidee',
  delivery: 'Lieferung',
}

/**
 * Templates use slots: {product} {product2} {day} {time} {order} {count} {staff} {shop}.
 * Products are listed common first; the composer draws them Zipf-weighted, so rare product names
 * stay rare in the full-text index, as they would in a real shop's mail.
 */
export interface Phrasebook {
  subjects: Record<Topic, readonly string[]>
  /** One opening sentence per template; short enough for a post on X. */
  openers: Record<Topic, readonly string[]>
  /** Optional second sentences that make an email or a DM longer. */
  details: Record<Topic, readonly string[]>
  replies: Record<Topic, readonly string[]>
  /** What a customer writes after our answer. */
  followUps: readonly string[]
  products: readonly string[]
}

export interface Business {
  /** Workspace name without the demo label. */
  name: string
  shortName: string
  mainLang: Lang
  /** Share of customers writing in the other language. */
  otherLangShare: number
  staff: readonly string[]
  books: Record<Lang, Phrasebook>
}

export const GREETINGS: Record<Lang, readonly string[]> = {
  de: ['Hallo,', 'Guten Tag,', 'Hallo zusammen,', 'Liebes Team,', 'Moin,', 'Sehr geehrte Damen und Herren,'],
  en: ['Hi,', 'Hello,', 'Hi there,', 'Dear team,', 'Hey,'],
}
export const SIGNOFFS: Record<Lang, readonly string[]> = {
  de: ['Viele Grüße', 'Liebe Grüße', 'Danke und viele Grüße', 'Beste Grüße', 'Mit freundlichen Grüßen'],
  en: ['Best,', 'Thanks,', 'Cheers,', 'Kind regards,', 'Thank you!'],
}
export const REPLY_SIGNOFFS: Record<Lang, readonly string[]> = {
  de: ['Herzliche Grüße', 'Viele Grüße', 'Bis bald'],
  en: ['Warm regards,', 'Best wishes,', 'See you soon,'],
}
export const DAYS: Record<Lang, readonly string[]> = {
  de: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
}
export const TIMES: readonly string[] = ['7:30', '8:00', '9:15', '10:00', '11:30', '12:00', '14:00', '16:30', '17:45', '18:00']
