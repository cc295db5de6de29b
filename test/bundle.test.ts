import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportWorkerData, WorkerReply } from '../src/main/core/import/import'
import { openDatabase } from '../src/main/core/store/db'
import { createWorkspace } from '../src/main/core/store/repos/workspaces'
import { buildApp } from '../scripts/app-build'

/**
 * The desktop app runs its worker threads from the Electron build (out/main), which no other test
 * loads: tests and the CLI run the TypeScript sources. Each thread is found by a URL relative to the
 * file that starts it, so a build that moves a caller (into a chunk folder, say) breaks it silently.
 */
let outDir: string
let main: string

beforeAll(() => {
  outDir = buildApp('earshot-build-')
  main = path.join(outDir, 'main')
}, 120_000)

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }))

const bundleFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => path.join(e.parentPath, e.name))

/** Every module a bundle file loads before its own code runs: its static imports, transitively. */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(/^import\s(?:[^"']*\sfrom\s)?["']([^"']+)["']/gm)) {
    if (seen.has(spec!)) continue
    seen.add(spec!)
    if (spec!.startsWith('.')) staticImports(path.join(path.dirname(file), spec!), seen)
  }
  return seen
}

describe('the Electron main bundle', () => {
  it('has every worker thread beside the code that starts it', () => {
    const started = bundleFiles(main).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/["'`]([\w-]+-worker\.js)["'`]/g)].map((m) => ({
        file,
        worker: m[1]!,
      })),
    )
    expect(new Set(started.map((s) => s.worker))).toEqual(
      new Set([
        'mail-parse-worker.js',
        'mail-import-worker.js',
        'archive-import-worker.js',
        'wal-checkpoint-worker.js',
        'sync-ingest-worker.js',
        'workspace-export-worker.js',
      ]),
    )
    const missing = started.filter(({ file, worker }) => !fs.existsSync(path.join(path.dirname(file), worker)))
    expect(missing).toEqual([])
  })

  it('starts the parse workers before the import worker loads the store or the parser', () => {
    // import-worker.ts starts the parse pool first; what its entry imports statically loads before.
    const first = staticImports(path.join(main, 'mail-import-worker.js'))
    expect(first).not.toContain('better-sqlite3')
    expect(first).not.toContain('postal-mime')
    expect(staticImports(path.join(main, 'mail-parse-worker.js'))).toContain('postal-mime')
  })

  it('imports mail on its own threads: import, parse and checkpoint workers start and finish', async () => {
    const dir = fs.mkdtempSync(path.join(outDir, 'import-'))
    const maildir = path.join(dir, 'Maildir')
    for (const sub of ['cur', 'new', 'tmp']) fs.mkdirSync(path.join(maildir, sub), { recursive: true })
    // Enough messages that the import starts its parse workers (parsers.ts SMALL_IMPORT); every tenth is
    // HTML, which the threads sanitise with a library they load on first use (core/sanitize-html.ts).
    for (let i = 0; i < 300; i++) {
      const html = i % 10 === 0
      const mail = [
        `From: Kunde ${i} <kunde${i}@example.de>`,
        'To: support@shop.de',
        `Subject: Bestellung ${i}`,
        `Message-ID: <b${i}@example.de>`,
        'Date: Tue, 14 Nov 2023 10:00:00 +0100',
        ...(html ? ['Content-Type: text/html; charset=utf-8'] : []),
        '',
        html
          ? '<p>Wo bleibt mein Paket?<img src="https://tracker.example/p.gif"></p><script>x()</script>'
          : 'Wo bleibt mein Paket?',
        '',
      ].join('\n')
      fs.writeFileSync(path.join(maildir, 'cur', `${1700000000 + i}.M${i}.host:2,S`), mail)
    }
    const dbFile = path.join(dir, 'earshot.db')
    const db = openDatabase(dbFile)
    const workspaceId = createWorkspace(db, { name: 'Build shop' })
    db.close()

    const data: ImportWorkerData = { dbFile, options: { workspaceId, paths: [maildir], dataDir: dir, workers: 1 } }
    const worker = new Worker(path.join(main, 'mail-import-worker.js'), { workerData: data, stderr: true })
    let stderr = ''
    worker.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const reply = await new Promise<WorkerReply>((resolve, reject) => {
      worker.on('message', (message: WorkerReply) => message.type !== 'progress' && resolve(message))
      worker.on('error', reject)
    })
    await new Promise((resolve) => worker.once('exit', resolve))
    expect(reply).toMatchObject({ type: 'done', result: { done: 300, inserted: 300, quarantined: 0 } })
    const stored = openDatabase(dbFile)
    const htmlBodies = stored.prepare('SELECT body_html FROM messages WHERE body_html IS NOT NULL').pluck().all()
    stored.close()
    expect(htmlBodies).toHaveLength(30)
    for (const body of htmlBodies)
      expect(body).toMatch(/^<p>Wo bleibt mein Paket\?<img [^>]*data-earshot-src="https:\/\/tracker\.example\/p\.gif"/)
    // A thread that cannot start is reported there, and the import goes on without it.
    expect(stderr).toBe('')
  }, 60_000)
})
