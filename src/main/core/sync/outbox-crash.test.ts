import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, expect, it } from 'vitest'
import { startEmulators, type Emulators } from '../../../../emulators/index'
import { EventBus } from '../events'
import { openDatabase } from '../store/db'
import { createAccount } from '../store/repos/accounts'
import { createWorkspace } from '../store/repos/workspaces'
import { configureSocialAccount, socialConnectorFactory } from './connectors'
import { createSyncEngine } from './engine'
import { memorySecrets } from './harness'
import { queueReply } from './outbox-queue'

const RUNS = 50
const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '../../../..')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-outbox-crash-'))
let emulators: Emulators | null = null
afterAll(async () => {
  await emulators?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** Runs the child; kills it with SIGKILL after `killAfterMs` unless it finished first. */
function runChild(dbPath: string, accountId: number, token: string, killAfterMs: number | null): Promise<'finished' | 'killed'> {
  const runner = fs.existsSync(path.join(repo, 'bin/run-ts.js')) ? ['bin/run-ts.js'] : ['--import', 'tsx']
  const child = spawn(process.execPath, [...runner, path.join(here, 'outbox-crash-child.ts'), dbPath, String(accountId)], {
    cwd: repo, env: { ...process.env, EARSHOT_TEST_TOKEN: token }, stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs)
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer)
      if (signal === 'SIGKILL') resolve('killed')
      else if (code === 0) resolve('finished')
      else reject(new Error(`child failed (${code}): ${stderr}`))
    })
  })
}

it(`sends every reply exactly once across ${RUNS} runs killed at random moments`, async () => {
  emulators = await startEmulators({ mentions: 12, xLimits: { 'tweet:create': 100_000, 'user-tweets': 100_000 } })
  const x = emulators.x.control
  const dbPath = path.join(dir, 'earshot.db')
  const db = openDatabase(dbPath)
  const accountId = createAccount(db, { workspaceId: createWorkspace(db, { name: 'Crash' }), channel: 'x', handle: 'sonne', displayName: 'Sonne' })
  const secrets = memorySecrets()
  configureSocialAccount(db, secrets, { accountId, baseUrl: emulators.x.baseUrl, token: x.token ?? '', providerId: x.me.id })
  await createSyncEngine({ db, events: new EventBus(), secrets, connectorFor: socialConnectorFactory({ db, secrets }) }).syncOnce(accountId)
  const threads = db.prepare('SELECT id FROM conversations WHERE account_id = ?').all(accountId) as { id: number }[]
  // Every send waits a little at the provider, so kills land before, during and after the request.
  x.fault('tweet:create', { kind: 'delay', ms: 15 }, 10_000)

  const random = (() => { let s = 42; return () => ((s = (s * 16807) % 2147483647) / 2147483647) })()
  const outcomes = { killed: 0, finished: 0 }
  for (let run = 0; run < RUNS; run++) {
    for (let i = 0; i < 2; i++) {
      const thread = threads[(run * 2 + i) % threads.length]
      if (thread) queueReply(db, { conversationId: thread.id, bodyText: `Antwort ${run}-${i}: Danke, wir kümmern uns!` })
    }
    outcomes[await runChild(dbPath, accountId, x.token ?? '', 350 + Math.floor(random() * 700))]++
    assertNothingSentThatIsNotThere(db, x.posted().map((p) => p.id))
  }
  expect(await runChild(dbPath, accountId, x.token ?? '', null)).toBe('finished')

  const rows = db.prepare('SELECT body_text, state, remote_id FROM outbox ORDER BY id').all() as { body_text: string; state: string; remote_id: string }[]
  expect(rows).toHaveLength(RUNS * 2)
  expect(rows.every((r) => r.state === 'sent')).toBe(true)
  const texts = x.posted().map((p) => p.text)
  expect(texts.length).toBe(new Set(texts).size)
  expect(new Set(texts)).toEqual(new Set(rows.map((r) => r.body_text)))
  expect(outcomes.killed).toBeGreaterThan(5)
  db.close()
}, 180_000)

function assertNothingSentThatIsNotThere(db: ReturnType<typeof openDatabase>, postedIds: string[]) {
  const sent = db.prepare("SELECT remote_id FROM outbox WHERE state = 'sent'").all() as { remote_id: string }[]
  const posted = new Set(postedIds)
  expect(sent.filter((r) => !posted.has(r.remote_id))).toEqual([])
}
