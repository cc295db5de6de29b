import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { generateDemo, initializeOnFirstStart } from '../src/main/core/demo'
import { startWalCheckpointer } from '../src/main/core/store/checkpointer'
import { openDatabase } from '../src/main/core/store/db'
import { TIMELINE_EVENTS, topUpHeavyTimeline } from './renderer-timeline'
import { fmt } from './stats'

const ROOT = path.resolve(import.meta.dirname, '..')
const SEED = 2010

/** What the cached data directory holds: enough to find the workspace and the contact to open. */
export interface BenchData {
  dataDir: string
  scale: number
  messages: number
  workspaceId: number
  workspaceName: string
  workspaceMessages: number
  workspaceConversations: number
  contactId: number
  contactName: string
  contactEvents: number
}

interface Cached {
  scale: number
  seed: number
  heavyContactId: number
}

/**
 * The demo at `scale` through the real ingest path (as bench/store builds it), kept under
 * bench/.data/renderer/scale-<n> so later runs start in seconds; `rebuild` makes it again. The app
 * migrates the cached file to the current schema when it opens it.
 */
export async function benchData(scale: number, rebuild: boolean): Promise<BenchData> {
  const dataDir = path.join(ROOT, 'bench', '.data', 'renderer', `scale-${scale}`)
  const metaFile = path.join(dataDir, 'bench.json')
  if (rebuild || !fs.existsSync(metaFile)) {
    fs.rmSync(dataDir, { recursive: true, force: true })
    fs.mkdirSync(dataDir, { recursive: true })
    const db = openDatabase(path.join(dataDir, 'earshot.db'))
    const checkpointer = startWalCheckpointer(db)
    console.log(`Building the demo at scale ${scale} in ${dataDir} (cached for later runs) …`)
    const started = performance.now()
    const demo = generateDemo(db, { scale, seed: SEED })
    // Marks the directory as started once, so `earshot serve` adds nothing to it.
    initializeOnFirstStart(db, 'nothing')
    console.log(`Built ${fmt(demo.messages, 0)} messages in ${fmt((performance.now() - started) / 1000)} s`)
    await checkpointer.stop()
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
    fs.writeFileSync(
      metaFile,
      JSON.stringify({ scale, seed: SEED, heavyContactId: demo.heavyContactId } satisfies Cached),
    )
  }
  const cached = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as Cached
  topUpTimeline(dataDir, cached)
  return describeData(dataDir, cached)
}

/** Below scale 40 the heavy regular's timeline is short of 10,000 events: adds her missing orders once. */
function topUpTimeline(dataDir: string, cached: Cached): void {
  const db = openDatabase(path.join(dataDir, 'earshot.db'))
  try {
    const events = db.prepare('SELECT count(*) FROM messages WHERE contact_id = ?').pluck().get(cached.heavyContactId)
    if ((events as number) >= TIMELINE_EVENTS) return
    console.log(`Adding to the heavy regular's ${fmt(events as number, 0)} timeline events (cached for later runs) …`)
    const total = topUpHeavyTimeline(db, cached.heavyContactId, cached.seed)
    console.log(`Her timeline now holds ${fmt(total, 0)} events.`)
    db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    db.close()
  }
}

function describeData(dataDir: string, cached: Cached): BenchData {
  const db = openDatabase(path.join(dataDir, 'earshot.db'))
  try {
    const count = (sql: string, ...params: unknown[]) =>
      db
        .prepare(sql)
        .pluck()
        .get(...params) as number
    // The switcher opens the first workspace; it is the demo's largest (the bakery).
    const workspace = db
      .prepare('SELECT id, name FROM workspaces WHERE archived_at IS NULL ORDER BY id LIMIT 1')
      .get() as { id: number; name: string }
    return {
      dataDir,
      scale: cached.scale,
      messages: count('SELECT count(*) FROM messages'),
      workspaceId: workspace.id,
      workspaceName: workspace.name,
      workspaceMessages: count('SELECT count(*) FROM messages WHERE workspace_id = ?', workspace.id),
      workspaceConversations: count('SELECT count(*) FROM conversations WHERE workspace_id = ?', workspace.id),
      contactId: cached.heavyContactId,
      contactName: db
        .prepare('SELECT display_name FROM contacts WHERE id = ?')
        .pluck()
        .get(cached.heavyContactId) as string,
      contactEvents: count('SELECT count(*) FROM messages WHERE contact_id = ?', cached.heavyContactId),
    }
  } finally {
    db.close()
  }
}

/** The renderer as it is now, built into a folder of the bench's own (e2e runs rebuild out/web meanwhile). */
export function buildRenderer(): string {
  const outDir = path.join(ROOT, 'bench', '.data', 'renderer', 'web')
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'vite.web.config.ts',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  )
  return outDir
}

export interface Server {
  url: string
  stop(): Promise<void>
}

/** `earshot serve` in a process of its own, as a user runs it: its work is not the renderer's. */
export async function startServer(dataDir: string, staticDir: string): Promise<Server> {
  const args = ['serve', '--port', '0', '--no-demo', '--no-live', '--data-dir', dataDir, '--static-dir', staticDir]
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'bin', 'earshot.js'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /https?:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output)
      if (match) resolve(match[0])
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => reject(new Error(`earshot serve exited with ${code}:\n${output}`)))
  })
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
}
