import type { Account, AccountState, Channel } from '../../../../shared/domain'
import type { Db } from '../db'

interface AccountRow {
  id: number
  workspace_id: number
  channel: Channel
  handle: string
  display_name: string
  state: AccountState
  state_reason: string | null
  last_synced_at: number | null
  access_expires_at: string | null
}

/** The setting that says until when the provider grants access without the user connecting again. */
export const ACCESS_EXPIRES_AT = 'accessExpiresAt'
const ACCOUNT_COLUMNS = `a.*, (SELECT value FROM account_settings s WHERE s.account_id = a.id AND s.key = '${ACCESS_EXPIRES_AT}') AS access_expires_at`

const toAccount = (r: AccountRow): Account => ({
  id: r.id,
  workspaceId: r.workspace_id,
  channel: r.channel,
  handle: r.handle,
  displayName: r.display_name,
  state: r.state,
  stateReason: r.state_reason,
  lastSyncedAt: r.last_synced_at,
  accessExpiresAt: r.access_expires_at === null ? null : Number(r.access_expires_at),
})

export function createAccount(
  db: Db,
  arg: {
    workspaceId: number
    channel: Channel
    handle: string
    displayName: string
    /** 'paused' for accounts that hold data but are not connected to a provider (demo, imports). */
    state?: AccountState
    stateReason?: string | null
    now?: number
  },
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO accounts (workspace_id, channel, handle, display_name, state, state_reason, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        arg.workspaceId,
        arg.channel,
        arg.handle,
        arg.displayName,
        arg.state ?? 'active',
        arg.stateReason ?? null,
        arg.now ?? Date.now(),
      ).lastInsertRowid,
  )
}

export function listAccounts(db: Db, workspaceId?: number): Account[] {
  const rows = (
    workspaceId === undefined
      ? db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM accounts a ORDER BY a.workspace_id, a.id`).all()
      : db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE a.workspace_id = ? ORDER BY a.id`).all(workspaceId)
  ) as AccountRow[]
  return rows.map(toAccount)
}
