import fs from 'node:fs'
import path from 'node:path'
import { EarshotError } from '../../../shared/errors'

export interface DataDirLock {
  release(): void
}

interface LockInfo {
  pid: number
  host: string
  startedAt: string
}

const LOCK_FILE = 'earshot.lock'

/**
 * One writer per data directory. The lock is a file created exclusively, holding the owner's pid;
 * a lock left by a process that no longer runs (a crash, a SIGKILL) is taken over.
 */
export function acquireDataDirLock(dataDir: string, host: string): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE)
  const info: LockInfo = { pid: process.pid, host, startedAt: new Date().toISOString() }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx' })
      return { release: () => releaseIfOurs(file) }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = readLock(file)
      if (holder && holder.pid !== process.pid && isRunning(holder.pid)) {
        throw new EarshotError(
          'CONFLICT',
          `The data directory ${dataDir} is in use by process ${holder.pid} (${holder.host}, started ${holder.startedAt}). ` +
            'Close that Earshot first, or choose another data directory.',
        )
      }
      fs.rmSync(file, { force: true })
    }
  }
  throw new EarshotError('CONFLICT', `Could not lock the data directory ${dataDir}.`)
}

function readLock(file: string): LockInfo | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockInfo>
    return typeof parsed.pid === 'number' ? (parsed as LockInfo) : null
  } catch {
    return null
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function releaseIfOurs(file: string): void {
  if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true })
}
