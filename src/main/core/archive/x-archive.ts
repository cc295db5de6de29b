import { z } from 'zod'
import type { IngestIdentity, IngestItem } from '../store/ingest'
import type { ArchiveSource } from './source'
import { reasonOf, type ArchiveMessages, type KnownName, type Quarantined } from './types'

/** Data files of an X archive: `<prefix>data/<name>.js` (older archives: tweet.js; large ones: -part1, -part2…). */
const TWEET_FILE = /^data\/tweets?(?:-part\d+)?\.js$/
const DM_FILE = /^data\/direct-messages(?:-part\d+)?\.js$/

/** Where an archive's data/ folder is: at the top, or inside the one folder the zip was made of. */
export function xArchivePrefix(names: readonly string[]): string | null {
  for (const name of names) {
    const match = /^(.*?)data\/(?:tweets?(?:-part\d+)?|account|direct-messages)\.js$/.exec(name)
    if (match) return match[1] ?? ''
  }
  return null
}

const Mention = z.object({ id_str: z.string(), screen_name: z.string(), name: z.string().optional() })
const Tweet = z.object({
  id_str: z.string().regex(/^\d+$/),
  full_text: z.string().optional(),
  text: z.string().optional(),
  created_at: z.string(),
  in_reply_to_status_id_str: z.string().nullish(),
  in_reply_to_user_id_str: z.string().nullish(),
  in_reply_to_screen_name: z.string().nullish(),
  entities: z.object({ user_mentions: z.array(Mention).optional() }).optional(),
})
type Tweet = z.infer<typeof Tweet>
const DmCreate = z.object({
  id: z.string(),
  senderId: z.string(),
  recipientId: z.string().optional(),
  text: z.string(),
  createdAt: z.string(),
})
const DmConversation = z.object({
  conversationId: z.string(),
  messages: z.array(z.object({ messageCreate: z.unknown().optional() })),
})
const Account = z.object({ accountId: z.string(), username: z.string(), accountDisplayName: z.string().optional() })

/** `window.YTD.tweets.part0 = [ … ]`: the assignment X puts in front of each data file's JSON. */
export function parseYtdFile(bytes: Buffer): unknown[] {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '')
  const match = /^\s*window\.YTD\.\w+\.part\d+\s*=\s*/.exec(text)
  if (!match) throw new Error('not an X archive data file (no "window.YTD.…" assignment)')
  let data: unknown
  try {
    data = JSON.parse(text.slice(match[0].length))
  } catch (error) {
    throw new Error(`not valid JSON after the "window.YTD" assignment (${reasonOf(error)})`)
  }
  if (!Array.isArray(data)) throw new Error('the data is not a list')
  return data
}

/** Tweet text comes HTML-escaped in archives (&amp; &lt; &gt;), as the API once sent it. */
const unescapeTweet = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')

const timeOf = (text: string): number | null => {
  const ms = Date.parse(text)
  return Number.isNaN(ms) ? null : ms
}

/** A wrapped list item's content (`{"tweet": {…}}`), or the item itself where older archives did not wrap it. */
const unwrap = (entry: unknown, key: string): unknown =>
  typeof entry === 'object' && entry !== null && key in entry ? (entry as Record<string, unknown>)[key] : entry

const describeIssues = (error: z.ZodError) =>
  error.issues
    .slice(0, 2)
    .map((i) => `${i.path.join('.') || 'item'}: ${i.message}`)
    .join('; ')

interface Reader {
  source: ArchiveSource
  label: string
  prefix: string
  quarantined: Quarantined[]
}

/** One data file's items, or nothing (and the file quarantined) when it cannot be read. */
async function readDataFile(reader: Reader, name: string): Promise<unknown[]> {
  const bytes = await reader.source.read(name)
  try {
    return parseYtdFile(bytes)
  } catch (error) {
    reader.quarantined.push({ source: `${reader.label}#${name}`, reason: reasonOf(error), raw: bytes })
    return []
  }
}

/** A list item that fails its schema is quarantined alone; the rest of the file is read. */
function validItem<S extends z.ZodType>(reader: Reader, schema: S, value: unknown, where: string): z.infer<S> | null {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  reader.quarantined.push({
    source: `${reader.label}#${where}`,
    reason: `unreadable item: ${describeIssues(parsed.error)}`,
    raw: Buffer.from(JSON.stringify(value) ?? ''),
  })
  return null
}

async function readOwner(reader: Reader): Promise<z.infer<typeof Account> | null> {
  const name = `${reader.prefix}data/account.js`
  if (!reader.source.names.includes(name)) return null
  const [first] = await readDataFile(reader, name)
  return first === undefined ? null : validItem(reader, Account, unwrap(first, 'account'), `${name}#0`)
}

/**
 * Reads an X archive: the shop's own tweets that answer or mention someone (outgoing, public, one
 * conversation per thread) and its direct messages (private, per DM conversation, as the API names
 * them). Retweets and tweets addressed to nobody are skipped; unreadable files and items are quarantined.
 */
export async function readXArchive(
  source: ArchiveSource,
  label: string,
  knownName: KnownName,
): Promise<ArchiveMessages> {
  const prefix = xArchivePrefix(source.names) ?? ''
  const reader: Reader = { source, label, prefix, quarantined: [] }
  const inside = (pattern: RegExp) =>
    source.names.filter((n) => n.startsWith(prefix) && pattern.test(n.slice(prefix.length)))
  const owner = await readOwner(reader)
  const tweets: Tweet[] = []
  for (const name of inside(TWEET_FILE)) {
    const list = await readDataFile(reader, name)
    list.forEach((entry, i) => {
      const tweet = validItem(reader, Tweet, unwrap(entry, 'tweet'), `${name}#${i}`)
      if (tweet) tweets.push(tweet)
    })
  }
  const dms: { conversationId: string; message: z.infer<typeof DmCreate> }[] = []
  for (const name of inside(DM_FILE)) {
    const list = await readDataFile(reader, name)
    list.forEach((entry, i) => {
      const conversation = validItem(reader, DmConversation, unwrap(entry, 'dmConversation'), `${name}#${i}`)
      conversation?.messages.forEach((m, j) => {
        if (m.messageCreate === undefined) return
        const message = validItem(reader, DmCreate, m.messageCreate, `${name}#${i}.${j}`)
        if (message) dms.push({ conversationId: conversation.conversationId, message })
      })
    })
  }
  const ownerId = owner?.accountId ?? mostFrequentParticipant(dms.map((d) => d.conversationId))
  const people = directory(tweets, knownName)
  const shopName = owner?.accountDisplayName ?? (owner ? `@${owner.username}` : 'X archive')
  const tweetItems = tweetsToItems(tweets, ownerId, people, shopName, reader)
  const dmItems = dms.flatMap(
    ({ conversationId, message }) => dmToItem(conversationId, message, ownerId, people, shopName, reader) ?? [],
  )
  return {
    account: {
      channel: 'x',
      handle: `@${owner?.username ?? 'unknown'} (archive)`,
      displayName: 'Imported X archive',
      stateReason: 'Imported from an X archive.',
    },
    items: [...tweetItems.items, ...dmItems],
    quarantined: reader.quarantined,
    skipped: tweetItems.skipped,
  }
}

/** Without account.js, the owner is whoever takes part in every DM conversation ("<id>-<id>"). */
function mostFrequentParticipant(conversationIds: readonly string[]): string {
  const counts = new Map<string, number>()
  for (const id of conversationIds) for (const part of id.split('-')) counts.set(part, (counts.get(part) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ''
}

type People = (id: string, screenName?: string | null) => IngestIdentity

/** Names and handles as the tweets' mentions give them; a person already known keeps their name. */
function directory(tweets: readonly Tweet[], knownName: KnownName): People {
  const byId = new Map<string, { screen_name: string; name?: string | undefined }>()
  for (const t of tweets) for (const m of t.entities?.user_mentions ?? []) byId.set(m.id_str, m)
  return (id, screenName) => {
    const mention = byId.get(id)
    const handle = mention?.screen_name ?? screenName ?? null
    const displayName = knownName(id) ?? mention?.name ?? (handle ? `@${handle}` : `X user ${id}`)
    return { externalId: id, handle: handle ? `@${handle}` : null, displayName }
  }
}

function tweetsToItems(tweets: readonly Tweet[], ownerId: string, people: People, shopName: string, reader: Reader) {
  const parentOf = new Map(tweets.map((t) => [t.id_str, t.in_reply_to_status_id_str ?? null]))
  /** The thread a reply belongs to: up our own chain of replies to the post that started it. */
  const threadOf = (tweet: Tweet): string => {
    let id = tweet.id_str
    for (let parent = parentOf.get(id); parent; parent = parentOf.get(id)) {
      if (!parentOf.has(parent)) return parent
      id = parent
    }
    return id
  }
  let skipped = 0
  const items: IngestItem[] = []
  for (const tweet of tweets) {
    const text = unescapeTweet(tweet.full_text ?? tweet.text ?? '')
    const mentioned = (tweet.entities?.user_mentions ?? []).find((m) => m.id_str !== ownerId)
    const repliedTo =
      tweet.in_reply_to_user_id_str && tweet.in_reply_to_user_id_str !== ownerId ? tweet.in_reply_to_user_id_str : null
    const customerId = repliedTo ?? mentioned?.id_str ?? null
    if (text.startsWith('RT @') || customerId === null) {
      skipped++
      continue
    }
    const sentAt = timeOf(tweet.created_at)
    if (sentAt === null) {
      reader.quarantined.push({
        source: `${reader.label}#tweet:${tweet.id_str}`,
        reason: `unreadable date "${tweet.created_at}"`,
        raw: Buffer.from(JSON.stringify(tweet)),
      })
      continue
    }
    items.push({
      externalId: tweet.id_str,
      conversation: { externalId: threadOf(tweet), visibility: 'public' },
      direction: 'out',
      customer: people(customerId, repliedTo ? tweet.in_reply_to_screen_name : null),
      authorName: shopName,
      bodyText: text,
      inReplyTo: tweet.in_reply_to_status_id_str ?? null,
      sentAt,
      raw: JSON.stringify({ tweet }),
    })
  }
  return { items, skipped }
}

function dmToItem(
  conversationId: string,
  message: z.infer<typeof DmCreate>,
  ownerId: string,
  people: People,
  shopName: string,
  reader: Reader,
): IngestItem | null {
  const sentAt = timeOf(message.createdAt)
  if (sentAt === null) {
    reader.quarantined.push({
      source: `${reader.label}#dm:${message.id}`,
      reason: `unreadable date "${message.createdAt}"`,
      raw: Buffer.from(JSON.stringify(message)),
    })
    return null
  }
  const outgoing = message.senderId === ownerId
  const customerId = outgoing
    ? (message.recipientId ?? conversationId.split('-').find((id) => id !== ownerId) ?? '')
    : message.senderId
  return {
    externalId: message.id,
    conversation: { externalId: conversationId, visibility: 'private' },
    direction: outgoing ? 'out' : 'in',
    customer: people(customerId),
    ...(outgoing ? { authorName: shopName } : {}),
    bodyText: message.text,
    sentAt,
    raw: JSON.stringify({ messageCreate: message }),
  }
}
