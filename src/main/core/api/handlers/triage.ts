import type { BulkAction, triageCommands } from '../../../../shared/commands/triage'
import type { ChangedTable } from '../../../../shared/contract'
import { updateContactKeys } from '../../contacts/keys'
import type { Db } from '../../store/db'
import { recordAuditForEach } from '../../store/repos/audit'
import { keysOfQuery, lookupContacts } from '../../store/repos/lookup'
import { assignMany, setStatusMany, setTagMany, workspaceOfConversations } from '../../store/repos/triage'
import type { HandlersFor } from '../dispatch'
import { changed } from './support'

function apply(db: Db, workspaceId: number, ids: readonly number[], action: BulkAction): void {
  switch (action.kind) {
    case 'status':
      return setStatusMany(db, ids, action.status, null)
    case 'snooze':
      return setStatusMany(db, ids, 'snoozed', action.until)
    case 'assign':
      return assignMany(db, ids, action.assignee)
    case 'tag':
      return setTagMany(db, workspaceId, ids, action.tag, action.on)
  }
}

/** Audited as the same actions as on one conversation (inbox.ts), one entry per conversation. */
function auditOf(action: BulkAction): { action: string; detail: string | null } {
  switch (action.kind) {
    case 'status':
      return { action: 'conversation.status', detail: action.status }
    case 'snooze':
      return { action: 'conversation.status', detail: 'snoozed' }
    case 'assign':
      return { action: 'conversation.assign', detail: action.assignee }
    case 'tag':
      return { action: action.on ? 'conversation.tag' : 'conversation.untag', detail: action.tag }
  }
}

export const triageHandlers: HandlersFor<typeof triageCommands> = {
  'conversations:bulk': (ctx, { conversationIds, action }) => {
    const ids = [...new Set(conversationIds)]
    const workspaceId = ctx.db.transaction(() => {
      const ws = workspaceOfConversations(ctx.db, ids)
      apply(ctx.db, ws, ids, action)
      recordAuditForEach(
        ctx.db,
        { workspaceId: ws, actor: ctx.actor, targetType: 'conversation', ...auditOf(action) },
        ids,
      )
      return ws
    })()
    const tables: ChangedTable[] = action.kind === 'tag' ? ['conversations', 'tags'] : ['conversations']
    changed(ctx, tables, workspaceId, ids)
    return { changed: ids.length }
  },
  'contacts:lookup': async (ctx, arg) => {
    // Keys from fields and signatures are derived lazily; a number or address looked up must find them.
    if (keysOfQuery(arg.query).length > 0) await updateContactKeys(ctx.db, arg.workspaceId)
    return lookupContacts(ctx.db, arg)
  },
}
