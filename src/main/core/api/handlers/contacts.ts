import type { contactCommands } from '../../../../shared/commands/contacts'
import { getContact, listTimeline } from '../../store/repos/contacts'
import type { HandlersFor } from '../dispatch'

export const contactsHandlers: HandlersFor<typeof contactCommands> = {
  'contact:get': (ctx, { contactId }) => getContact(ctx.db, contactId),
  'timeline:list': (ctx, arg) => listTimeline(ctx.db, arg),
}
