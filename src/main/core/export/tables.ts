import fs from 'node:fs'
import path from 'node:path'
import type { ExportFormat, WorkspaceExport } from '../../../shared/commands/workspaces'
import type { Db } from '../store/db'
import { csvTableWriter, jsonTableWriter, type Row, type TableWriter } from './table-writer'

export interface ExportOptions {
  folder: string
  format: ExportFormat
  /** One workspace, archived or not; absent: every workspace. */
  workspaceId?: number
}

interface ExportTable {
  name: string
  columns: readonly string[]
  /** `{where}` becomes a workspace filter on the table aliased `t`, or nothing. */
  sql: string
  nested?: readonly string[]
}

// Columns are listed so the export's shape is stable and reviewed; raw provider payloads are left out.
const TABLES: readonly ExportTable[] = [
  {
    name: 'workspaces',
    columns: ['id', 'name', 'is_demo', 'created_at', 'archived_at'],
    sql: 'SELECT id, name, is_demo, created_at, archived_at FROM workspaces t WHERE 1 {where:id} ORDER BY id',
  },
  {
    name: 'contacts',
    columns: ['id', 'workspace_id', 'display_name', 'vip', 'merged_into_id', 'created_at', 'identities'],
    nested: ['identities'],
    sql: `SELECT t.id, t.workspace_id, t.display_name, t.vip, t.merged_into_id, t.created_at,
            (SELECT json_group_array(json_object('channel', i.channel, 'externalId', i.external_id, 'handle', i.handle,
                    'displayName', i.display_name, 'followers', i.followers))
             FROM identities i WHERE i.contact_id = t.id) AS identities
          FROM contacts t WHERE 1 {where} ORDER BY t.id`,
  },
  {
    name: 'identities',
    columns: ['id', 'workspace_id', 'contact_id', 'channel', 'external_id', 'handle', 'display_name', 'followers'],
    sql: 'SELECT id, workspace_id, contact_id, channel, external_id, handle, display_name, followers FROM identities t WHERE 1 {where} ORDER BY id',
  },
  {
    name: 'conversations',
    columns: [
      'id',
      'workspace_id',
      'account_id',
      'channel',
      'external_id',
      'contact_id',
      'visibility',
      'subject',
      'status',
      'assignee',
      'message_count',
      'first_customer_message_at',
      'first_reply_at',
      'last_message_at',
      'tags',
    ],
    sql: `SELECT t.id, t.workspace_id, t.account_id, t.channel, t.external_id, t.contact_id, t.visibility, t.subject, t.status,
            t.assignee, t.message_count, t.first_customer_message_at, t.first_reply_at, t.last_message_at,
            (SELECT group_concat(g.name, ';') FROM conversation_tags ct JOIN tags g ON g.id = ct.tag_id WHERE ct.conversation_id = t.id) AS tags
          FROM conversations t WHERE 1 {where} ORDER BY t.id`,
  },
  {
    name: 'messages',
    columns: [
      'id',
      'workspace_id',
      'conversation_id',
      'contact_id',
      'external_id',
      'direction',
      'author_name',
      'subject',
      'body_text',
      'body_html',
      'in_reply_to',
      'sent_at',
    ],
    sql: `SELECT id, workspace_id, conversation_id, contact_id, external_id, direction, author_name, subject, body_text, body_html, in_reply_to, sent_at
          FROM messages t WHERE 1 {where} ORDER BY id`,
  },
  {
    name: 'notes',
    columns: ['id', 'workspace_id', 'conversation_id', 'body', 'author', 'created_at'],
    sql: 'SELECT id, workspace_id, conversation_id, body, author, created_at FROM notes t WHERE 1 {where} ORDER BY id',
  },
]

function exportTable(db: Db, table: ExportTable, writer: TableWriter, workspaceId: number | undefined): number {
  const filtered = workspaceId !== undefined
  const sql = table.sql
    .replace('{where:id}', filtered ? 'AND t.id = ?' : '')
    .replace('{where}', filtered ? 'AND t.workspace_id = ?' : '')
  const statement = db.prepare(sql)
  let written = 0
  try {
    // iterate() streams: a million messages never sit in memory at once.
    for (const row of (filtered ? statement.iterate(workspaceId) : statement.iterate()) as IterableIterator<Row>)
      writer.write(row)
  } finally {
    written = writer.close()
  }
  return written
}

/**
 * Writes workspaces, contacts (with identities), identities, conversations, messages and notes into
 * `folder` (created if missing), one file per table. Synchronous and streaming: run it where a long
 * stall harms nobody (the CLI, or the export worker for a running app).
 */
export function writeExport(db: Db, options: ExportOptions): WorkspaceExport {
  const folder = path.resolve(options.folder)
  fs.mkdirSync(folder, { recursive: true })
  const files = TABLES.map((table) => {
    const file = path.join(folder, `${table.name}.${options.format}`)
    const writer = options.format === 'json' ? jsonTableWriter(file, table.nested) : csvTableWriter(file, table.columns)
    return { table: table.name, file, rows: exportTable(db, table, writer, options.workspaceId) }
  })
  return { folder, files }
}
