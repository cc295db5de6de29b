import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

/**
 * A local, unprivileged Dovecot IMAP server on loopback: the demo's mail server and the email
 * integration tests' server (test/dovecot wraps this). One static user, one maildir, no TLS.
 */

export const DOVECOT_INSTALL_HINT = 'apt-get install dovecot-imapd'
const WELL_KNOWN_BINARY = '/usr/sbin/dovecot'

/** The dovecot binary: Debian's path first, then PATH (Homebrew and others install it elsewhere). */
export function findDovecot(env: NodeJS.ProcessEnv = process.env): string | null {
  if (fs.existsSync(WELL_KNOWN_BINARY)) return WELL_KNOWN_BINARY
  for (const dir of (env['PATH'] ?? '').split(path.delimiter)) {
    if (!dir) continue
    const candidate = path.join(dir, 'dovecot')
    try {
      fs.accessSync(candidate, fs.constants.X_OK)
      return candidate
    } catch {
      // not in this PATH entry
    }
  }
  return null
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

export interface RunAs {
  uid?: number
  gid?: number
  user: string
  group: string
}

/**
 * Dovecot refuses to run its login process as root. On root machines (our CI) the whole server runs
 * as `nobody` (spawn with uid/gid), which needs its tree to be owned by nobody too.
 */
export function dovecotRunAs(): RunAs {
  if (process.getuid?.() !== 0) {
    return { user: os.userInfo().username, group: execFileSync('id', ['-gn']).toString().trim() }
  }
  const uid = Number(execFileSync('id', ['-u', 'nobody']).toString().trim())
  const gid = Number(execFileSync('id', ['-g', 'nobody']).toString().trim())
  const group = execFileSync('id', ['-gn', 'nobody']).toString().trim()
  return { uid, gid, user: 'nobody', group }
}

/**
 * True when `who` can reach `dir`: always for the current user; for `nobody` every ancestor must be
 * traversable by others (a data directory under /root is not, and we never loosen its mode).
 */
export function reachableBy(dir: string, who: RunAs): boolean {
  if (who.uid === undefined) return true
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    try {
      if ((fs.statSync(current).mode & 0o001) === 0) return false
    } catch {
      // Not created yet: it will be created with a traversable mode; check its parent.
    }
    if (path.dirname(current) === current) return true
  }
}

export interface DovecotConfig {
  dir: string
  port: number
  user: string
  password: string
}

/** Mail lives in <dir>/mail/<user>; base_dir, state_dir and the log stay under <dir> too. */
export function dovecotConfig(config: DovecotConfig, who: RunAs): string {
  const { dir, port, password } = config
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
  args = password=${password}
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

export const maildirOf = (dir: string, user: string): string => path.join(dir, 'mail', user)

/**
 * Creates (or reuses) the tree and (re)writes the config: the port changes on every start, the mail
 * stays. Hands the tree to the user Dovecot runs as.
 */
export function prepareDovecotDir(config: DovecotConfig, who: RunAs): void {
  for (const sub of ['base', 'state', 'mail', 'home']) fs.mkdirSync(path.join(config.dir, sub), { recursive: true })
  fs.writeFileSync(path.join(config.dir, 'dovecot.conf'), dovecotConfig(config, who), { mode: 0o600 })
  handOver(config.dir, who)
}

/** Gives `dir` (recursively) to the server's user, when that is not us. */
export function handOver(dir: string, who: RunAs): void {
  if (who.uid === undefined) return
  fs.chmodSync(dir, 0o755)
  execFileSync('chown', ['-R', `${who.uid}:${who.gid}`, dir])
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

export interface DovecotProcess {
  start(): Promise<void>
  /** Stops the master and its children (the whole process group). */
  halt(signal: NodeJS.Signals): Promise<void>
}

/**
 * Starts and stops one Dovecot master. It runs in its own process group (detached) so that halting it
 * also kills its imap and login children at once: otherwise their open connections linger and a
 * client notices the stop only at its socket timeout (~20 s).
 */
export function dovecotProcess(binary: string, config: DovecotConfig, who: RunAs): DovecotProcess {
  const { dir, port } = config
  let child: ChildProcess | null = null
  const start = async () => {
    // A master killed hard leaves its pid file behind, and Dovecot would refuse to start over it.
    fs.rmSync(path.join(dir, 'base', 'master.pid'), { force: true })
    const spawned = spawn(binary, ['-F', '-c', path.join(dir, 'dovecot.conf')], {
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
      await halt('SIGKILL')
      const log = fs.existsSync(path.join(dir, 'dovecot.log')) ? fs.readFileSync(path.join(dir, 'dovecot.log'), 'utf8') : ''
      throw new Error(`${(error as Error).message}\n${stderr}\n${log.slice(-2000)}`)
    }
  }
  const halt = async (signal: NodeJS.Signals) => {
    const running = child
    child = null
    if (!running || running.exitCode !== null || running.signalCode !== null || running.pid === undefined) return
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
