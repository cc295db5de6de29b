/**
 * Normal forms of what identifies a person, so that two spellings of one address, number, handle or
 * name become one key. Each returns null for input too vague to identify anyone.
 */

const EMAIL = /^[^\s@<>()[\],;:"]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/
/** Providers that ignore dots in the local part and deliver "name+tag@" to "name@". */
const DOTLESS_DOMAINS = new Set(['gmail.com', 'googlemail.com'])

export function normalizeEmail(raw: string): string | null {
  const address = raw
    .trim()
    .toLowerCase()
    .replace(/^mailto:/, '')
  if (!EMAIL.test(address)) return null
  const at = address.lastIndexOf('@')
  const domain = address.slice(at + 1)
  const local = address.slice(0, at).split('+')[0] ?? ''
  if (!local) return null
  if (DOTLESS_DOMAINS.has(domain)) return `${local.replaceAll('.', '')}@gmail.com`
  return `${local}@${domain}`
}

/**
 * The last eight digits: long enough to tell a shop's customers apart, short enough that "+49 211 123456",
 * "0049 (0)211 123456" and "0211 123456" (country code, trunk zero or neither) agree.
 */
export const PHONE_DIGITS = 8

export function normalizePhone(raw: string): string | null {
  const digits = raw.replace(/\(0\)/g, '').replace(/\D/g, '')
  if (digits.length < PHONE_DIGITS || digits.length > 15) return null
  return digits.slice(-PHONE_DIGITS)
}

const HANDLE = /^[a-z0-9_.]{2,30}$/

/** An X or Facebook user name as typed with or without its "@". */
export function normalizeHandle(raw: string): string | null {
  const handle = raw.trim().toLowerCase().replace(/^@/, '')
  return HANDLE.test(handle) ? handle : null
}

/** Accents off ("é" → "e"); plain ASCII, most of what is read, skips the costly Unicode normalisation. */
const stripMarks = (s: string): string =>
  // eslint-disable-next-line no-control-regex -- the ASCII range is the point
  /[^\x00-\x7f]/.test(s) ? s.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : s

/**
 * A person's name, order-independent ("Schmidt, Anna" = "Anna Schmidt") and spelling-tolerant for
 * umlauts ("Müller" = "Mueller" = "Muller"). Single words ("Anna", "Bäckerei") say too little.
 */
export function normalizeName(raw: string): string | null {
  const words = stripMarks(raw.toLowerCase().replaceAll('ß', 'ss'))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0)
    // Applied to both sides of every comparison, so folding "ue" into "u" only ever joins spellings.
    .map((w) => w.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u'))
  if (words.length < 2) return null
  return words.sort().join(' ')
}

/** Local parts that name a role, not a person. */
const ROLE_NAMES = new Set([
  'info',
  'kontakt',
  'contact',
  'hello',
  'hallo',
  'mail',
  'email',
  'office',
  'buero',
  'post',
  'service',
  'team',
  'support',
  'noreply',
  'admin',
  'shop',
  'sales',
  'verkauf',
  'bestellung',
  'orders',
  'newsletter',
])

/**
 * The user name someone reuses across services, stripped of separators: "anna_mueller84" on X and
 * "anna.mueller84@…" in mail are both "annamueller84". Role addresses and short names are not names.
 */
export function userNameStem(raw: string): string | null {
  const local = raw.trim().toLowerCase().replace(/^@/, '').split('@')[0]?.split('+')[0] ?? ''
  const stem = stripMarks(local).replace(/[^a-z0-9]/g, '')
  if (stem.length < 5 || !/[a-z]/.test(stem) || ROLE_NAMES.has(stem)) return null
  return stem
}
