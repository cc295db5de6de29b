import fs from 'node:fs'
import path from 'node:path'
import type { Readable } from 'node:stream'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { EarshotError } from '../../../shared/errors'

/**
 * A platform's data export as it arrives: the .zip the platform offers for download, or the folder
 * it was unpacked into. Files are named by their path inside, with '/' separators.
 */
export interface ArchiveSource {
  /** Every file inside, sorted. */
  readonly names: readonly string[]
  read(name: string): Promise<Buffer>
  close(): Promise<void>
}

/** A file inside an archive larger than this is refused (and quarantined) rather than held in memory. */
export const MAX_ARCHIVE_FILE_BYTES = 512 * 1024 * 1024

export class ArchiveFileTooLarge extends Error {
  override name = 'ArchiveFileTooLarge'
}

export const isZip = (file: string): boolean => {
  const fd = fs.openSync(file, 'r')
  try {
    const head = Buffer.alloc(4)
    return fs.readSync(fd, head, 0, 4, 0) === 4 && head.readUInt32LE(0) === 0x04034b50
  } finally {
    fs.closeSync(fd)
  }
}

export async function openArchiveSource(location: string): Promise<ArchiveSource> {
  return fs.statSync(location).isDirectory() ? folderSource(location) : zipSource(location)
}

function folderSource(root: string): ArchiveSource {
  const names: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile()) names.push(path.relative(root, full).split(path.sep).join('/'))
    }
  }
  walk(root)
  names.sort()
  return {
    names,
    read: async (name) => {
      const file = path.join(root, ...name.split('/'))
      if (fs.statSync(file).size > MAX_ARCHIVE_FILE_BYTES)
        throw new ArchiveFileTooLarge(`${name} is larger than ${MAX_ARCHIVE_FILE_BYTES / 1024 / 1024} MB`)
      return fs.promises.readFile(file)
    },
    close: async () => undefined,
  }
}

async function zipSource(file: string): Promise<ArchiveSource> {
  // Entry sizes are checked against what inflates (validateEntrySizes), so a lying header cannot bloat memory.
  const unreadable = (error: unknown) =>
    new EarshotError(
      'INVALID',
      `${path.basename(file)} is not a readable zip file (${error instanceof Error ? error.message : String(error)}).`,
    )
  const zip: ZipFile = await yauzl
    .openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true })
    .catch((error: unknown) => {
      throw unreadable(error)
    })
  const entries = new Map<string, Entry>()
  try {
    for await (const entry of zip.eachEntry()) {
      if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry)
    }
  } catch (error) {
    zip.close()
    throw unreadable(error)
  }
  return {
    names: [...entries.keys()].sort(),
    async read(name) {
      const entry = entries.get(name)
      if (!entry) throw new Error(`${name} is not in the archive`)
      if (entry.uncompressedSize > MAX_ARCHIVE_FILE_BYTES)
        throw new ArchiveFileTooLarge(`${name} is larger than ${MAX_ARCHIVE_FILE_BYTES / 1024 / 1024} MB`)
      return readAll(await zip.openReadStreamPromise(entry))
    },
    close: async () => zip.close(),
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
