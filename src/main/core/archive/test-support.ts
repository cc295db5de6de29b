import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import yazl from 'yazl'
import { openDatabase, type Db } from '../store/db'
import { createWorkspace } from '../store/repos/workspaces'

/**
 * Temp folders and file stores for the archive import tests; for tests only. Each test file calls
 * `afterEach(fixtures.cleanup)`.
 */
export function archiveFixtures() {
  const dirs: string[] = []
  const dbs: Db[] = []
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-archive-'))
    dirs.push(dir)
    return dir
  }
  return {
    tempDir,
    /** A store in a file: the import runs on a worker thread with its own connection. */
    fileStore() {
      const db = openDatabase(path.join(tempDir(), 'earshot.db'))
      dbs.push(db)
      return { db, workspaceId: createWorkspace(db, { name: 'Bäckerei' }) }
    },
    cleanup() {
      dbs.splice(0).forEach((db) => db.close())
      dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }))
    },
  }
}

export const rows = (db: Db, sql: string, ...params: unknown[]) => db.prepare(sql).all(...params)
export const value = (db: Db, sql: string, ...params: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...params)

export async function writeZip(file: string, files: Record<string, string | Buffer>): Promise<string> {
  const zip = new yazl.ZipFile()
  for (const [name, content] of Object.entries(files))
    zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content), name)
  zip.end()
  await new Promise<void>((resolve, reject) =>
    zip.outputStream.pipe(fs.createWriteStream(file)).on('close', resolve).on('error', reject),
  )
  return file
}

export function writeFolder(root: string, files: Record<string, string | Buffer>): string {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true })
    fs.writeFileSync(path.join(root, name), content)
  }
  return root
}
