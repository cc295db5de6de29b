import type { Db } from '../store/db'
import { secretRef, type SecretStore } from '../secrets'
import type { PullPage } from '../connectors/types'
import { createEmailConnector, createEmailPageWriter, EmailSettings, type EmailConnector, type EmailPullPage } from '../connectors/email/index'
import { createThreadRepo } from '../mail/repo'
import { getSetting, setSetting, type SyncAccount } from './accounts'
import type { PageWriter } from './engine'

/** account_settings key holding an email account's EmailSettings as JSON (never the password). */
export const EMAIL_SETTINGS_KEY = 'email'
/** The secret name under which an email account's IMAP/SMTP password is kept. */
export const PASSWORD_SECRET = 'password'

/** Stores a mail account's connection settings and its password (the latter in the SecretStore only). */
export function configureEmailAccount(db: Db, secrets: SecretStore, arg: { accountId: number; settings: EmailSettings; password: string }): void {
  // Parsed again so a caller cannot store settings the runtime would later refuse to read.
  const settings = EmailSettings.parse(arg.settings)
  setSetting(db, arg.accountId, EMAIL_SETTINGS_KEY, JSON.stringify(settings))
  secrets.set(secretRef(arg.accountId, PASSWORD_SECRET), arg.password)
}

/** The account's stored settings; null when there are none or they no longer match the schema. */
export function loadEmailSettings(db: Db, accountId: number): EmailSettings | null {
  const stored = getSetting(db, accountId, EMAIL_SETTINGS_KEY)
  if (!stored) return null
  try {
    const parsed = EmailSettings.safeParse(JSON.parse(stored))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/**
 * IMAP/SMTP connectors for email accounts with settings and a password. Imported and demo mail
 * accounts have neither, so they get none (and stay paused anyway).
 */
export function emailConnectorFactory(deps: { db: Db; secrets: SecretStore; dataDir: string }) {
  return (account: SyncAccount): EmailConnector | null => {
    if (account.channel !== 'email') return null
    const settings = loadEmailSettings(deps.db, account.id)
    const ref = secretRef(account.id, PASSWORD_SECRET)
    if (!settings || !deps.secrets.get(ref)) return null
    return createEmailConnector({
      settings,
      // Read on each connection, so a password changed meanwhile is picked up without a restart.
      credentials: () => ({ password: deps.secrets.get(ref) ?? '' }),
      threads: createThreadRepo(deps.db, account.id),
      dataDir: deps.dataDir,
    })
  }
}

const isEmailPage = (page: PullPage): page is EmailPullPage => 'attachments' in page && 'quarantined' in page

/** Mail pages also carry attachment rows and quarantined input: stored with the items in one transaction. */
export function emailPageWriterFor(db: Db) {
  return (account: SyncAccount): PageWriter | null => {
    if (account.channel !== 'email') return null
    const writeMailPage = createEmailPageWriter(db, account.id)
    return (page) => {
      if (!isEmailPage(page)) throw new Error(`Account ${account.id} produced a page without mail extras.`)
      return writeMailPage(page)
    }
  }
}
