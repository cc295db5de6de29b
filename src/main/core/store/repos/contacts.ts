import type { Channel, ContactDetail, Direction, Identity, Page, TimelineItem } from '../../../../shared/domain'
import { notFound } from '../../../../shared/errors'
import type { Db } from '../db'
import { decodeKeyset, pageOf } from './cursor'

interface ContactRow {
  id: number
  workspace_id: number
  display_name: string
  vip: number
  created_at: number
  reach: number
}

interface IdentityRow {
  id: number
  contact_id: number
  channel: Channel
  external_id: string
  handle: string | null
  display_name: string | null
  followers: number | null
}

/** A contact together with the contacts merged into it: their histories are one timeline. */
export function contactFamily(db: Db, contactId: number): number[] {
  const rows = db
    .prepare(
      `WITH RECURSIVE family(id) AS (
         SELECT @contactId UNION SELECT c.id FROM contacts c JOIN family f ON c.merged_into_id = f.id
       ) SELECT id FROM family`,
    )
    .all({ contactId }) as { id: number }[]
  return rows.map((r) => r.id)
}

/** The contact a merged contact is now part of (the top of its chain); a contact never merged is its own. */
export function rootContact(db: Db, contactId: number): number {
  const row = db
    .prepare(
      `WITH RECURSIVE chain(id, parent, depth) AS (
         SELECT id, merged_into_id, 0 FROM contacts WHERE id = @contactId
         UNION ALL SELECT c.id, c.merged_into_id, chain.depth + 1 FROM contacts c JOIN chain ON c.id = chain.parent
       ) SELECT id FROM chain ORDER BY depth DESC LIMIT 1`,
    )
    .get({ contactId }) as { id: number } | undefined
  if (!row) throw notFound(`Contact ${contactId}`)
  return row.id
}

export function getContact(db: Db, contactId: number): ContactDetail {
  const family = contactFamily(db, contactId)
  const ids = JSON.stringify(family)
  const contact = db
    .prepare(
      `SELECT c.id, c.workspace_id, c.display_name, c.vip, c.created_at,
              max(coalesce(c.reach_override, 0),
                  coalesce((SELECT max(i.followers) FROM identities i WHERE i.contact_id IN (SELECT value FROM json_each(@ids))), 0)) AS reach
       FROM contacts c WHERE c.id = @contactId`,
    )
    .get({ contactId, ids }) as ContactRow | undefined
  if (!contact) throw notFound(`Contact ${contactId}`)
  const identities = db
    .prepare(
      `SELECT id, contact_id, channel, external_id, handle, display_name, followers FROM identities
       WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY channel, id`,
    )
    .all(ids) as IdentityRow[]
  const counts = db
    .prepare(
      `SELECT (SELECT count(*) FROM conversations WHERE contact_id IN (SELECT value FROM json_each(@ids))) AS conversations,
              (SELECT count(*) FROM messages WHERE contact_id IN (SELECT value FROM json_each(@ids))) AS messages`,
    )
    .get({ ids }) as { conversations: number; messages: number }
  return {
    id: contact.id,
    workspaceId: contact.workspace_id,
    displayName: contact.display_name,
    vip: contact.vip === 1,
    reach: contact.reach,
    createdAt: contact.created_at,
    identities: identities.map(toIdentity),
    conversationCount: counts.conversations,
    messageCount: counts.messages,
  }
}

const toIdentity = (r: IdentityRow): Identity => ({
  id: r.id,
  contactId: r.contact_id,
  channel: r.channel,
  externalId: r.external_id,
  handle: r.handle,
  displayName: r.display_name,
  followers: r.followers,
})

interface TimelineRow {
  id: number
  conversation_id: number
  channel: Channel
  direction: Direction
  author_name: string
  subject: string | null
  snippet: string
  sent_at: number
}

/** Every message with a contact on every channel, newest first, one keyset page at a time. */
export function listTimeline(db: Db, arg: { contactId: number; before?: string; limit: number }): Page<TimelineItem> {
  const family = contactFamily(db, arg.contactId)
  if (!db.prepare('SELECT 1 FROM contacts WHERE id = ?').get(arg.contactId)) throw notFound(`Contact ${arg.contactId}`)
  const k = arg.before ? decodeKeyset(arg.before) : { at: Number.MAX_SAFE_INTEGER, id: Number.MAX_SAFE_INTEGER }
  // One index range scan per family member (contact_id, sent_at DESC, id DESC), each stopping at the
  // page size, then merged: an IN list would make SQLite sort every event the contact ever had.
  const perMember = family
    .map(
      (_, i) => `SELECT * FROM (
        SELECT m.id, m.conversation_id, m.direction, m.author_name, m.subject, substr(m.body_text, 1, 240) AS snippet, m.sent_at
        FROM messages m
        WHERE m.contact_id = @member${i} AND (m.sent_at < @at OR (m.sent_at = @at AND m.id < @id))
        ORDER BY m.sent_at DESC, m.id DESC LIMIT @limit)`,
    )
    .join(' UNION ALL ')
  const params: Record<string, number> = { at: k.at, id: k.id, limit: arg.limit + 1 }
  family.forEach((member, i) => (params[`member${i}`] = member))
  const rows = db
    .prepare(
      `SELECT t.*, c.channel FROM (${perMember}) t JOIN conversations c ON c.id = t.conversation_id
       ORDER BY t.sent_at DESC, t.id DESC LIMIT @limit`,
    )
    .all(params) as TimelineRow[]
  return pageOf(
    rows,
    arg.limit,
    (r) => ({
      messageId: r.id,
      conversationId: r.conversation_id,
      channel: r.channel,
      direction: r.direction,
      authorName: r.author_name,
      subject: r.subject,
      snippet: r.snippet,
      sentAt: r.sent_at,
    }),
    (r) => ({ at: r.sent_at, id: r.id }),
  )
}
