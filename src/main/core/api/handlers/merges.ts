import type { mergeCommands } from '../../../../shared/commands/contacts'
import { notFound } from '../../../../shared/errors'
import { updateContactKeys } from '../../contacts/keys'
import { activeMergesInto, contactRow, dismissPair, mergeContacts, unmergeContacts } from '../../contacts/merge'
import { splitIdentities } from '../../contacts/split'
import { evidenceFor, listSuggestions } from '../../contacts/suggestions'
import type { Db } from '../../store/db'
import { recordAudit } from '../../store/repos/audit'
import type { HandlersFor } from '../dispatch'
import { changed } from './support'

function assertWorkspace(db: Db, workspaceId: number): void {
  if (!db.prepare('SELECT 1 FROM workspaces WHERE id = ?').get(workspaceId)) throw notFound(`Workspace ${workspaceId}`)
}

/** Identity resolution: every merge, undo, split and dismissal is audited with the change it describes. */
export const mergeHandlers: HandlersFor<typeof mergeCommands> = {
  'merge:suggestions': async (ctx, arg) => {
    assertWorkspace(ctx.db, arg.workspaceId)
    if (arg.contactId !== undefined && contactRow(ctx.db, arg.contactId).workspace_id !== arg.workspaceId) {
      throw notFound(`Contact ${arg.contactId}`)
    }
    await updateContactKeys(ctx.db, arg.workspaceId)
    return listSuggestions(ctx.db, arg)
  },

  'merge:dismiss': (ctx, { contactIds: [a, b] }) => {
    const workspaceId = ctx.db.transaction(() => {
      const [first, second] = [contactRow(ctx.db, a), contactRow(ctx.db, b)]
      if (first.workspace_id !== second.workspace_id) throw notFound(`Contact ${b}`)
      dismissPair(ctx.db, { workspaceId: first.workspace_id, contactIds: [a, b], actor: ctx.actor })
      recordAudit(ctx.db, {
        workspaceId: first.workspace_id,
        actor: ctx.actor,
        action: 'contact.merge.dismiss',
        targetType: 'contact',
        targetId: a,
        detail: `not the same person as contact ${b}`,
      })
      return first.workspace_id
    })()
    changed(ctx, ['contacts'], workspaceId, [a, b])
    return null
  },

  'contact:merge': async (ctx, { survivorId, absorbedId }) => {
    const workspaceId = contactRow(ctx.db, survivorId).workspace_id
    await updateContactKeys(ctx.db, workspaceId)
    const evidence = evidenceFor(ctx.db, workspaceId, survivorId, absorbedId)
    const mergeId = ctx.db.transaction(() => {
      const id = mergeContacts(ctx.db, { survivorId, absorbedId, evidence, actor: ctx.actor })
      recordAudit(ctx.db, {
        workspaceId,
        actor: ctx.actor,
        action: 'contact.merge',
        targetType: 'contact',
        targetId: survivorId,
        detail: `merge ${id}: contact ${absorbedId} merged in, confidence ${evidence?.confidence ?? 'none (by hand)'}`,
      })
      return id
    })()
    changed(ctx, ['contacts'], workspaceId, [survivorId, absorbedId])
    return activeMergesInto(ctx.db, survivorId).find((m) => m.id === mergeId)!
  },

  'contact:unmerge': (ctx, { mergeId }) => {
    const result = ctx.db.transaction(() => {
      const undone = unmergeContacts(ctx.db, { mergeId, actor: ctx.actor })
      recordAudit(ctx.db, {
        workspaceId: undone.workspaceId,
        actor: ctx.actor,
        action: 'contact.unmerge',
        targetType: 'contact',
        targetId: undone.survivorId,
        detail: `merge ${mergeId} undone: contact ${undone.absorbedId} restored`,
      })
      return undone
    })()
    changed(ctx, ['contacts'], result.workspaceId, [result.survivorId, result.absorbedId])
    return { survivorId: result.survivorId, absorbedId: result.absorbedId }
  },

  'contact:split': (ctx, { identityIds }) => {
    const result = ctx.db.transaction(() => {
      const split = splitIdentities(ctx.db, { identityIds })
      recordAudit(ctx.db, {
        workspaceId: split.workspaceId,
        actor: ctx.actor,
        action: 'contact.split',
        targetType: 'contact',
        targetId: split.contactId,
        detail: `identities ${identityIds.join(', ')} from contact ${split.from.join(', ')}; ${split.movedConversations} conversations moved`,
      })
      return split
    })()
    changed(ctx, ['contacts', 'conversations', 'messages'], result.workspaceId, [...result.from, result.contactId])
    return { contactId: result.contactId }
  },
}
