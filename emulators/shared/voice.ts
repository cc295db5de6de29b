import { pick } from './http'

/**
 * The demo's cast and voice: customers of "Bäckerei Sonnenschein" in Düsseldorf writing in German
 * and English. One of them (Lena Krüger, 184k followers) is very angry; the scenario makes sure she appears.
 */
export interface Persona {
  name: string
  username: string
  followers: number
}

export const SHOP = { name: 'Bäckerei Sonnenschein', username: 'sonnenschein_dus' }

export const ANGRY_INFLUENCER: Persona = { name: 'Lena Krüger', username: 'lenakocht', followers: 184_300 }

const FIRST = ['Anna', 'Jonas', 'Mehmet', 'Sophie', 'Lukas', 'Emma', 'Paul', 'Marie', 'Ben', 'Clara', 'Tom', 'Aylin', 'Sarah', 'James']
const LAST = ['Schmidt', 'Müller', 'Yılmaz', 'Weber', 'Becker', 'Hoffmann', 'Schäfer', 'Koch', 'Richter', 'Brown', 'Wagner']

export function persona(random: () => number, index: number): Persona {
  const first = pick(random, FIRST)
  const last = pick(random, LAST)
  const followers = Math.floor(random() ** 3 * 4000)
  return { name: `${first} ${last}`, username: `${first}${last}${index}`.toLowerCase().replace(/[^a-z0-9]/g, ''), followers }
}

const COMPLAINTS = [
  'Heute morgen waren die Brötchen schon um 8 Uhr aus. Schon wieder! 😤',
  'Die Vorbestellung für die Geburtstagstorte ist verschwunden, niemand ruft zurück.',
  'Waited 25 minutes at the Königsallee shop this morning. Not okay.',
  'Im Roggenbrot war ein Stück Plastik. Bitte meldet euch.',
  'Your card terminal has been broken for a week, cash only is annoying.',
]
const PRAISE = [
  'Die Zimtschnecken sind die besten in ganz Düsseldorf! ☀️',
  'Danke für die nette Beratung heute, die Verkäuferin war super freundlich.',
  'Best sourdough in town, hands down.',
  'Eure neue Dinkel-Brezel ist der Hammer!',
]
const QUESTIONS = [
  'Habt ihr am Sonntag geöffnet?',
  'Do you have gluten-free bread on Saturdays?',
  'Kann man bei euch auch Catering für 40 Personen bestellen?',
  'Gibt es die Kürbiskernbrötchen auch in der Filiale Bilk?',
]
const ANGRY = [
  'Ich habe 3 Torten für die Hochzeit meiner Schwester bestellt. KEINE wurde geliefert. Unfassbar, @sonnenschein_dus.',
  '@sonnenschein_dus still no answer after 2 days? My followers will hear about this.',
]

export function customerText(random: () => number): string {
  const roll = random()
  if (roll < 0.4) return pick(random, COMPLAINTS)
  if (roll < 0.75) return pick(random, PRAISE)
  return pick(random, QUESTIONS)
}

export const angryText = (random: () => number): string => pick(random, ANGRY)

export const PAGE_POSTS = [
  'Neu ab Montag: Kürbiskernbrötchen aus dem Steinofen! 🎃',
  'Wir suchen Verstärkung für die Filiale Bilk (m/w/d).',
  'Ostern: Bestellt eure Hefezöpfe bis Donnerstag vor.',
  'Weekend special: cinnamon rolls 2 for 3 €.',
  'Unsere Filiale Königsallee ist wegen Umbau am Mittwoch geschlossen.',
  'Danke für 10.000 Follower! ☀️',
]
