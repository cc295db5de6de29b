import type { Channel } from '../../../shared/domain'
import type { Lang } from './phrasebook'
import { createRng, hashSeed, type Rng } from './prng'

/** An invented customer on one channel. Derived from (seed, workspace, pool, index) alone, so nothing is kept in memory. */
export interface DemoPerson {
  displayName: string
  lang: Lang
  externalId: string
  handle: string | null
  followers: number | null
}

const FIRST_DE = [
  'Anna', 'Lukas', 'Marie', 'Jonas', 'Sophie', 'Leon', 'Laura', 'Felix', 'Julia', 'Paul', 'Lena', 'Max', 'Sarah',
  'Tim', 'Katharina', 'Jan', 'Ingrid', 'Ursula', 'Klaus', 'Sabine', 'Mehmet', 'Ayşe', 'Dragan', 'Olga', 'Hannelore',
  'Dieter', 'Birgit', 'Emre', 'Fatma', 'Yusuf', 'Greta', 'Moritz', 'Johanna', 'Till', 'Nele', 'Wolfgang',
]
const LAST_DE = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch',
  'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hartmann', 'Lange',
  'Yılmaz', 'Kaya', 'Nowak', 'Kowalski', 'Petrović', 'Öztürk', 'Jansen', 'Brandt', 'Vogel', 'Kühn', 'Pohl', 'Engel',
]
const FIRST_EN = [
  'Emma', 'Olivia', 'Liam', 'Noah', 'Ava', 'Mia', 'James', 'Lucas', 'Chloe', 'Ethan', 'Grace', 'Henry', 'Priya',
  'Aisha', 'Mateo', 'Sofia', 'Chen', 'Yuki', 'Daniel', 'Zoe', 'Hannah', 'Oscar', 'Ruby', 'Kai', 'Nora', 'Leila',
]
const LAST_EN = [
  'Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', "O'Brien", 'Walker', 'Clarke', 'Patel', 'Khan',
  'Nguyen', 'Garcia', 'Rossi', 'Andersen', 'Kim', 'Murphy', 'Lee', 'Martin', 'Thompson', 'Hughes', 'Silva', 'Cohen',
]
/** Reserved example domains: generated addresses must never reach a real mailbox. */
const MAIL_DOMAINS = ['web.example', 'gmx.example', 'posteo.example', 'mail.example', 'outlook.example', 'icloud.example']

const ascii = (s: string): string =>
  s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '')

/**
 * Followers on public channels are long-tailed: most people have a few hundred, a few have tens of
 * thousands. A Pareto draw (x_min 15, alpha 0.85) gives ~7 % above 500 and ~0.4 % above 10,000.
 */
export function drawFollowers(rng: Rng): number {
  const u = Math.max(rng.next(), 1e-6)
  return Math.min(Math.floor(15 / Math.pow(u, 1 / 0.85)), 400_000)
}

export function personName(rng: Rng, lang: Lang): string {
  const [first, last] = lang === 'de' ? [FIRST_DE, LAST_DE] : [FIRST_EN, LAST_EN]
  return `${rng.pick(first)} ${rng.pick(last)}`
}

/** The channel-specific identity of a named person: an address for email, a handle and id for X/Facebook. */
export function identityFor(rng: Rng, channel: Channel, name: string, serial: number): Omit<DemoPerson, 'lang' | 'displayName'> {
  const [first = 'x', last = 'y'] = name.split(' ').map(ascii)
  if (channel === 'email') {
    // The pool index keeps addresses unique: two invented Anna Müllers must not become one contact.
    const n = serial % 1_000_000
    const local = rng.pick([`${first}.${last}${n}`, `${first[0]}.${last}.${n}`, `${first}${last[0]}${n}`, `${last}.${first}${n}`])
    return { externalId: `${local}@${rng.pick(MAIL_DOMAINS)}`.toLowerCase(), handle: null, followers: null }
  }
  if (channel === 'x') {
    const n = serial % 1_000_000
    const handle = rng.pick([`${first}_${last}${n % 100}`, `${first}${n}`, `${last}${first[0]}${n}`, `${first}_${n}`])
    return { externalId: String(1_400_000_000 + serial * 7919), handle: handle.slice(0, 15), followers: drawFollowers(rng) }
  }
  return { externalId: String(100_004_000_000 + serial * 104_729), handle: null, followers: rng.chance(0.6) ? drawFollowers(rng) : null }
}

/**
 * Person `index` in a workspace's customer pool for one channel. The first `sharedCount` indices are
 * the same people on every channel (same display name), so a later merge feature has real duplicates to find.
 */
export function demoPerson(
  seed: number,
  workspaceIndex: number,
  channel: Channel,
  index: number,
  opts: { mainLang: Lang; otherLangShare: number; sharedCount: number },
): DemoPerson {
  const channelCode = channel === 'email' ? 1 : channel === 'x' ? 2 : 3
  const nameRng = createRng(hashSeed(seed, workspaceIndex, index < opts.sharedCount ? 0 : channelCode, index))
  const otherLang: Lang = opts.mainLang === 'de' ? 'en' : 'de'
  const lang = nameRng.chance(opts.otherLangShare) ? otherLang : opts.mainLang
  const displayName = personName(nameRng, lang)
  const idRng = createRng(hashSeed(seed, workspaceIndex, channelCode, index, 99))
  const serial = workspaceIndex * 10_000_000 + channelCode * 1_000_000 + index
  return { displayName, lang, ...identityFor(idRng, channel, displayName, serial) }
}
