import fs from 'node:fs'
import path from 'node:path'
import { openReader } from '../../core/index'
import type { Db } from '../../core/store/db'
import { resolveDataDir } from '../data-dir'
import { EXIT, UsageError, cliVersion, parseCommandArgs, resolveWorkspace, type CliCommand } from '../support'
import { csvTableWriter, jsonTableWriter, type Row, type TableWriter } from './table-writer'

const USAGE = `Usage: earshot export --out DIR [options]

Writes workspaces, contacts (with identities), identities, conversations, messages and notes,
one file per table.

Options:
  --out DIR        where to write (created if missing)
  --format F       json (default) or csv
  --workspace W    export one workspace (name or id); default: all
  --data-dir DIR   the data directory (default: the desktop app's)`

interface ExportTable {
  name: string
  columns: readonly string[]
  /** `{where}` becomes a workspace filter on the table aliased `t`, or nothing. */
  sql: string
  nested?: readonly string[]
}

// Columns are listed so the export's shape is stable and reviewed; raw provider payloads are left out.
const TABLES: readonly ExportTable[] = [
  { name: 'workspaces', columns: ['id', 'name', 'is_demo', 'created_at'], sql: 'SELECT id, name, is_demo, created_at FROM workspaces t WHERE t.archived_at IS NULL {where:id} ORDER BY id' },
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
    columns: ['id', 'workspace_id', 'account_id', 'channel', 'external_id', 'contact_id', 'visibility', 'subject', 'status', 'assignee', 'message_count', 'first_customer_message_at', 'first_reply_at', 'last_message_at', 'tags'],
    sql: `SELECT t.id, t.workspace_id, t.account_id, t.channel, t.external_id, t.contact_id, t.visibility, t.subject, t.status,
            t.assignee, t.message_count, t.first_customer_message_at, t.first_reply_at, t.last_message_at,
            (SELECT group_concat(g.name, ';') FROM conversation_tags ct JOIN tags g ON g.id = ct.tag_id WHERE ct.conversation_id = t.id) AS tags
          FROM conversations t WHERE 1 {where} ORDER BY t.id`,
  },
  {
    name: 'messages',
    columns: ['id', 'workspace_id', 'conversation_id', 'contact_id', 'external_id', 'direction', 'author_name', 'subject', 'body_text', 'body_html', 'in_reply_to', 'sent_at'],
    sql: `SELECT id, workspace_id, conversation_id, contact_id, external_id, direction, author_name, subject, body_text, body_html, in_reply_to, sent_at
          FROM messages t WHERE 1 {where} ORDER BY id`,
  },
  { name: 'notes', columns: ['id', 'workspace_id', 'conversation_id', 'body', 'author', 'created_at'], sql: 'SELECT id, workspace_id, conversation_id, body, author, created_at FROM notes t WHERE 1 {where} ORDER BY id' },
]

function exportTable(db: Db, table: ExportTable, writer: TableWriter, workspaceId: number | undefined): number {
  const filtered = workspaceId !== undefined
  const sql = table.sql.replace('{where:id}', filtered ? 'AND t.id = ?' : '').replace('{where}', filtered ? 'AND t.workspace_id = ?' : '')
  const statement = db.prepare(sql)
  let written = 0
  try {
    // iterate() streams: a million messages never sit in memory at once.
    for (const row of (filtered ? statement.iterate(workspaceId) : statement.iterate()) as IterableIterator<Row>) writer.write(row)
  } finally {
    written = writer.close()
  }
  return written
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export workspaces, contacts, conversations, messages and notes as JSON or CSV',
  usage: USAGE,
  async run(argv) {
    const { values } = parseCommandArgs(
      'export',
      argv,
      { out: { type: 'string' }, format: { type: 'string' }, workspace: { type: 'string' }, 'data-dir': { type: 'string' } },
      false,
    )
    if (values.help) {
      console.log(USAGE)
      return EXIT.ok
    }
    if (!values.out) throw new UsageError('export: --out DIR is required')
    const format = values.format ?? 'json'
    if (format !== 'json' && format !== 'csv') throw new UsageError(`export: --format must be json or csv, not "${format}"`)
    const core = openReader({ dataDir: resolveDataDir(values['data-dir']), host: 'web', version: cliVersion() })
    try {
      const workspace = await resolveWorkspace(core, values.workspace)
      const outDir = path.resolve(values.out)
      fs.mkdirSync(outDir, { recursive: true })
      for (const table of TABLES) {
        const file = path.join(outDir, `${table.name}.${format}`)
        const writer = format === 'json' ? jsonTableWriter(file, table.nested) : csvTableWriter(file, table.columns)
        const rows = exportTable(core.db, table, writer, workspace?.id)
        console.log(`${file}  ${rows.toLocaleString('en-US')} rows`)
      }
      return EXIT.ok
    } finally {
      await core.close()
    }
  },
}
