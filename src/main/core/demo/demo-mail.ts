import crypto from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import type { Core } from '../index'
import type { EmailSettings } from '../connectors/email/index'
import {
  DOVECOT_INSTALL_HINT,
  dovecotProcess,
  dovecotRunAs,
  findDovecot,
  freePort,
  maildirOf,
  prepareDovecotDir,
  reachableBy,
  type RunAs,
} from '../mail/dovecot'
import { setAccountState, setSetting } from '../sync/accounts'
import { addEmailAccount } from '../sync/account-setup'
import { configureEmailAccount } from '../sync/email-accounts'
import { DEMO_ACCOUNT_REASON } from './generate'
import { DEMO_MAIL_ADDRESS, DEMO_MAIL_DISPLAY_NAME, DEMO_MAIL_USER, deliverDemoMails } from './demo-mailbox'

/** Short, so mail delivered to the demo server shows up while someone is looking. */
export const DEMO_MAIL_POLL_SECONDS = 10

export type DemoMailServer =
  | { status: 'running'; port: number; imapUrl: string; accountId: number; maildir: string; close(): Promise<void> }
  | { status: 'not-installed' }
  /** The caller asked for no mail server (tests of the social emulators alone). */
  | { status: 'off' }
  | { status: 'failed'; message: string }

/** The one line the hosts print about the demo's mail server. */
export function describeDemoMailServer(server: DemoMailServer): string {
  switch (server.status) {
    case 'running':
      return `demo: mail ${server.imapUrl} (${DEMO_MAIL_ADDRESS})`
    case 'not-installed':
      return `demo: mail server: not installed (${DOVECOT_INSTALL_HINT}), the demo keeps its generated mail`
    case 'off':
      return 'demo: mail server: off, the demo keeps its generated mail'
    case 'failed':
      return `demo: mail server: could not start (${server.message.split('\n')[0] ?? ''}), the demo keeps its generated mail`
  }
}

/**
 * `<dataDir>/demo-mail`, unless the server's user cannot reach it (root runs Dovecot as nobody, and
 * a data directory under /root is closed to others): then a fixed place per data directory in the
 * temp dir, so a restart still finds its mail.
 */
export function demoMailDir(dataDir: string, who: RunAs): string {
  const inDataDir = path.join(dataDir, 'demo-mail')
  if (reachableBy(inDataDir, who)) return inDataDir
  const key = crypto.createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 12)
  return path.join(os.tmpdir(), `earshot-demo-mail-${key}`)
}

/** Creates the demo mail account once; later starts reconnect it to the new port. */
function connectDemoMailAccount(core: Core, workspaceId: number, port: number, password: string): number {
  const settings: EmailSettings = {
    imap: { host: '127.0.0.1', port, secure: false, starttls: false, user: DEMO_MAIL_USER },
    // The demo server only receives; replies wait in the outbox and fail visibly instead of leaving the machine.
    smtp: { host: '127.0.0.1', port: 1, secure: false, starttls: false },
    address: DEMO_MAIL_ADDRESS,
    aliases: [],
    folders: ['INBOX'],
  }
  const secrets = core.secretStore()
  const accountId = core.db.transaction(() => {
    const existing = core.db
      .prepare("SELECT id FROM accounts WHERE workspace_id = ? AND channel = 'email' AND handle = ?")
      .pluck()
      .get(workspaceId, DEMO_MAIL_ADDRESS) as number | undefined
    const id = existing ?? addEmailAccount(core.db, secrets, { workspaceId, settings, password })
    if (existing !== undefined) configureEmailAccount(core.db, secrets, { accountId: id, settings, password })
    core.db.prepare('UPDATE accounts SET display_name = ? WHERE id = ?').run(DEMO_MAIL_DISPLAY_NAME, id)
    setSetting(core.db, id, 'pollSeconds', String(DEMO_MAIL_POLL_SECONDS))
    setSetting(core.db, id, 'retryAt', null)
    setAccountState(core.db, id, 'active', null)
    return id
  })()
  core.events.emit('db:changed', { tables: ['accounts'], workspaceId, ids: [accountId] })
  return accountId
}

/**
 * Starts Dovecot for the demo on a free loopback port, delivers the demo's customer mails (once per
 * maildir) and points the bakery's demo mail account at it. Without Dovecot nothing is started.
 */
export async function startDemoMailServer(core: Core, workspaceId: number): Promise<DemoMailServer> {
  const binary = findDovecot()
  if (!binary) return { status: 'not-installed' }
  const who = dovecotRunAs()
  const dir = demoMailDir(core.info.dataDir, who)
  // A new password per start: nothing else ever talks to this server, and none stays valid after it.
  const password = crypto.randomBytes(18).toString('base64url')
  const port = await freePort()
  const config = { dir, port, user: DEMO_MAIL_USER, password }
  try {
    deliverDemoMails(maildirOf(dir, DEMO_MAIL_USER))
    prepareDovecotDir(config, who)
    const server = dovecotProcess(binary, config, who)
    await server.start()
    const accountId = connectDemoMailAccount(core, workspaceId, port, password)
    return {
      status: 'running',
      port,
      imapUrl: `imap://127.0.0.1:${port}`,
      accountId,
      maildir: maildirOf(dir, DEMO_MAIL_USER),
      async close() {
        // Paused, so a start without the server (--no-live, Dovecot removed) does not poll a dead port.
        setAccountState(core.db, accountId, 'paused', DEMO_ACCOUNT_REASON)
        await server.halt('SIGTERM')
      },
    }
  } catch (error) {
    return { status: 'failed', message: error instanceof Error ? error.message : String(error) }
  }
}
