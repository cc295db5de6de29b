import type { ChangedTable } from '../../../../shared/contract'
import { recordAudit } from '../../store/repos/audit'
import { getConversationRow, workspaceOfConversation } from '../../store/repos/conversations'
import type { CoreContext } from '../context'
import { settleBeforeRead } from '../../insight/clocks'

/** Tells every host which tables changed, so what they show is refetched. */
export const changed = (ctx: CoreContext, tables: ChangedTable[], workspaceId: number | null, ids?: number[]) =>
  ctx.events.emit('db:changed', { tables, workspaceId, ...(ids ? { ids } : {}) })

/** A user's change to a conversation: the change and its audit entry commit together, then listeners hear of it. */
export function changeConversation(
  ctx: CoreContext,
  conversationId: number,
  action: string,
  detail: string | null,
  apply: (workspaceId: number) => void,
  tables: ChangedTable[] = ['conversations'],
) {
  const workspaceId = ctx.db.transaction(() => {
    const ws = workspaceOfConversation(ctx.db, conversationId)
    apply(ws)
    recordAudit(ctx.db, {
      workspaceId: ws,
      actor: ctx.actor,
      action,
      targetType: 'conversation',
      targetId: conversationId,
      detail,
    })
    return ws
  })()
  changed(ctx, tables, workspaceId, [conversationId])
  settleBeforeRead(ctx.db, workspaceId)
  return getConversationRow(ctx.db, conversationId)
}
