import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { ImapFlow } from 'imapflow'

export const DOVECOT_BINARY = '/usr/sbin/dovecot'
export const TEST_USER = 'shop'
export const TEST_PASSWORD = 'dovecot-test-password'

/** Fails loudly (never skips): the email integration tests are part of the suite, not optional. */
export function assertDovecotInstalled(): void {
  if (!fs.existsSync(DOVECOT_BINARY)) {
    throw new Error(`Dovecot is not installed (${DOVECOT_BINARY} missing). Install it: apt-get install -y dovecot-imapd`)
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port
      server.close(() => resolve(port))
    })
  })
}

/**
 * Dovecot refuses to run its login process as root. On root machines (our CI) the whole server runs
 * as `nobody` (spawn with uid/gid), which needs the temp tree to be owned by nobody too.
 */
function runAs(): { uid?: number; gid?: number; user: string; group: string } {
  if (process.getuid?.() !== 0) {
    return { user: os.userInfo().username, group: execFileSync('id', ['-gn']).toString().trim() }
  }
  const uid = Number(execFileSync('id', ['-u', 'nobody']).toString().trim())
  const gid = Number(execFileSync('id', ['-g', 'nobody']).toString().trim())
  const group = execFileSync('id', ['-gn', 'nobody']).toString().trim()
  return { uid, gid, user: 'nobody', group }
}

function config(dir: string, port: number, who: { user: string; group: string }): string {
  return `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/base
state_dir = ${dir}/state
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${who.user}
default_internal_group = ${who.group}
default_login_user = ${who.user}
log_path = ${dir}/dovecot.log
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = static
  args = password=${TEST_PASSWORD}
}
userdb {
  driver = static
  args = home=${dir}/home/%u
}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1')
      socket.once('data', () => (socket.destroy(), resolve(true)))
      socket.once('error', () => resolve(false))
    })
    if (ok) return
    if (Date.now() > deadline) throw new Error(`Dovecot did not accept connections on ${port} within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 50))
  }
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

/** A fresh temp tree with the config, owned by the user Dovecot will run as. */
function prepareDir(port: number, who: ReturnType<typeof runAs>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-dovecot-'))
  for (const sub of ['base', 'state', 'mail', 'home']) fs.mkdirSync(path.join(dir, sub))
  fs.writeFileSync(path.join(dir, 'dovecot.conf'), config(dir, port, who))
  if (who.uid !== undefined) {
    fs.chmodSync(dir, 0o755)
    execFileSync('chown', ['-R', `${who.uid}:${who.gid}`, dir])
  }
  return dir
}

/**
 * Starts and stops one Dovecot master. It runs in its own process group (detached) so that halting it
 * also kills its imap and login children at once: otherwise their open connections linger and a
 * client notices the "crash" only at its socket timeout (~20 s).
 */
function createServerProcess(dir: string, port: number, who: ReturnType<typeof runAs>) {
  let child: ChildProcess | null = null
  const start = async () => {
    fs.rmSync(path.join(dir, 'base', 'master.pid'), { force: true })
    const spawned = spawn(DOVECOT_BINARY, ['-F', '-c', path.join(dir, 'dovecot.conf')], {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
      ...(who.uid !== undefined ? { uid: who.uid, gid: who.gid } : {}),
    })
    let stderr = ''
    spawned.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
    child = spawned
    try {
      await waitForPort(port, 20_000)
    } catch (error) {
      const log = fs.existsSync(path.join(dir, 'dovecot.log')) ? fs.readFileSync(path.join(dir, 'dovecot.log'), 'utf8') : ''
      throw new Error(`${(error as Error).message}\n${stderr}\n${log.slice(-2000)}`)
    }
  }
  const halt = async (signal: NodeJS.Signals) => {
    const running = child
    child = null
    if (!running || running.exitCode !== null || running.pid === undefined) return
    const pid = running.pid
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve())
      try {
        process.kill(-pid, signal) // the whole group: master, imap, imap-login, auth, …
      } catch {
        running.kill(signal)
      }
    })
  }
  return { start, halt }
}

export async function startDovecot(): Promise<Dovecot> {
  assertDovecotInstalled()
  const who = runAs()
  const port = await freePort()
  const dir = prepareDir(port, who)
  const server = createServerProcess(dir, port, who)
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
    maildir: path.join(dir, 'mail', TEST_USER),
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
