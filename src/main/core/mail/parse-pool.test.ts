import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { attachmentPath } from './attachments'
import { createParsePool, parseWorkerSpec } from './parse-pool'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

describe('parseWorkerSpec', () => {
  it('starts the .ts worker through a tsx bootstrap when running from sources', () => {
    const spec = parseWorkerSpec(pathToFileURL(path.join(import.meta.dirname, 'parse-pool.ts')).href)
    expect(spec.options.eval).toBe(true)
    expect(spec.entry).toContain(pathToFileURL(path.join(import.meta.dirname, 'parse-worker.ts')).href)
    expect(spec.entry).toMatch(/tsx\/dist\/esm\/api\/index\.mjs/)
  })

  it('points at the bundled entry beside the built main file', () => {
    const spec = parseWorkerSpec('file:///app/resources/app.asar/out/main/index.js')
    expect(spec).toEqual({
      entry: new URL('file:///app/resources/app.asar/out/main/mail-parse-worker.js'),
      options: {},
    })
  })
})

describe('createParsePool', () => {
  it('parses files on a worker thread, storing attachments there and returning the raw bytes and a customer’s mood', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-pool-'))
    dirs.push(dir)
    const file = path.join(dir, 'a.eml')
    const raw = [
      'From: Anna <anna@example.de>',
      'Subject: Grüße',
      'Message-ID: <p1@x.de>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hallo',
      '--b',
      'Content-Type: application/pdf; name="r.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('PDF').toString('base64'),
      '--b--',
      '',
    ].join('\r\n')
    fs.writeFileSync(file, raw)
    const pool = createParsePool(1)
    try {
      const [ok, ours, empty] = await Promise.all([
        pool.parse({ source: 'file:a', file, dataDir: dir, own: ['support@shop.de'] }),
        pool.parse({ source: 'file:a', file, dataDir: dir, own: ['anna@example.de'] }),
        pool.parse({ source: 'mbox:x#0', raw: new Uint8Array(0), receivedAt: 1, dataDir: dir, own: [] }),
      ])
      if (!('mail' in ok) || !('mail' in ours)) throw new Error('not parsed')
      expect(ok.mail).toMatchObject({
        subject: 'Grüße',
        messageId: '<p1@x.de>',
        text: 'Hallo',
        mood: { label: 'neutral' },
      })
      expect(ours.mail.mood).toBeNull()
      expect(Buffer.from(ok.raw).toString('utf8')).toBe(raw)
      expect(fs.readFileSync(attachmentPath(dir, ok.mail.attachments[0]!.sha256)).toString()).toBe('PDF')
      expect(empty).toMatchObject({ reason: 'empty message' })
    } finally {
      await pool.close()
    }
  })

  it('is ready once a worker has loaded its code, and does without one that cannot start', async () => {
    const pool = createParsePool(1)
    try {
      expect(pool.ready()).toBe(false)
      await vi.waitFor(() => expect(pool.ready()).toBe(true), { timeout: 10_000 })
    } finally {
      await pool.close()
    }
    const failed = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const broken = createParsePool(1, { entry: path.join(os.tmpdir(), 'no-such-earshot-worker.js'), options: {} })
    try {
      await vi.waitFor(() => expect(failed).toHaveBeenCalledTimes(1))
      // Started again, it would only fail again, over and over.
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(failed).toHaveBeenCalledTimes(1)
      expect(broken.ready()).toBe(false)
    } finally {
      failed.mockRestore()
      await broken.close()
    }
  })
})
