import type { accountCommands } from '../../../../shared/commands/accounts'
import { EarshotError } from '../../../../shared/errors'
import { listAccounts } from '../../store/repos/accounts'
import { recordAudit } from '../../store/repos/audit'
import { workspaceOfConversation } from '../../store/repos/conversations'
import { listPendingReplies, queueReply } from '../../sync/outbox'
import type { HandlersFor } from '../dispatch'
import { changed } from './support'

export const accountsHandlers: HandlersFor<typeof accountCommands> = {
  'accounts:list': (ctx, { workspaceId }) => listAccounts(ctx.db, workspaceId),
  'sync:now': async (ctx, { accountId }) => {
    if (!ctx.background) throw new EarshotError('UNAVAILABLE', 'Syncing runs only while the app is open.')
    await ctx.background.syncNow(accountId)
    return null
  },
  'reply:queue': (ctx, { conversationId, bodyText }) => {
    const item = ctx.db.transaction(() => {
      const queued = queueReply(ctx.db, { conversationId, bodyText })
      const workspaceId = workspaceOfConversation(ctx.db, conversationId)
      recordAudit(ctx.db, {
        workspaceId,
        actor: ctx.actor,
        action: 'reply.queue',
        targetType: 'conversation',
        targetId: conversationId,
      })
      return { queued, workspaceId }
    })()
    changed(ctx, ['outbox'], item.workspaceId, [conversationId])
    ctx.background?.kickOutbox()
    return item.queued
  },
  'outbox:list': (ctx, { conversationId }) => listPendingReplies(ctx.db, conversationId),
}
