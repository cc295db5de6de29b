import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ImapFlow } from 'imapflow'
import {
  DOVECOT_INSTALL_HINT,
  dovecotProcess,
  dovecotRunAs,
  findDovecot,
  freePort,
  maildirOf,
  prepareDovecotDir,
} from '../../src/main/core/mail/dovecot'

export { freePort }

export const TEST_USER = 'shop'
export const TEST_PASSWORD = 'dovecot-test-password'

/** Fails loudly (never skips): the email integration tests are part of the suite, not optional. */
export function assertDovecotInstalled(): string {
  const binary = findDovecot()
  if (!binary) throw new Error(`Dovecot is not installed (no dovecot in /usr/sbin or on PATH). Install it: ${DOVECOT_INSTALL_HINT}`)
  return binary
}

export interface Dovecot {
  host: string
  port: number
  user: string
  password: string
  dir: string
  maildir: string
  stop(): Promise<void>
  /** Kills the server hard (as a crash would) and starts it again on the same port and data. */
  restart(): Promise<void>
  kill(): Promise<void>
  start(): Promise<void>
  /** Delivers a message by APPEND (the way a real MTA's LDA would add it, with a fresh UID). */
  append(folder: string, raw: string | Buffer, flags?: string[]): Promise<void>
  /** A logged-in imapflow client for test manipulations (flags, expunge, folder recreation). */
  client(): Promise<ImapFlow>
}

export async function startDovecot(): Promise<Dovecot> {
  const binary = assertDovecotInstalled()
  const who = dovecotRunAs()
  const port = await freePort()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-dovecot-'))
  const config = { dir, port, user: TEST_USER, password: TEST_PASSWORD }
  prepareDovecotDir(config, who)
  const server = dovecotProcess(binary, config, who)
  await server.start()

  const client = async () => {
    const c = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user: TEST_USER, pass: TEST_PASSWORD }, logger: false })
    await c.connect()
    return c
  }
  return {
    host: '127.0.0.1',
    port,
    user: TEST_USER,
    password: TEST_PASSWORD,
    dir,
    maildir: maildirOf(dir, TEST_USER),
    start: server.start,
    kill: () => server.halt('SIGKILL'),
    stop: async () => {
      await server.halt('SIGTERM')
      fs.rmSync(dir, { recursive: true, force: true })
    },
    restart: async () => {
      await server.halt('SIGKILL')
      await server.start()
    },
    client,
    append: async (folder, raw, flags = []) => {
      const c = await client()
      try {
        await c.append(folder, raw, flags)
      } finally {
        await c.logout()
      }
    },
  }
}
