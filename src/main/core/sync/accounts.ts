import type { AccountState, Channel } from '../../../shared/domain'
import type { Db } from '../store/db'

/** What the sync engine needs to know about an account; tokens are fetched from the SecretStore separately. */
export interface SyncAccount {
  id: number
  workspaceId: number
  channel: Channel
  handle: string
  displayName: string
  state: AccountState
}

export function loadSyncAccount(db: Db, accountId: number): SyncAccount | null {
  const row = db
    .prepare('SELECT id, workspace_id, channel, handle, display_name, state FROM accounts WHERE id = ?')
    .get(accountId) as { id: number; workspace_id: number; channel: Channel; handle: string; display_name: string; state: AccountState } | undefined
  return row
    ? { id: row.id, workspaceId: row.workspace_id, channel: row.channel, handle: row.handle, displayName: row.display_name, state: row.state }
    : null
}

export function listSyncAccountIds(db: Db): number[] {
  // Paused accounts (demo data, imported archives, or paused by the user) are never polled, nor are
  // the accounts of an archived workspace: archiving a client's workspace puts it to rest.
  return (
    db
      .prepare(
        `SELECT a.id FROM accounts a JOIN workspaces w ON w.id = a.workspace_id
         WHERE a.state <> 'paused' AND w.archived_at IS NULL ORDER BY a.id`,
      )
      .all() as { id: number }[]
  ).map((r) => r.id)
}

export function getSetting(db: Db, accountId: number, key: string): string | null {
  const row = db.prepare('SELECT value FROM account_settings WHERE account_id = ? AND key = ?').get(accountId, key) as { value: string } | undefined
  return row?.value ?? null
}

export function setSetting(db: Db, accountId: number, key: string, value: string | null): void {
  if (value === null) db.prepare('DELETE FROM account_settings WHERE account_id = ? AND key = ?').run(accountId, key)
  else {
    db.prepare(
      'INSERT INTO account_settings (account_id, key, value) VALUES (?, ?, ?) ON CONFLICT (account_id, key) DO UPDATE SET value = excluded.value',
    ).run(accountId, key, value)
  }
}

export function setAccountState(db: Db, accountId: number, state: AccountState, reason: string | null): void {
  db.prepare('UPDATE accounts SET state = ?, state_reason = ? WHERE id = ?').run(state, reason, accountId)
}

export function loadCursors(db: Db, accountId: number): Map<string, string> {
  const rows = db.prepare('SELECT stream, cursor FROM sync_cursors WHERE account_id = ?').all(accountId) as { stream: string; cursor: string }[]
  return new Map(rows.map((r) => [r.stream, r.cursor]))
}

export function listenQueries(db: Db, accountId: number): { id: number; query: string }[] {
  return db.prepare('SELECT id, query FROM listen_queries WHERE account_id = ? ORDER BY id').all(accountId) as { id: number; query: string }[]
}

export function addListenQuery(db: Db, accountId: number, query: string, now = Date.now()): number {
  return Number(
    db.prepare('INSERT INTO listen_queries (account_id, query, created_at) VALUES (?, ?, ?)').run(accountId, query, now).lastInsertRowid,
  )
}
