import fs from 'node:fs'
import type { ChangedTable } from '../../../shared/contract'
import { EarshotError, notFound } from '../../../shared/errors'
import { recordAudit } from '../store/repos/audit'
import { getContact, listTimeline } from '../store/repos/contacts'
import {
  assign,
  getConversationRow,
  listInbox,
  setStatus,
  workspaceOfConversation,
} from '../store/repos/conversations'
import { listConversationMessages } from '../store/repos/messages'
import { addNote, listNotes } from '../store/repos/notes'
import { search } from '../store/repos/search'
import { listTags, setTag } from '../store/repos/tags'
import { listAccounts } from '../store/repos/accounts'
import { listWorkspaces, removeWorkspace } from '../store/repos/workspaces'
import { importMail } from '../import/import'
import { listPendingReplies, queueReply } from '../sync/outbox'
import type { CoreContext } from './context'
import type { Handlers } from './dispatch'

const changed = (ctx: CoreContext, tables: ChangedTable[], workspaceId: number | null, ids?: number[]) =>
  ctx.events.emit('db:changed', { tables, workspaceId, ...(ids ? { ids } : {}) })

/** A user's change to a conversation: the change and its audit entry commit together, then listeners hear of it. */
function changeConversation(
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
    recordAudit(ctx.db, { workspaceId: ws, actor: ctx.actor, action, targetType: 'conversation', targetId: conversationId, detail })
    return ws
  })()
  changed(ctx, tables, workspaceId, [conversationId])
  return getConversationRow(ctx.db, conversationId)
}

export const handlers: Handlers = {
  'app:info': (ctx) => ctx.info,
  'workspaces:list': (ctx) => listWorkspaces(ctx.db),
  'workspaces:remove': (ctx, { workspaceId }) => {
    ctx.db.transaction(() => {
      removeWorkspace(ctx.db, workspaceId)
      recordAudit(ctx.db, { workspaceId: null, actor: ctx.actor, action: 'workspace.remove', targetType: 'workspace', targetId: workspaceId })
    })()
    changed(ctx, ['workspaces', 'conversations', 'messages', 'contacts'], workspaceId)
    return null
  },
  'inbox:list': (ctx, arg) => listInbox(ctx.db, arg),
  'conversation:get': (ctx, { conversationId }) => ({
    conversation: getConversationRow(ctx.db, conversationId),
    messages: listConversationMessages(ctx.db, conversationId),
    notes: listNotes(ctx.db, conversationId),
  }),
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
      recordAudit(ctx.db, { workspaceId, actor: ctx.actor, action: 'note.add', targetType: 'note', targetId: created.id })
      return { created, workspaceId }
    })()
    changed(ctx, ['notes'], note.workspaceId, [conversationId])
    return note.created
  },
  'contact:get': (ctx, { contactId }) => getContact(ctx.db, contactId),
  'timeline:list': (ctx, arg) => listTimeline(ctx.db, arg),
  'tags:list': (ctx, { workspaceId }) => listTags(ctx.db, workspaceId),
  'search:query': (ctx, arg) => search(ctx.db, arg),
  'accounts:list': (ctx, { workspaceId }) => listAccounts(ctx.db, workspaceId),
  'reply:queue': (ctx, { conversationId, bodyText }) => {
    const item = ctx.db.transaction(() => {
      const queued = queueReply(ctx.db, { conversationId, bodyText })
      const workspaceId = workspaceOfConversation(ctx.db, conversationId)
      recordAudit(ctx.db, { workspaceId, actor: ctx.actor, action: 'reply.queue', targetType: 'conversation', targetId: conversationId })
      return { queued, workspaceId }
    })()
    changed(ctx, ['outbox'], item.workspaceId, [conversationId])
    ctx.background?.kickOutbox()
    return item.queued
  },
  'outbox:list': (ctx, { conversationId }) => listPendingReplies(ctx.db, conversationId),
  'import:mail': async (ctx, { workspaceId, paths, ownAddresses }) => {
    if (!ctx.db.prepare('SELECT 1 FROM workspaces WHERE id = ?').get(workspaceId)) throw notFound(`Workspace ${workspaceId}`)
    const missing = paths.find((p) => !fs.existsSync(p))
    if (missing) throw new EarshotError('NOT_FOUND', `There is no file or folder at ${missing}.`)
    const result = await importMail(ctx.db, {
      workspaceId,
      paths,
      ownAddresses,
      dataDir: ctx.info.dataDir,
      onProgress: (p) => {
        ctx.events.emit('import:progress', { workspaceId, ...p })
        changed(ctx, ['conversations', 'messages', 'contacts'], workspaceId)
      },
    })
    recordAudit(ctx.db, { workspaceId, actor: ctx.actor, action: 'import.mail', targetType: 'workspace', targetId: workspaceId, detail: `${result.inserted} new of ${result.total}` })
    changed(ctx, ['accounts', 'conversations', 'messages', 'contacts'], workspaceId)
    return { total: result.total, inserted: result.inserted, quarantined: result.quarantined }
  },
  'sync:now': async (ctx, { accountId }) => {
    if (!ctx.background) throw new EarshotError('UNAVAILABLE', 'Syncing runs only while the app is open.')
    await ctx.background.syncNow(accountId)
    return null
  },
}
