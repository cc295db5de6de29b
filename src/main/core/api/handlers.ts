import type { Handlers } from './dispatch'
import { accountsHandlers } from './handlers/accounts'
import { appHandlers } from './handlers/app'
import { contactsHandlers } from './handlers/contacts'
import { importHandlers } from './handlers/import'
import { inboxHandlers } from './handlers/inbox'
import { searchHandlers } from './handlers/search'
import { workspacesHandlers } from './handlers/workspaces'

/** Every command's handler, one module per feature (matching src/shared/commands/). */
export const handlers: Handlers = {
  ...appHandlers,
  ...workspacesHandlers,
  ...inboxHandlers,
  ...contactsHandlers,
  ...searchHandlers,
  ...accountsHandlers,
  ...importHandlers,
}
