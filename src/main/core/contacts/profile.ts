import type { ContactProfile } from '../../../shared/commands/contacts'
import type { Db } from '../store/db'
import { profileParts } from '../store/repos/contact-profile'
import { getContact, rootContact } from '../store/repos/contacts'
import { activeMergesInto } from './merge'

/** The contact view's whole picture of one contact. */
export function getContactProfile(db: Db, contactId: number): ContactProfile {
  const detail = getContact(db, contactId)
  const root = rootContact(db, contactId)
  return {
    ...detail,
    mergedIntoId: root === contactId ? null : root,
    ...profileParts(db, contactId),
    merges: activeMergesInto(db, contactId),
  }
}
