import type { composerCommands } from '../../../../shared/commands/composer'
import { prependUndone } from '../../../../shared/replyRules'
import { recordAudit, type AuditEntry } from '../../store/repos/audit'
import {
  createCannedReply,
  deleteCannedReply,
  getCannedReply,
  listCannedReplies,
  updateCannedReply,
} from '../../store/repos/canned'
import { getComposerSettings, setComposerSettings } from '../../store/repos/composer-settings'
import { workspaceOfConversation } from '../../store/repos/conversations'
import { clearDraft, getDraft, saveDraft } from '../../store/repos/drafts'
import { templateValuesFor } from '../../store/repos/reply-context'
import { cancelReply, countOutbox, listPendingReplies, queueReply, retryReply } from '../../sync/outbox-queue'
import type { CoreContext } from '../context'
import type { HandlersFor } from '../dispatch'
import { changed } from './support'

type Audit = Omit<AuditEntry, 'actor'>

/** Runs a user's change and its audit entry in one transaction; returns what the change returned. */
function audited<T>(ctx: CoreContext, change: () => { value: T; audit: Audit }): T {
  return ctx.db.transaction(() => {
    const { value, audit } = change()
    recordAudit(ctx.db, { ...audit, actor: ctx.actor })
    return value
  })()
}

const onConversation = (workspaceId: number, conversationId: number, action: string, detail?: string): Audit => ({
  workspaceId,
  action,
  targetType: 'conversation',
  targetId: conversationId,
  detail: detail ?? null,
})

export const composerHandlers: HandlersFor<typeof composerCommands> = {
  'reply:queue': (ctx, { conversationId, bodyText, quote }) => {
    const { queued, workspaceId } = audited(ctx, () => {
      const workspaceId = workspaceOfConversation(ctx.db, conversationId)
      const holdMs = getComposerSettings(ctx.db).undoSeconds * 1000
      const queued = queueReply(ctx.db, { conversationId, bodyText, holdMs, quoteLanguage: quote?.language })
      clearDraft(ctx.db, conversationId)
      return {
        value: { queued, workspaceId },
        audit: onConversation(workspaceId, conversationId, 'reply.queue', String(queued.id)),
      }
    })
    changed(ctx, ['outbox'], workspaceId, [conversationId])
    // Sends what is due now and wakes the outbox again when this reply's undo time is over.
    ctx.background?.kickOutbox()
    return queued
  },
  'reply:cancel': (ctx, { outboxId }) => {
    const cancelled = audited(ctx, () => {
      const reply = cancelReply(ctx.db, outboxId)
      // The text becomes the draft at once, so a closed window or a crash after the undo loses nothing.
      const typedSince = getDraft(ctx.db, reply.conversationId)?.bodyText ?? ''
      saveDraft(ctx.db, { ...reply, bodyText: prependUndone(reply.bodyText, typedSince) })
      return {
        value: reply,
        audit: onConversation(reply.workspaceId, reply.conversationId, 'reply.cancel', String(outboxId)),
      }
    })
    changed(ctx, ['outbox'], cancelled.workspaceId, [cancelled.conversationId])
    return { bodyText: cancelled.bodyText }
  },
  'reply:retry': (ctx, { outboxId }) => {
    const { retried, workspaceId } = audited(ctx, () => {
      const retried = retryReply(ctx.db, outboxId)
      const workspaceId = workspaceOfConversation(ctx.db, retried.conversationId)
      return {
        value: { retried, workspaceId },
        audit: onConversation(workspaceId, retried.conversationId, 'reply.retry', String(outboxId)),
      }
    })
    changed(ctx, ['outbox'], workspaceId, [retried.conversationId])
    ctx.background?.kickOutbox()
    return retried
  },
  'outbox:list': (ctx, { conversationId }) => listPendingReplies(ctx.db, conversationId),
  'outbox:count': (ctx, { workspaceId }) => countOutbox(ctx.db, workspaceId),
  'draft:get': (ctx, { conversationId }) => getDraft(ctx.db, conversationId),
  // Not audited and not announced: a draft is saved every few keystrokes and only its composer reads it.
  'draft:save': (ctx, { conversationId, bodyText }) => {
    saveDraft(ctx.db, { workspaceId: workspaceOfConversation(ctx.db, conversationId), conversationId, bodyText })
    return null
  },
  'canned:list': (ctx, { workspaceId }) => listCannedReplies(ctx.db, workspaceId),
  'canned:create': (ctx, { workspaceId, ...fields }) => {
    const created = audited(ctx, () => {
      const reply = createCannedReply(ctx.db, workspaceId, fields)
      return {
        value: reply,
        audit: { workspaceId, action: 'canned.create', targetType: 'canned_reply', targetId: reply.id },
      }
    })
    changed(ctx, ['canned_replies'], workspaceId, [created.id])
    return created
  },
  'canned:update': (ctx, { id, ...fields }) => {
    const updated = audited(ctx, () => {
      const reply = updateCannedReply(ctx.db, id, fields)
      return {
        value: reply,
        audit: { workspaceId: reply.workspaceId, action: 'canned.update', targetType: 'canned_reply', targetId: id },
      }
    })
    changed(ctx, ['canned_replies'], updated.workspaceId, [id])
    return updated
  },
  'canned:delete': (ctx, { id }) => {
    const workspaceId = audited(ctx, () => {
      const { workspaceId } = getCannedReply(ctx.db, id)
      deleteCannedReply(ctx.db, id)
      return {
        value: workspaceId,
        audit: { workspaceId, action: 'canned.delete', targetType: 'canned_reply', targetId: id },
      }
    })
    changed(ctx, ['canned_replies'], workspaceId, [id])
    return null
  },
  'composer:variables': (ctx, { conversationId }) => templateValuesFor(ctx.db, conversationId),
  'composer:settings': (ctx) => getComposerSettings(ctx.db),
  'composer:setSettings': (ctx, settings) => {
    const saved = audited(ctx, () => ({
      value: setComposerSettings(ctx.db, settings),
      audit: {
        workspaceId: null,
        action: 'composer.settings',
        targetType: 'settings',
        targetId: null,
        detail: `undo ${settings.undoSeconds}s`,
      },
    }))
    changed(ctx, ['settings'], null)
    return saved
  },
}
