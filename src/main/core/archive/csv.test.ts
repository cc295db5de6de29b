import { describe, expect, it } from 'vitest'
import { decodeCsv, parseCsv, previewCsv, sniffSeparator, suggestMapping } from './csv'
import { fixMojibake } from './facebook-archive'

describe('contacts CSV reading', () => {
  it('detects UTF-8 (with or without BOM) and falls back to Windows-1252', () => {
    expect(decodeCsv(Buffer.from('\uFEFFName\nJürgen'))).toEqual({ encoding: 'utf-8', text: 'Name\nJürgen' })
    expect(decodeCsv(Buffer.from('Name\nJ\xfcrgen \x80 \x84Hallo\x93 \x96', 'latin1'))).toEqual({
      encoding: 'windows-1252',
      text: 'Name\nJürgen € „Hallo“ –',
    })
  })

  it('picks the separator of the header line, ignoring quoted ones', () => {
    expect(sniffSeparator('"Name, voll";E-Mail;Tel\n1,2,3,4,5')).toBe(';')
    expect(sniffSeparator('Name,Email\n')).toBe(',')
    expect(sniffSeparator('Name\tEmail\n')).toBe('\t')
    expect(sniffSeparator('Name\n')).toBe(',')
  })

  it('parses quoted separators, doubled quotes and line breaks; an unclosed quote is an error record', () => {
    const records = [...parseCsv('a,"b,c","say ""hi""\nthere"\r\n\r\nx,y\n"open,z', ',')]
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b,c', 'say "hi"\nthere'], raw: 'a,"b,c","say ""hi""\nthere"' },
      { line: 4, fields: ['x', 'y'], raw: 'x,y' },
      { line: 5, error: 'a quoted field is never closed', raw: '"open,z' },
    ])
  })

  it('proposes a mapping from common headers and previews the first rows', () => {
    expect(suggestMapping(['Vorname', 'Nachname', 'E-Mail-Adresse', 'Twitter'])).toEqual({
      firstName: 'Vorname',
      lastName: 'Nachname',
      email: 'E-Mail-Adresse',
      x: 'Twitter',
    })
    expect(suggestMapping(['First Name', 'Name', 'E-mail 1 - Value'])).toEqual({
      name: 'Name',
      email: 'E-mail 1 - Value',
    })
    const preview = previewCsv(Buffer.from('Name;Email\nA;a@x.de\nB;b@x.de\n'))
    expect(preview).toEqual({
      encoding: 'utf-8',
      separator: ';',
      columns: ['Name', 'Email'],
      sample: [
        ['A', 'a@x.de'],
        ['B', 'b@x.de'],
      ],
      suggested: { name: 'Name', email: 'Email' },
    })
  })
})

describe('fixMojibake', () => {
  it('re-reads Facebook’s byte-escaped UTF-8 and leaves proper text alone', () => {
    expect(fixMojibake('M\u00c3\u00bcller \u00f0\u009f\u00a5\u0090')).toBe('Müller 🥐')
    expect(fixMojibake('Müller')).toBe('Müller')
    expect(fixMojibake('Grüße 🥐')).toBe('Grüße 🥐')
    expect(fixMojibake('plain')).toBe('plain')
  })
})
