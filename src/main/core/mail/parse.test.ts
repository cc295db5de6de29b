import { describe, expect, it } from 'vitest'
import { normaliseMessageId, parseMail, rawMessageKey } from './parse'

const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8')
const receivedAt = 1_700_000_000_000

describe('parseMail', () => {
  it('decodes encoded-word subjects, addresses and the threading headers', async () => {
    const raw = crlf([
      'From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <Juergen@Example.DE>',
      'To: Shop <support@shop.de>, info@shop.de',
      'Cc: Team: a@x.de, b@x.de;',
      'Subject: =?ISO-8859-1?Q?AW:_R=FCcksendung?=',
      'Message-ID: <abc@example.de>',
      'In-Reply-To: <root@shop.de>',
      'References: <root@shop.de>\r\n <mid@example.de>',
      'Date: Tue, 14 Nov 2023 10:00:00 +0100',
      '',
      'Hallo',
    ])
    const mail = await parseMail(raw, { receivedAt })
    expect(mail.subject).toBe('AW: Rücksendung')
    expect(mail.from).toEqual({ address: 'juergen@example.de', name: 'Jürgen Müller' })
    expect(mail.to.map((a) => a.address)).toEqual(['support@shop.de', 'info@shop.de'])
    expect(mail.cc.map((a) => a.address)).toEqual(['a@x.de', 'b@x.de'])
    expect(mail.messageId).toBe('<abc@example.de>')
    expect(mail.inReplyTo).toBe('<root@shop.de>')
    expect(mail.references).toEqual(['<root@shop.de>', '<mid@example.de>'])
    expect(mail.sentAt).toBe(Date.parse('2023-11-14T09:00:00Z'))
    expect(mail.dateFallback).toBe(false)
    expect(mail.text).toBe('Hallo')
  })

  it('falls back to the receive time when Date is missing or invalid, and says so', async () => {
    for (const date of [[], ['Date: not a date at all']]) {
      const mail = await parseMail(crlf(['From: a@b.de', ...date, 'Subject: x', '', 'body']), { receivedAt })
      expect(mail.sentAt).toBe(receivedAt)
      expect(mail.dateFallback).toBe(true)
    }
  })

  it('reads other charsets, raw 8-bit headers and nested multiparts with inline images', async () => {
    const latin1Body = Buffer.from('Grüße aus Köln', 'latin1')
    const raw = Buffer.concat([
      Buffer.from('From: "Bj\xc3\xb6rn" <bjoern@example.se>\r\nSubject: K\xc3\xa4se\r\n', 'latin1'),
      crlf([
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="outer"',
        '',
        '--outer',
        'Content-Type: multipart/alternative; boundary="inner"',
        '',
        '--inner',
        'Content-Type: text/plain; charset=iso-8859-1',
        'Content-Transfer-Encoding: 8bit',
        '',
        '',
      ]),
      latin1Body,
      crlf([
        '',
        '--inner',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>Hi <img src="cid:logo@x"><script>alert(1)</script></p>',
        '--inner--',
        '--outer',
        'Content-Type: image/png; name="logo.png"',
        'Content-ID: <logo@x>',
        'Content-Disposition: inline; filename="logo.png"',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('PNGDATA').toString('base64'),
        '--outer--',
        '',
      ]),
    ])
    const mail = await parseMail(raw, { receivedAt })
    expect(mail.from?.name).toBe('Björn')
    expect(mail.subject).toBe('Käse')
    expect(mail.text).toBe('Grüße aus Köln')
    expect(mail.html).toContain('src="cid:logo@x"')
    expect(mail.html).not.toContain('script')
    expect(mail.attachments).toHaveLength(1)
    expect(mail.attachments[0]).toMatchObject({ filename: 'logo.png', contentId: 'logo@x', inline: true, size: 7 })
    expect(mail.attachments[0]!.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('normalises Message-IDs and keys messages without one by their bytes', () => {
    expect(normaliseMessageId(' <a@b> ')).toBe('<a@b>')
    expect(normaliseMessageId('a@b')).toBe('<a@b>')
    expect(normaliseMessageId('')).toBeNull()
    expect(rawMessageKey(Buffer.from('x'))).toBe(rawMessageKey(Buffer.from('x')))
  })
})
