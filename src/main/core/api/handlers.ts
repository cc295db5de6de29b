import type { Handlers } from './dispatch'
import { accountsHandlers } from './handlers/accounts'
import { archivesHandlers } from './handlers/archives'
import { appHandlers } from './handlers/app'
import { composerHandlers } from './handlers/composer'
import { connectHandlers } from './handlers/connect'
import { contactsHandlers } from './handlers/contacts'
import { importHandlers } from './handlers/import'
import { inboxHandlers } from './handlers/inbox'
import { mailHandlers } from './handlers/mail'
import { mergeHandlers } from './handlers/merges'
import { notificationsHandlers } from './handlers/notifications'
import { openNetworksHandlers } from './handlers/openNetworks'
import { outcomesHandlers } from './handlers/outcomes'
import { policyHandlers } from './handlers/policy'
import { reportsHandlers } from './handlers/reports'
import { searchHandlers } from './handlers/search'
import { triageHandlers } from './handlers/triage'
import { watchHandlers } from './handlers/watch'
import { workspacesHandlers } from './handlers/workspaces'

/** Every command's handler, one module per feature (matching src/shared/commands/). */
export const handlers: Handlers = {
  ...appHandlers,
  ...workspacesHandlers,
  ...inboxHandlers,
  ...policyHandlers,
  ...contactsHandlers,
  ...mergeHandlers,
  ...searchHandlers,
  ...accountsHandlers,
  ...connectHandlers,
  ...mailHandlers,
  ...composerHandlers,
  ...importHandlers,
  ...archivesHandlers,
  ...watchHandlers,
  ...notificationsHandlers,
  ...triageHandlers,
  ...openNetworksHandlers,
  ...outcomesHandlers,
  ...reportsHandlers,
}
