import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import yazl from 'yazl'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFeedsEmulator, type FeedsEmulator } from '../../../emulators/feeds/server'
import type { WatchedFeed } from '../../shared/contract'

const REPO = path.resolve(import.meta.dirname, '../../..')
const BIN = path.join(REPO, 'bin', 'earshot.js')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-cli-watch-'))

/** The real CLI in its own process; async, because the feed server it reads runs in this one. */
function earshot(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, env: { ...process.env, EARSHOT_DATA_DIR: '' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

let feeds: FeedsEmulator
beforeAll(async () => {
  feeds = await startFeedsEmulator({ seed: 5 })
})
afterAll(async () => {
  await feeds.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

// Each step spawns real CLI processes (~1 s of tsx start-up each, more on a loaded machine).
describe('earshot watch', { timeout: 180_000 }, () => {
  it('adds a feed with keywords, checks it, lists it, and shows a broken feed as its own error', async () => {
    const dataDir = path.join(tmp, 'watch')
    const added = await earshot([
      'watch',
      'add',
      feeds.control.url('blog'),
      '--keyword',
      'Sonnenschein',
      '--data-dir',
      dataDir,
    ])
    expect(added.code).toBe(0)
    expect(added.stdout).toMatch(
      /^Feed 1 added to "Web watch": http:\/\/127\.0\.0\.1:\d+\/blog\/rss\.xml \(entries naming "Sonnenschein"\)/,
    )
    expect((await earshot(['watch', 'add', feeds.control.url('reviews'), '--data-dir', dataDir])).code).toBe(0)

    const checked = await earshot(['watch', 'check', '--data-dir', dataDir])
    expect(checked.code).toBe(0)
    expect(
      checked.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('\t').slice(0, 3)),
    ).toEqual([
      ['1', 'Web watch', 'ok'],
      ['2', 'Web watch', 'ok'],
    ])

    const listed = JSON.parse(
      (await earshot(['watch', 'list', '--json', '--data-dir', dataDir])).stdout,
    ) as (WatchedFeed & { workspace: string })[]
    const aboutShop = feeds.control.state.feeds.blog.posts.filter((p) => p.html.includes('Sonnenschein')).length
    expect(listed.map((f) => [f.id, f.keywords, f.entryCount])).toEqual([
      [1, ['Sonnenschein'], aboutShop],
      [2, [], feeds.control.state.feeds.reviews.posts.length],
    ])

    feeds.control.fault('reviews', { kind: 'malformed' })
    const broken = await earshot(['watch', 'check', '--data-dir', dataDir])
    expect(broken.code).toBe(1)
    expect(broken.stdout).toMatch(/^1\tWeb watch\tok\t/m)
    expect(broken.stdout).toMatch(/^2\tWeb watch\terror\t.*\tThe feed is not valid XML/m)

    // One writer per data directory: these run one after the other.
    expect((await earshot(['watch', 'remove', '2', '--data-dir', dataDir])).stdout).toContain(
      'Feed 2 is no longer watched',
    )
    const refused = await earshot(['watch', 'add', 'file:///etc/passwd', '--data-dir', dataDir])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('must be an http:// or https:// address')
  })
})

describe('earshot import of archives', { timeout: 180_000 }, () => {
  it('recognises an X archive and a contacts CSV, guessing the CSV mapping or taking --map', async () => {
    const dataDir = path.join(tmp, 'import')
    const zipFile = path.join(tmp, 'twitter.zip')
    const zip = new yazl.ZipFile()
    zip.addBuffer(
      Buffer.from('window.YTD.account.part0 = [{"account":{"accountId":"9","username":"laden"}}]'),
      'data/account.js',
    )
    zip.addBuffer(
      Buffer.from(
        'window.YTD.tweets.part0 = [{"tweet":{"id_str":"1","full_text":"@anna Danke!","created_at":"Fri Nov 10 08:47:52 +0000 2023","in_reply_to_status_id_str":"0","in_reply_to_user_id_str":"5","in_reply_to_screen_name":"anna"}}]',
      ),
      'data/tweets.js',
    )
    zip.end()
    await new Promise<void>((resolve) => zip.outputStream.pipe(fs.createWriteStream(zipFile)).on('close', () => resolve()))
    const csv = path.join(tmp, 'kunden.csv')
    fs.writeFileSync(csv, 'Name;E-Mail\nAnna Schmidt;anna@example.de\n')

    const first = await earshot(['import', zipFile, csv, '--data-dir', dataDir])
    expect(first.code).toBe(0)
    expect(first.stderr).toContain(`Reading ${csv} with --map name=Name,email=E-Mail`)
    expect(first.stdout.trim().split('\n')).toEqual([
      'Imported 1 new of 1 messages from X archive twitter.zip into "Imported mail".',
      'Imported 1 new of 1 contacts from contacts kunden.csv into "Imported mail".',
    ])
    const again = await earshot(['import', csv, '--map', 'name=Name', '--map', 'email=E-Mail', '--data-dir', dataDir])
    expect(again.stdout.trim()).toBe('Imported 0 new of 1 contacts from contacts kunden.csv into "Imported mail".')
    const badMap = await earshot(['import', csv, '--map', 'phone=Telefon', '--data-dir', dataDir])
    expect(badMap.code).toBe(2)
    expect(badMap.stderr).toContain('--map knows the fields name, firstName, lastName, email, x, not "phone"')
  })
})
