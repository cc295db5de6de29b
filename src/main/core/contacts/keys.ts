import type { Channel } from '../../../shared/domain'
import type { Db } from '../store/db'
import { messageIdRange } from '../store/message-ids'
import { normalizeEmail, normalizeHandle, normalizeName, normalizePhone, userNameStem } from './normalize'
import { readSignature } from './signature'
import { nextTurn } from '../next-turn'

export type KeyKind = 'email' | 'phone' | 'handle' | 'name-handle'
export type KeySource = 'identity' | 'field' | 'signature'

export interface ContactKey {
  kind: KeyKind
  value: string
  source: KeySource
}

export interface KnownAs {
  displayName: string
  identities: { channel: Channel; externalId: string; handle: string | null; displayName: string | null }[]
  fields: { key: string; value: string }[]
}

/** Field names under which people keep phone numbers, in German and English. */
const PHONE_FIELD = /phone|tel|fon|mobil|handy|cell|whatsapp/i

/** The keys a contact's own data gives: its identities, its names with its user names, its fields. */
export function keysOf(contact: KnownAs): ContactKey[] {
  const keys = new Map<string, ContactKey>()
  const add = (kind: KeyKind, value: string | null, source: KeySource) => {
    if (value !== null) keys.set(`${kind}\u0000${value}\u0000${source}`, { kind, value, source })
  }
  const names = new Set<string>()
  const stems = new Set<string>()
  const addName = (name: string | null) => name !== null && names.add(name)
  const addStem = (stem: string | null) => stem !== null && stems.add(stem)
  addName(normalizeName(contact.displayName))
  for (const identity of contact.identities) {
    if (identity.displayName) addName(normalizeName(identity.displayName))
    if (identity.channel === 'email') {
      add('email', normalizeEmail(identity.externalId), 'identity')
      addStem(userNameStem(identity.externalId))
    }
    if (identity.channel !== 'email' && identity.handle) {
      add('handle', normalizeHandle(identity.handle), 'identity')
      addStem(userNameStem(identity.handle))
    }
  }
  for (const name of names) for (const stem of stems) add('name-handle', `${name}|${stem}`, 'identity')
  for (const field of contact.fields) {
    add('email', normalizeEmail(field.value), 'field')
    if (PHONE_FIELD.test(field.key) || field.value.trim().startsWith('+'))
      add('phone', normalizePhone(field.value), 'field')
  }
  return [...keys.values()]
}

/** How much work one transaction takes on before the host gets the event loop back. */
const STALE_BATCH = 200
const SIGNATURE_BATCH = 500

/** Derives the identity and field keys of up to `max` contacts marked stale; returns how many it did. */
export function refreshStaleKeys(db: Db, max = STALE_BATCH): number {
  return db.transaction(() => {
    const stale = db.prepare('SELECT contact_id FROM contact_keys_stale LIMIT ?').pluck().all(max) as number[]
    const contact = db.prepare('SELECT workspace_id, display_name FROM contacts WHERE id = ?')
    const identities = db.prepare(
      'SELECT channel, external_id, handle, display_name FROM identities WHERE contact_id = ?',
    )
    const fields = db.prepare('SELECT key, value FROM contact_fields WHERE contact_id = ?')
    const clear = db.prepare("DELETE FROM contact_keys WHERE contact_id = ? AND source IN ('identity', 'field')")
    const insert = db.prepare(
      'INSERT OR IGNORE INTO contact_keys (workspace_id, kind, value, contact_id, source) VALUES (?, ?, ?, ?, ?)',
    )
    const done = db.prepare('DELETE FROM contact_keys_stale WHERE contact_id = ?')
    for (const id of stale) {
      clear.run(id)
      const row = contact.get(id) as { workspace_id: number; display_name: string } | undefined
      if (row) {
        const known: KnownAs = {
          displayName: row.display_name,
          identities: (identities.all(id) as IdentityKeyRow[]).map((i) => ({
            channel: i.channel,
            externalId: i.external_id,
            handle: i.handle,
            displayName: i.display_name,
          })),
          fields: fields.all(id) as KnownAs['fields'],
        }
        for (const key of keysOf(known)) insert.run(row.workspace_id, key.kind, key.value, id, key.source)
      }
      done.run(id)
    }
    return stale.length
  })()
}

interface IdentityKeyRow {
  channel: Channel
  external_id: string
  handle: string | null
  display_name: string | null
}

/** Stores what a mail's signature names as keys of the contact who wrote it. */
function signatureKeyWriter(db: Db, workspaceId: number): (contactId: number, body: string) => void {
  const insert = db.prepare(
    "INSERT OR IGNORE INTO contact_keys (workspace_id, kind, value, contact_id, source) VALUES (?, ?, ?, ?, 'signature')",
  )
  return (contactId, body) => {
    const facts = readSignature(body)
    for (const email of facts.emails) insert.run(workspaceId, 'email', email, contactId)
    for (const handle of facts.handles) insert.run(workspaceId, 'handle', handle, contactId)
    for (const phone of facts.phones) insert.run(workspaceId, 'phone', phone, contactId)
  }
}

/**
 * Mail the customer wrote. The unary plus keeps SQLite from reading a whole mailbox through the account
 * index and sorting it: a scan walks the message ids, and a batch stops after its limit.
 */
const INBOUND_MAIL = `m.direction = 'in'
  AND +m.account_id IN (SELECT id FROM accounts WHERE workspace_id = @workspaceId AND channel = 'email')`

/**
 * Reads the signatures of up to `max` mails a workspace received since the last scan; returns how many it
 * read. Each mail is read once: the scan remembers the highest message id it has passed.
 */
export function scanSignatures(db: Db, workspaceId: number, max = SIGNATURE_BATCH): number {
  return db.transaction(() => {
    const { first, last } = messageIdRange(workspaceId)
    const after =
      (db
        .prepare('SELECT last_message_id FROM contact_signature_scans WHERE workspace_id = ?')
        .pluck()
        .get(workspaceId) as number | undefined) ?? first - 1
    const rows = db
      .prepare(
        `SELECT m.id, m.contact_id, m.body_text FROM messages m
         WHERE m.id > @after AND m.id <= @last AND ${INBOUND_MAIL} ORDER BY m.id LIMIT @max`,
      )
      .all({ after, last, max, workspaceId }) as { id: number; contact_id: number; body_text: string }[]
    const write = signatureKeyWriter(db, workspaceId)
    for (const row of rows) write(row.contact_id, row.body_text)
    // A short page means everything up to the newest message has been seen, mail or not.
    const passed =
      rows.length === max
        ? rows.at(-1)!.id
        : ((db.prepare('SELECT max(id) FROM messages WHERE id BETWEEN ? AND ?').pluck().get(first, last) as
            number | null) ?? after)
    db.prepare(
      `INSERT INTO contact_signature_scans (workspace_id, last_message_id) VALUES (?, ?)
       ON CONFLICT (workspace_id) DO UPDATE SET last_message_id = excluded.last_message_id`,
    ).run(workspaceId, passed)
    return rows.length
  })()
}

/** Reads the signatures of these contacts' mails again, after messages moved between contacts. */
export function rescanSignaturesOf(db: Db, workspaceId: number, contactIds: readonly number[]): void {
  const clear = db.prepare("DELETE FROM contact_keys WHERE contact_id = ? AND source = 'signature'")
  const mails = db.prepare(`SELECT m.body_text FROM messages m WHERE m.contact_id = @contactId AND ${INBOUND_MAIL}`)
  const write = signatureKeyWriter(db, workspaceId)
  for (const contactId of contactIds) {
    clear.run(contactId)
    for (const { body_text } of mails.all({ contactId, workspaceId }) as { body_text: string }[])
      write(contactId, body_text)
  }
}


/**
 * Brings a workspace's keys up to date: stale contacts first, then mail not yet read. Short transactions
 * with the event loop handed back between them, so a first scan of a large mailbox never stalls the host.
 */
export async function updateContactKeys(db: Db, workspaceId: number): Promise<void> {
  while (refreshStaleKeys(db) === STALE_BATCH) await nextTurn()
  while (scanSignatures(db, workspaceId) === SIGNATURE_BATCH) await nextTurn()
}
