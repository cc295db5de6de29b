import type { ThreadRepo } from '../../mail/repo'
import type { Connector, OutboxJob } from '../types'
import { connect, foldersToSync, imapClient, syncFolder, type EmailPullPage } from './imap'
import type { EmailCredentials, EmailSettings } from './settings'
import { findSentReply, sendReply } from './smtp'

export interface EmailConnectorOptions {
  settings: EmailSettings
  /** Read from the secret store on each connection, so a reconnect picks up a refreshed token. */
  credentials: () => EmailCredentials
  /** Thread look-ups against the account's stored messages (createThreadRepo(db, accountId)). */
  threads: ThreadRepo
  /** Attachment content goes to `<dataDir>/attachments/…`. */
  dataDir: string
}

export interface EmailConnector extends Connector {
  pull(cursors: ReadonlyMap<string, string>, signal: AbortSignal): AsyncIterable<EmailPullPage>
}

/** IMAP for reading (streams = folder names, cursor = folder state), SMTP for replies. */
export function createEmailConnector(options: EmailConnectorOptions): EmailConnector {
  const { settings } = options
  return {
    channel: 'email',
    async *pull(cursors, signal) {
      const client = imapClient(settings, options.credentials())
      await connect(client)
      try {
        const ctx = { client, settings, threads: options.threads, dataDir: options.dataDir, signal }
        for (const folder of await foldersToSync(client, settings)) {
          yield* syncFolder(ctx, folder, cursors.get(folder))
        }
      } finally {
        await client.logout().catch(() => client.close())
      }
    },
    send: (job: OutboxJob, signal: AbortSignal) => sendReply(job, settings, options.credentials(), signal),
    findSent: (job: OutboxJob, signal: AbortSignal) => findSentReply(job, settings, options.credentials(), signal),
  }
}
