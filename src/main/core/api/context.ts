import type { AppInfo } from '../../../shared/contract'
import type { Db } from '../store/db'
import type { EventBus } from '../events'
import type { SecretStore } from '../secrets'
import type { BackgroundWork } from '../sync/runtime'

/** What every handler may use. Handlers are plain functions of (context, parsed argument). */
export interface CoreContext {
  db: Db
  events: EventBus
  info: AppInfo
  /** The name written to notes and the audit log as the author of user actions. */
  actor: string
  /** Sync and outbox, while a host runs them; null for readers (CLI search, stats, export). */
  background: BackgroundWork | null
  /** Account credentials (writers only; null for readers). */
  secrets?: SecretStore | null
  /** Opens a web address in the user's browser; only the desktop shell can (the web host's page links out itself). */
  openExternal?: ((url: string) => Promise<void>) | null
}
