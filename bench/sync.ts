import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { EventBus } from '../src/main/core/events'
import { startWalCheckpointer } from '../src/main/core/store/checkpointer'
import { openDatabase } from '../src/main/core/store/db'
import { createAccount } from '../src/main/core/store/repos/accounts'
import { createWorkspace } from '../src/main/core/store/repos/workspaces'
import { configureSocialAccount, socialConnectorFactory } from '../src/main/core/sync/connectors'
import { createSyncEngine } from '../src/main/core/sync/engine'
import { memorySecrets } from '../src/main/core/sync/harness'
import { startStallProbe } from './stats'

/**
 * `npm run bench -- sync [--mentions N]`: first sync of N X mentions (100 per page) from the emulator,
 * run in a process of its own, into a temp file DB; prints mentions/s and the host's worst stall.
 */
export default async function (args: string[]): Promise<void> {
  const flag = args.indexOf('--mentions')
  const mentions = flag >= 0 ? Number(args[flag + 1]) : 20_000
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-bench-sync-'))
  const { child, baseUrl, token } = await startEmulatorProcess(mentions)
  try {
    const db = openDatabase(path.join(dir, 'earshot.db'))
    const checkpointer = startWalCheckpointer(db)
    const accountId = createAccount(db, { workspaceId: createWorkspace(db, { name: 'Bench' }), channel: 'x', handle: 'sonne', displayName: 'Sonne' })
    const secrets = memorySecrets()
    configureSocialAccount(db, secrets, { accountId, baseUrl, token })
    const engine = createSyncEngine({ db, events: new EventBus(), secrets, connectorFor: socialConnectorFactory({ db, secrets, pageSize: 100 }) })
    // The engine's ingest thread starts with the host; what is measured is a started host's sync.
    await engine.ready()
    const stalls = startStallProbe()
    const started = performance.now()
    const outcome = await engine.syncOnce(accountId)
    const seconds = (performance.now() - started) / 1000
    const worstStallMs = stalls.stop()
    if (outcome.status !== 'synced') throw new Error(`sync failed: ${JSON.stringify(outcome)}`)
    const figures = {
      mentions,
      inserted: outcome.inserted,
      seconds: Number(seconds.toFixed(2)),
      mentionsPerSecond: Math.round(outcome.inserted / seconds),
      worstStallMs: Number(worstStallMs.toFixed(1)),
    }
    console.table(figures)
    console.log(`JSON ${JSON.stringify({ bench: 'sync', ...figures })}`)
    await checkpointer.stop()
    db.close()
  } finally {
    child.kill('SIGTERM')
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** The emulator runs in its own process, so its work is not counted as the host's stall. */
async function startEmulatorProcess(mentions: number): Promise<{ child: ChildProcess; baseUrl: string; token: string }> {
  const root = path.resolve(import.meta.dirname, '..')
  const child = spawn(process.execPath, [path.join(root, 'bin', 'run-ts.js'), path.join(root, 'bench', 'emulator-process.ts'), String(mentions)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const [line] = (await once(child.stdout!, 'data')) as [Buffer]
  const { baseUrl, token } = JSON.parse(line.toString().split('\n')[0]!) as { baseUrl: string; token: string }
  return { child, baseUrl, token }
}
