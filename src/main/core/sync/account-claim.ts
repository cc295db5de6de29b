import type { Channel } from '../../../shared/domain'
import { EarshotError } from '../../../shared/errors'
import type { Db } from '../store/db'
import { createAccount } from '../store/repos/accounts'
import { setAccountState, setSetting } from './accounts'

/**
 * The account row a new sign-in belongs to: a new active account, or the existing one with this
 * handle when it waits for a reconnect (its history, cursors and replies stay). Any other existing
 * account with the handle is a mistake the person should hear about.
 */
export function claimAccount(
  db: Db,
  arg: { workspaceId: number; channel: Channel; handle: string; displayName: string },
): number {
  const existing = db
    .prepare('SELECT id, state FROM accounts WHERE workspace_id = ? AND channel = ? AND handle = ?')
    .get(arg.workspaceId, arg.channel, arg.handle) as { id: number; state: string } | undefined
  if (!existing) return createAccount(db, arg)
  if (existing.state !== 'reconnect') {
    throw new EarshotError(
      'INVALID',
      `This workspace already has a ${arg.channel} account "${arg.handle}" (account ${existing.id}).`,
    )
  }
  setAccountState(db, existing.id, 'active', null)
  setSetting(db, existing.id, 'retryAt', null)
  return existing.id
}
