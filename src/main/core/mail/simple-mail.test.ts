import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import PostalMime from 'postal-mime'
import { afterAll, describe, expect, it } from 'vitest'
import { generateMaildir } from '../../../../bench/import'
import { parseMail, repairHeaderBytes } from './parse'
import { readSimpleMail, type MailFields } from './simple-mail'

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

const lf = (...lines: string[]) => Buffer.from(lines.join('\n'), 'utf8')
const crlf = (...lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8')
const pdf = Buffer.alloc(3000, 37).toString('base64')
const head = [
  'From: Anna <anna@example.de>',
  'To: support@shop.de',
  'Subject: Frage',
  'Message-ID: <m1@example.de>',
  'Date: Tue, 14 Nov 2023 10:00:00 +0100',
]

/** Mails the shortcut must read itself, each with a twist of the formats it accepts. */
const SIMPLE: Record<string, Buffer> = {
  'plain LF': lf(...head, '', 'Hallo,', '', 'wo bleibt mein Paket?', ''),
  'plain CRLF, no final newline': crlf(...head, '', 'Hello', 'there'),
  'trailing CRs and a bare CR inside a line': Buffer.from(
    `${head.join('\r\r\n')}\r\n\r\nline one\r\r\nmid\rline\r\n`,
    'utf8',
  ),
  'latin-1 body': Buffer.concat([
    lf(...head, 'Content-Type: text/plain; charset=ISO-8859-1', 'Content-Transfer-Encoding: 8bit', '', ''),
    Buffer.from('Grüße aus Köln\n', 'latin1'),
  ]),
  'utf-8 body, quoted charset, spaces': lf(
    ...head,
    'Content-Type: TEXT/Plain ; Charset = "utf-8";',
    '',
    'Grüße 😀',
    '',
  ),
  'quoted-printable with soft breaks and bad escapes': lf(
    ...head,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: Quoted-Printable',
    '',
    'Gr=C3=BC=C3=9Fe, 1+1=3D2, =ZZ bleibt, =4',
    'weich=',
    'gebrochen =',
    '=C3',
    '=A4 am Ende=',
  ),
  'base64 wrapped, padded mid-way, with junk': lf(
    ...head,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    ...Buffer.from('Hallo Welt, eine längere Nachricht über mehrere Zeilen hinweg. '.repeat(4))
      .toString('base64')
      .match(/.{1,76}/g)!,
    'SGk=SGk',
    '  ###',
    'QQ',
    'Q',
  ),
  'html only, quoted-printable': lf(
    ...head,
    'Content-Type: text/html; charset=us-ascii',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    '<p>Hallo <b>Welt</b></p><img src=3D"https://t.example/p.gif" width=3D"1" height=3D"1">',
    '',
  ),
  'encoded words, folded and repeated headers, groups': lf(
    'From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <Juergen@Example.DE>',
    'To: Shop <support@shop.de>,',
    '  info@shop.de',
    'To: second@shop.de',
    'Cc: Team: a@x.de, b@x.de;',
    'Subject: =?ISO-8859-1?Q?AW:_R=FCcksendung?=',
    '\t=?UTF-8?B?w7xiZXI=?=',
    'References: <root@shop.de>',
    ' <mid@example.de>',
    'In-Reply-To: <mid@example.de>',
    'Message-ID:    <x@y.de>   ',
    'Date: Tue, 14 Nov 2023 10:00:00 +0100 (CET)',
    '',
    'Body',
    '',
  ),
  'no body': lf(...head, ''),
  'headers only, no blank line': lf(...head),
  'a blank line first': lf('', ...head, '', 'all body'),
  'empty first subject, invalid date, duplicate content type': lf(
    'From: a@b.de',
    'Subject:',
    'Subject: second',
    'Date: someday',
    'Content-Type: text/plain',
    'Content-Type: multipart/mixed; boundary=x',
    'Content-Disposition: INLINE',
    '',
    'text',
    '',
  ),
  'a BOM and a long blank run in headers': lf(
    '\ufeffX-Odd: yes',
    `Subject: a${' '.repeat(3000)}b`,
    'From: c@d.de',
    '',
    'x',
  ),
  'raw 8-bit latin-1 header': Buffer.concat([
    Buffer.from('From: "M\xfcller" <m@b.de>\nSubject: Gr\xfc\xdfe\n', 'latin1'),
    Buffer.from('\nbody\n'),
  ]),
  'raw 8-bit utf-8 header': lf('From: "Müller" <m@b.de>', 'Subject: Grüße', '', 'body'),
  'addresses of every everyday form': lf(
    'From:   =?UTF-8?Q?J=C3=BCrgen?=\t  <j@x.de>  ',
    'To: a@b.de, , Bea  Berg <bea@b.de>; <c@d.de>,c2@d.de',
    'To: =?utf-8?q?e=40f.de?= <e@f.de>, =?utf-8?q?x?=@y.de',
    'Cc: Team: a@x.de, b@x.de;',
    'Cc: "Müller, Hans" <h@m.de>, (comment) k@l.de',
    '',
    'x',
  ),
  'addresses that only look simple': lf(
    'From: Anna a@b.de',
    'To: <a@b@c.de>, Name <x@y.de> trailing, < s@t.de >, ö@ü.de',
    'Cc: x\u0001y@z.de',
    '',
    'x',
  ),
  'no message id, no date': lf('From: c@d.de', 'Subject: anonymous', '', 'no id', ''),
  'mixed: text and a PDF': lf(
    ...head,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Anbei die Rechnung.',
    '',
    '--b1',
    'Content-Type: application/pdf; name="rechnung.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    ...pdf.match(/.{1,76}/g)!,
    '--b1--',
    '',
  ),
  'mixed: preamble, epilogue, CRLF, blanks after boundaries, two attachments with every field': crlf(
    ...head,
    'Content-Type: Multipart/Mixed; Boundary=----=_Part_1.2',
    '',
    'This is a multi-part message.',
    '------=_Part_1.2  ',
    'Content-Type: text/plain; charset="ISO-8859-1"',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'Gr=FC=DFe,',
    'siehe Anhang=',
    '.',
    '',
    '------=_Part_1.2',
    'Content-Type: image/png',
    'Content-Disposition: inline; filename="=?UTF-8?Q?Bild_=C3=BC.png?="',
    'Content-ID: <img1@x>',
    'Content-Description: =?UTF-8?Q?Sch=C3=B6n?=',
    'Content-Transfer-Encoding: base64',
    '',
    'iVBORw0KGgo=',
    '',
    '------=_Part_1.2\t',
    'Content-Type: application/octet-stream; name=data.bin',
    'Content-Disposition: ATTACHMENT; filename=""',
    '',
    'raw bytes',
    '------=_Part_1.2-- ',
    'epilogue',
    '------=_Part_1.2',
    'after the end',
  ),
  'mixed: no closing boundary, a header-only part, lines that only look like boundaries': lf(
    ...head,
    'Content-Type: multipart/mixed; boundary=zz',
    '',
    '--zz',
    'Content-Type: text/plain',
    '--zz',
    'Content-Type: text/plain',
    '',
    'one',
    '--zzx',
    '--zz--x',
    ' --zz',
    'two',
    '--zz',
    'Content-Type: text/plain',
    'Content-Disposition: attachment; filename=notes.txt',
    '',
    'kept as a file',
    '--zz',
    '',
    'default type',
  ),
  'mixed: attachments only, an empty one': lf(
    ...head,
    'Content-Type: multipart/mixed; boundary=q',
    '',
    '--q',
    'Content-Type: application/zip; name=a.zip',
    'Content-Transfer-Encoding: base64',
    '',
    '--q',
    'Content-Type: application/zip',
    '',
    '--q--',
  ),
  'mixed: base64 bodies ending in every way': lf(
    ...head,
    'Content-Type: multipart/mixed; boundary=r',
    '',
    ...['QUJDR', 'QUJDRA', 'QUJDREU', 'QUJD\r\nRA==\r\n', 'QUJ\nD\nR\nA\n=\n=', 'QQ==QUJD', ''].flatMap((body) => [
      '--r',
      'Content-Type: application/octet-stream',
      'Content-Transfer-Encoding: base64',
      '',
      body,
    ]),
    '--r--',
  ),
  'mixed: html part': lf(
    ...head,
    'Content-Type: multipart/mixed; boundary=h',
    '',
    '--h',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>Hallo</p>',
    '--h--',
    '',
  ),
  'mixed: no parts at all': lf(...head, 'Content-Type: multipart/mixed; boundary=none', '', 'only a preamble', ''),
}

/** Mails it must leave to postal-mime: they need MIME structure, another charset or a text transformation. */
const NOT_SIMPLE: Record<string, Buffer> = {
  multipart: lf(
    ...head,
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain',
    '',
    'hi',
    '--b--',
    '',
  ),
  'format=flowed': lf(...head, 'Content-Type: text/plain; charset=utf-8; format=flowed', '', 'soft ', 'wrapped', ''),
  'unknown charset': lf(...head, 'Content-Type: text/plain; charset=x-no-such-charset', '', 'text', ''),
  'other charset': lf(...head, 'Content-Type: text/plain; charset=koi8-r', '', 'text', ''),
  attachment: lf(
    ...head,
    'Content-Type: text/plain',
    'Content-Disposition: attachment; filename="a.txt"',
    '',
    'text',
    '',
  ),
  'empty content type': lf(...head, 'Content-Type:', '', 'text', ''),
  'other type': lf(...head, 'Content-Type: application/pdf', 'Content-Transfer-Encoding: base64', '', 'JVBERi0=', ''),
  'unknown transfer encoding': lf(...head, 'Content-Transfer-Encoding: x-uuencode', '', 'begin 644 a', ''),
  'rfc 2231 charset': lf(...head, "Content-Type: text/plain; charset*=utf-8''x", '', 'text', ''),
  'comment in content type': lf(...head, 'Content-Type: text/plain (comment); charset=utf-8', '', 'text', ''),
  'mixed: plain and html side by side': lf(
    ...head,
    'Content-Type: multipart/mixed; boundary=b',
    '',
    '--b',
    'Content-Type: text/plain',
    '',
    'a',
    '--b',
    'Content-Type: text/html',
    '',
    '<b>b</b>',
    '--b--',
  ),
  'mixed: a nested alternative': lf(
    ...head,
    'Content-Type: multipart/mixed; boundary=b',
    '',
    '--b',
    'Content-Type: multipart/alternative; boundary=c',
    '',
    '--c',
    'Content-Type: text/plain',
    '',
    'a',
    '--c--',
    '--b--',
  ),
  'mixed: a calendar': lf(
    ...head,
    'Content-Type: multipart/mixed; boundary=b',
    '',
    '--b',
    'Content-Type: text/calendar; method=REQUEST',
    '',
    'BEGIN:VCALENDAR',
    '--b--',
  ),
  'mixed: a forwarded message': lf(
    ...head,
    'Content-Type: multipart/mixed; boundary=b',
    '',
    '--b',
    'Content-Type: message/rfc822',
    '',
    'Subject: x',
    '',
    'y',
    '--b--',
  ),
  'mixed: a text part in another charset': lf(
    ...head,
    'Content-Type: multipart/mixed; boundary=b',
    '',
    '--b',
    'Content-Type: text/plain; charset=koi8-r',
    '',
    'a',
    '--b--',
  ),
  'mixed: an attachment with more parameters': lf(
    ...head,
    'Content-Type: multipart/mixed; boundary=b',
    '',
    '--b',
    'Content-Type: application/pdf; name=a.pdf',
    'Content-Disposition: attachment; filename=a.pdf; size=3',
    '',
    'x',
    '--b--',
  ),
  'mixed: a boundary with blanks': lf(
    ...head,
    'Content-Type: multipart/mixed; boundary="a b"',
    '',
    '--a b',
    '',
    'x',
    '--a b--',
  ),
  'mixed: another parameter': lf(
    ...head,
    'Content-Type: multipart/mixed; boundary=b; charset=utf-8',
    '',
    '--b',
    '',
    'x',
    '--b--',
  ),
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
