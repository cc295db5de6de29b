import type { contactCommands, ContactProfile, SalesOutcome } from '../../../../shared/commands/contacts'
import type { ChangedTable } from '../../../../shared/contract'
import { assertNotMerged, contactRow } from '../../contacts/merge'
import { getContactProfile } from '../../contacts/profile'
import { recordAudit } from '../../store/repos/audit'
import {
  addContactNote,
  contactOfNote,
  deleteContactNote,
  listFieldKeys,
  setContactTag,
  setField,
  setOutcome,
  setReachOverride,
  setVip,
} from '../../store/repos/contact-profile'
import { listTimeline } from '../../store/repos/contacts'
import type { CoreContext } from '../context'
import type { HandlersFor } from '../dispatch'
import { changed } from './support'

/**
 * A person's change to a contact: applied and audited in one transaction, then announced. `apply` returns
 * the audit detail. A merged contact is edited through the contact it was merged into.
 */
function changeContact(
  ctx: CoreContext,
  contactId: number,
  action: string,
  apply: (workspaceId: number) => string | null,
  tables: ChangedTable[] = ['contacts'],
): ContactProfile {
  const workspaceId = ctx.db.transaction(() => {
    const contact = contactRow(ctx.db, contactId)
    assertNotMerged(contact)
    const detail = apply(contact.workspace_id)
    recordAudit(ctx.db, {
      workspaceId: contact.workspace_id,
      actor: ctx.actor,
      action,
      targetType: 'contact',
      targetId: contactId,
      detail,
    })
    return contact.workspace_id
  })()
  changed(ctx, tables, workspaceId, [contactId])
  return getContactProfile(ctx.db, contactId)
}

const describeOutcome = (o: SalesOutcome | null): string =>
  o === null ? 'none' : o.kind === 'sale' ? `sale ${o.valueMinor} ${o.currency} (minor units)` : o.kind

export const contactsHandlers: HandlersFor<typeof contactCommands> = {
  'contact:get': (ctx, { contactId }) => getContactProfile(ctx.db, contactId),
  'timeline:list': (ctx, arg) => listTimeline(ctx.db, arg),
  'contact:setVip': (ctx, { contactId, vip }) =>
    changeContact(ctx, contactId, 'contact.vip', () => {
      setVip(ctx.db, contactId, vip)
      return vip ? 'on' : 'off'
    }),
  'contact:setReach': (ctx, { contactId, reach }) =>
    changeContact(ctx, contactId, 'contact.reach', () => {
      setReachOverride(ctx.db, contactId, reach)
      return reach === null ? 'from followers' : String(reach)
    }),
  'contact:setOutcome': (ctx, { contactId, outcome }) =>
    changeContact(ctx, contactId, 'contact.outcome', () => {
      setOutcome(ctx.db, contactId, outcome)
      return describeOutcome(outcome)
    }),
  'contact:setField': (ctx, { contactId, key, value }) =>
    changeContact(ctx, contactId, 'contact.field', (workspaceId) => {
      setField(ctx.db, { workspaceId, contactId, key, value })
      return value === null ? `${key} removed` : `${key}: ${value}`
    }),
  'contact:tag': (ctx, { contactId, tag, on }) =>
    changeContact(
      ctx,
      contactId,
      on ? 'contact.tag' : 'contact.untag',
      (workspaceId) => {
        setContactTag(ctx.db, workspaceId, contactId, tag, on)
        return tag
      },
      ['contacts', 'tags'],
    ),
  'contact:addNote': (ctx, { contactId, body }) =>
    changeContact(ctx, contactId, 'contact.note.add', (workspaceId) => {
      const noteId = addContactNote(ctx.db, { workspaceId, contactId, body, author: ctx.actor })
      return `note ${noteId}`
    }),
  'contact:deleteNote': (ctx, { noteId }) =>
    changeContact(ctx, contactOfNote(ctx.db, noteId), 'contact.note.delete', () => {
      deleteContactNote(ctx.db, noteId)
      return `note ${noteId}`
    }),
  'contact:fieldKeys': (ctx, { workspaceId }) => listFieldKeys(ctx.db, workspaceId),
}
