import { z } from 'zod'
import { Id, type ContactDetail, type Page, type TimelineItem } from '../domain'
import { command, Cursor, PageLimit } from './define'

export const contactCommands = {
  'contact:get': command<ContactDetail>()(z.object({ contactId: Id }).strict()),
  'timeline:list': command<Page<TimelineItem>>()(
    z.object({ contactId: Id, before: Cursor.optional(), limit: PageLimit }).strict(),
  ),
}
