import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import PostalMime from 'postal-mime'
import { afterAll, describe, expect, it } from 'vitest'
import { generateMaildir } from '../../../../bench/import'
import { parseMail, repairHeaderBytes } from './parse'
import { readSimpleMail, type MailFields } from './simple-mail'
import { head, lf, NOT_SIMPLE, SIMPLE } from './simple-mail.corpus'

/** postal-mime's answer for the same bytes, cut to the fields the shortcut gives, keys present only where set. */
async function postalMimeFields(raw: Buffer): Promise<Partial<MailFields>> {
  const mail = await PostalMime.parse(raw, { forceRfc822Attachments: true, attachmentEncoding: 'arraybuffer' })
  const keys = [
    'headerLines',
    'date',
    'from',
    'to',
    'cc',
    'subject',
    'messageId',
    'inReplyTo',
    'references',
    'text',
    'html',
    'attachments',
  ] as const
  return Object.fromEntries(keys.filter((k) => mail[k] !== undefined).map((k) => [k, mail[k]]))
}

/** The shortcut either declines or gives exactly postal-mime's result; returns whether it took the mail. */
async function expectSameAsPostalMime(raw: Buffer): Promise<boolean> {
  const repaired = repairHeaderBytes(raw)
  const simple = readSimpleMail(repaired)
  if (simple) expect(simple).toStrictEqual(await postalMimeFields(repaired))
  return simple !== null
}

describe('readSimpleMail', () => {
  it.each(Object.entries(SIMPLE))('reads %s exactly as postal-mime does', async (_name, raw) => {
    expect(await expectSameAsPostalMime(raw)).toBe(true)
  })

  it.each(Object.entries(NOT_SIMPLE))('leaves %s to postal-mime', (_name, raw) => {
    expect(readSimpleMail(repairHeaderBytes(raw))).toBeNull()
  })

  it('agrees with postal-mime on the broken and exotic corpus of the import tests, whichever it takes', async () => {
    const mail = (id: string, body: string, extra: string[] = []) =>
      lf(
        'From: Anna <anna@example.de>',
        'To: support@shop.de',
        `Subject: Frage ${id}`,
        `Message-ID: <${id}@example.de>`,
        'Date: Tue, 14 Nov 2023 10:00:00 +0100',
        ...extra,
        '',
        body,
        '',
      )
    const corpus = [
      Buffer.alloc(0),
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
      mail('bc', 'text', ['Content-Type: text/plain; charset=x-no-such-charset']),
      lf('From: a@b.de', 'Subject: undated', 'Message-ID: <nd@b.de>', '', 'body', ''),
      Buffer.concat([
        Buffer.from('From: "M\xfcller" <m@b.de>\nSubject: Gr\xfc\xdfe\n', 'latin1'),
        Buffer.from('\nbody\n'),
      ]),
      lf('From: c@d.de', 'Subject: anonymous', '', 'no id', ''),
      lf(
        'From: a@b.de',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        'see attachment',
        '--b',
        'Content-Type: application/octet-stream; name="big.bin"',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.alloc(3000, 7).toString('base64'),
        '--b--',
        '',
      ),
      Buffer.concat([
        mail('nest', '', ['MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="a"']),
        lf('--a', 'Content-Type: message/rfc822', ''),
        mail('inner', 'inner body'),
        lf('--a--', ''),
      ]),
    ]
    const taken = []
    for (const raw of corpus) taken.push(await expectSameAsPostalMime(raw))
    expect(taken).toEqual([true, true, false, true, true, true, true, false])
  })

  it('leaves a header block beyond postal-mime’s limit to postal-mime, which refuses it', async () => {
    const raw = lf(...head, ...Array.from({ length: 30_000 }, (_, i) => `X-Filler-${i}: ${'x'.repeat(64)}`), '', 'body')
    expect(readSimpleMail(raw)).toBeNull()
    await expect(parseMail(raw, { receivedAt: 0 })).rejects.toThrow(/header size/)
  })
})

describe('readSimpleMail on the import benchmark’s corpus', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-simple-mail-'))
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

  it('takes every mail and gives postal-mime’s result for each', async () => {
    const maildir = path.join(root, 'Maildir')
    generateMaildir(maildir, 1_500)
    const files = fs.readdirSync(path.join(maildir, 'cur'))
    let simple = 0
    for (const name of files) {
      const raw = fs.readFileSync(path.join(maildir, 'cur', name))
      if (await expectSameAsPostalMime(raw)) simple++
      else expect.fail(`postal-mime had to read ${name}`)
    }
    expect(simple).toBe(files.length)
  }, 60_000)
})
