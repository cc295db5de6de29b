import type { accountCommands } from '../../../../shared/commands/accounts'
import { EarshotError } from '../../../../shared/errors'
import { listAccounts } from '../../store/repos/accounts'
import type { HandlersFor } from '../dispatch'

export const accountsHandlers: HandlersFor<typeof accountCommands> = {
  'accounts:list': (ctx, { workspaceId }) => listAccounts(ctx.db, workspaceId),
  'sync:now': async (ctx, { accountId }) => {
    if (!ctx.background) throw new EarshotError('UNAVAILABLE', 'Syncing runs only while the app is open.')
    await ctx.background.syncNow(accountId)
    return null
  },
}
