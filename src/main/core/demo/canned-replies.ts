import type { ReplyLanguage } from '../../../shared/commands/composer'
import type { Db } from '../store/db'
import { createCannedReply } from '../store/repos/canned'
import type { Business } from './phrasebook'

interface DemoCannedReply {
  title: string
  /** {shop} is the business's short name, filled in here; {{…}} variables are filled in when used. */
  body: string
}

/** Short enough for a reply on X once the variables are filled in. */
const REPLIES: Record<ReplyLanguage, readonly DemoCannedReply[]> = {
  de: [
    {
      title: 'Danke für das Lob',
      body: 'Hallo {{contact.firstName}}, vielen Dank für die lieben Worte! Das freut das ganze Team von {shop}. Herzliche Grüße, {{agent.name}}',
    },
    {
      title: 'Entschuldigung',
      body: 'Hallo {{contact.firstName}}, das tut uns wirklich leid. Schicken Sie uns bitte Ihre Bestellnummer als Direktnachricht, dann kümmern wir uns sofort darum. Viele Grüße, {{agent.name}}',
    },
    {
      title: 'Abholbereit',
      body: 'Hallo {{contact.firstName}}, Ihre Bestellung liegt ab sofort bei {shop} für Sie bereit. Bis gleich! {{agent.name}}',
    },
    {
      title: 'Wir melden uns',
      body: 'Hallo {{contact.name}}, danke für Ihre Nachricht! Wir klären das und melden uns bis morgen bei Ihnen. Viele Grüße, {{agent.name}}',
    },
  ],
  en: [
    {
      title: 'Thanks for the kind words',
      body: 'Hi {{contact.firstName}}, thank you so much for the kind words! The whole {shop} team is delighted. Warm regards, {{agent.name}}',
    },
    {
      title: 'Apology',
      body: 'Hi {{contact.firstName}}, we are really sorry about this. Please send us your order number in a direct message and we will sort it out right away. Best, {{agent.name}}',
    },
    {
      title: 'Ready for pickup',
      body: 'Hi {{contact.firstName}}, your order is ready for you at {shop}. See you soon! {{agent.name}}',
    },
    {
      title: 'We will get back to you',
      body: 'Hi {{contact.name}}, thanks for your message! We are looking into it and will get back to you by tomorrow. Best, {{agent.name}}',
    },
  ],
}

/** A demo workspace's canned replies, in German and English, so the composer's picker has something to show. */
export function addDemoCannedReplies(db: Db, workspaceId: number, business: Business, now: number): void {
  for (const [language, replies] of Object.entries(REPLIES) as [ReplyLanguage, readonly DemoCannedReply[]][]) {
    for (const reply of replies) {
      createCannedReply(
        db,
        workspaceId,
        { language, title: reply.title, body: reply.body.replaceAll('{shop}', business.shortName) },
        now,
      )
    }
  }
}
