import type { inboxCommands } from '../../../../shared/commands/inbox'
import { settleBeforeRead } from '../../insight/clocks'
import { recordAudit } from '../../store/repos/audit'
import {
  assign,
  getConversationRow,
  listInbox,
  setStatus,
  workspaceOfConversation,
} from '../../store/repos/conversations'
import { listConversationMessages } from '../../store/repos/messages'
import { addNote, listNotes } from '../../store/repos/notes'
import { listTags, setTag } from '../../store/repos/tags'
import type { HandlersFor } from '../dispatch'
import { changeConversation, changed } from './support'

export const inboxHandlers: HandlersFor<typeof inboxCommands> = {
  'inbox:list': (ctx, arg) => {
    settleBeforeRead(ctx.db, arg.workspaceId)
    return listInbox(ctx.db, arg)
  },
  'conversation:get': (ctx, { conversationId }) => {
    settleBeforeRead(ctx.db)
    return {
      conversation: getConversationRow(ctx.db, conversationId),
      messages: listConversationMessages(ctx.db, conversationId),
      notes: listNotes(ctx.db, conversationId),
    }
  },
  'conversation:setStatus': (ctx, { conversationId, status, snoozedUntil }) =>
    changeConversation(ctx, conversationId, 'conversation.status', status, () =>
      setStatus(ctx.db, conversationId, status, snoozedUntil ?? null),
    ),
  'conversation:assign': (ctx, { conversationId, assignee }) =>
    changeConversation(ctx, conversationId, 'conversation.assign', assignee, () =>
      assign(ctx.db, conversationId, assignee),
    ),
  'conversation:tag': (ctx, { conversationId, tag, on }) =>
    changeConversation(
      ctx,
      conversationId,
      on ? 'conversation.tag' : 'conversation.untag',
      tag,
      (ws) => setTag(ctx.db, ws, conversationId, tag, on),
      ['conversations', 'tags'],
    ),
  'note:add': (ctx, { conversationId, body }) => {
    const note = ctx.db.transaction(() => {
      const workspaceId = workspaceOfConversation(ctx.db, conversationId)
      const created = addNote(ctx.db, { workspaceId, conversationId, body, author: ctx.actor })
      recordAudit(ctx.db, {
        workspaceId,
        actor: ctx.actor,
        action: 'note.add',
        targetType: 'note',
        targetId: created.id,
      })
      return { created, workspaceId }
    })()
    changed(ctx, ['notes'], note.workspaceId, [conversationId])
    return note.created
  },
  'tags:list': (ctx, { workspaceId }) => listTags(ctx.db, workspaceId),
}
