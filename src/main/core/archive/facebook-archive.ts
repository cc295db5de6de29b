import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { IngestItem } from '../store/ingest'
import type { ArchiveSource } from './source'
import { reasonOf, type ArchiveMessages, type Quarantined } from './types'

/** `…/messages/inbox/<thread>/message_1.json` (and archived threads), wherever the export nests them. */
const MESSAGE_FILE = /(?:^|\/)messages\/(?:inbox|archived_threads)\/([^/]+)\/message_\d+\.json$/
const PROFILE_FILE = /(?:^|\/)profile_information\/profile_information\.json$/

export const isFacebookExport = (names: readonly string[]): boolean => names.some((n) => MESSAGE_FILE.test(n))

/**
 * Facebook writes its exports' text as UTF-8 bytes escaped one by one as \u00XX ("MÃ¼ller" for
 * "Müller"). Strings made only of such code units are re-read as the UTF-8 they are; anything else
 * (already proper text, or bytes that are not UTF-8) is left as it is.
 */
export function fixMojibake(text: string): string {
  if (!/[\u0080-\u00ff]/.test(text)) return text
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return text
  const decoded = Buffer.from(text, 'latin1')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(decoded)
  } catch {
    return text
  }
}

/** Every string in a parsed export, repaired. */
function fixAll(value: unknown): unknown {
  if (typeof value === 'string') return fixMojibake(value)
  if (Array.isArray(value)) return value.map(fixAll)
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fixAll(v)]))
  return value
}

const FbMessage = z.object({
  sender_name: z.string(),
  timestamp_ms: z.number().int().positive(),
  content: z.string().optional(),
  share: z.object({ link: z.string().optional() }).optional(),
  is_unsent: z.boolean().optional(),
})
const FbThread = z.object({
  participants: z.array(z.object({ name: z.string() })).min(1),
  messages: z.array(z.unknown()),
  title: z.string().optional(),
  thread_path: z.string().optional(),
})
type FbThread = z.infer<typeof FbThread>
const Profile = z.object({ profile_v2: z.object({ name: z.object({ full_name: z.string() }) }) })

interface ThreadFile {
  name: string
  thread: string
  data: FbThread
}

async function readJson(
  source: ArchiveSource,
  name: string,
): Promise<{ value: unknown } | { reason: string; raw: Buffer }> {
  const raw = await source.read(name)
  try {
    return { value: fixAll(JSON.parse(raw.toString('utf8'))) }
  } catch (error) {
    return { reason: `not valid JSON (${reasonOf(error)})`, raw }
  }
}

/**
 * The export's owner (the Page or the person who downloaded it): the profile's name when the export
 * has it, else whoever takes part in every thread, else the last participant listed (Facebook lists
 * the owner last).
 */
async function ownerOf(source: ArchiveSource, threads: readonly ThreadFile[]): Promise<string> {
  const profileFile = source.names.find((n) => PROFILE_FILE.test(n))
  if (profileFile) {
    const read = await readJson(source, profileFile)
    const profile = 'value' in read ? Profile.safeParse(read.value) : null
    if (profile?.success) return profile.data.profile_v2.name.full_name
  }
  const names = threads.map((t) => new Set(t.data.participants.map((p) => p.name)))
  const inEvery = threads.length > 1 ? [...(names[0] ?? [])].filter((n) => names.every((set) => set.has(n))) : []
  if (inEvery.length === 1 && inEvery[0]) return inEvery[0]
  return threads[0]?.data.participants.at(-1)?.name ?? ''
}

/**
 * Reads a Facebook Page or Messenger "download your information" export (JSON): one private
 * conversation per thread folder. Messages carry no ids, so each is keyed by a hash of its thread,
 * time, sender and text: a second import of the same export adds nothing.
 */
export async function readFacebookArchive(source: ArchiveSource, label: string): Promise<ArchiveMessages> {
  const quarantined: Quarantined[] = []
  const threads: ThreadFile[] = []
  for (const name of source.names) {
    const thread = MESSAGE_FILE.exec(name)?.[1]
    if (!thread) continue
    const read = await readJson(source, name)
    if ('reason' in read) {
      quarantined.push({ source: `${label}#${name}`, reason: read.reason, raw: read.raw })
      continue
    }
    const parsed = FbThread.safeParse(read.value)
    if (parsed.success) threads.push({ name, thread, data: parsed.data })
    else
      quarantined.push({
        source: `${label}#${name}`,
        reason: 'not a Messenger thread (no participants or messages)',
        raw: Buffer.from(JSON.stringify(read.value)),
      })
  }
  const owner = await ownerOf(source, threads)
  let skipped = 0
  const items: IngestItem[] = []
  for (const file of threads) {
    const customers = file.data.participants.map((p) => p.name).filter((n) => n !== owner)
    file.data.messages.forEach((value, i) => {
      const message = FbMessage.safeParse(value)
      if (!message.success) {
        quarantined.push({
          source: `${label}#${file.name}#${i}`,
          reason: 'unreadable message (no sender or time)',
          raw: Buffer.from(JSON.stringify(value) ?? ''),
        })
        return
      }
      const item = messageItem(file, message.data, owner, customers)
      if (item) items.push(item)
      else skipped++
    })
  }
  return {
    account: {
      channel: 'facebook',
      handle: `${owner || 'unknown'} (archive)`,
      displayName: 'Imported Facebook export',
      stateReason: 'Imported from a Facebook export.',
    },
    items,
    quarantined,
    skipped,
  }
}

/** A message as an item, or null for one with nothing to read (unsent, a photo or sticker alone). */
function messageItem(
  file: ThreadFile,
  m: z.infer<typeof FbMessage>,
  owner: string,
  customers: readonly string[],
): IngestItem | null {
  const text = m.content ?? m.share?.link ?? ''
  if (m.is_unsent || !text.trim()) return null
  const outgoing = m.sender_name === owner
  const customer = outgoing ? (customers[0] ?? m.sender_name) : m.sender_name
  const conversation = `archive:${file.data.thread_path ?? file.thread}`
  const key = createHash('sha256')
    .update(`${conversation}\u0000${m.timestamp_ms}\u0000${m.sender_name}\u0000${text}`)
    .digest('hex')
  return {
    externalId: `archive:${key.slice(0, 40)}`,
    conversation: { externalId: conversation, visibility: 'private' },
    direction: outgoing ? 'out' : 'in',
    customer: { externalId: `name:${customer}`, displayName: customer },
    authorName: m.sender_name,
    bodyText: text,
    sentAt: m.timestamp_ms,
    raw: JSON.stringify(m),
  }
}
