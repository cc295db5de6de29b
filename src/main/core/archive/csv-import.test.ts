import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importArchive } from './import-archive'
import { archiveFixtures, rows, value } from './test-support'

const fixtures = archiveFixtures()
afterEach(fixtures.cleanup)
const { tempDir, fileStore } = fixtures

describe('importArchive: contacts CSV', () => {
  /** What German Excel saves: Windows-1252, semicolons, quotes around fields that need them. */
  const excelCsv = () =>
    Buffer.from(
      [
        'Vorname;Nachname;E-Mail;Twitter;Notiz',
        'Jürgen;Müller;juergen@example.de;@jmueller;"Stammkunde; mag Dinkel"',
        'Anna;"Schmidt-Weiß";ANNA@EXAMPLE.DE;https://x.com/anna_sw;"Sagt ""Hallo""',
        'und mehr"',
        'Kai;;kein-mail;;',
        ';;;;',
        'Lena;Krüger;;;',
        '',
      ].join('\r\n'),
      'latin1',
    )

  it('maps the columns, reads Windows-1252 with ";" and quoted fields, quarantines bad rows, and a re-run adds nothing', async () => {
    const dir = tempDir()
    const csv = path.join(dir, 'Kunden.csv')
    fs.writeFileSync(csv, excelCsv())
    const { db, workspaceId } = fileStore()
    const mapping = { firstName: 'Vorname', lastName: 'Nachname', email: 'E-Mail', x: 'Twitter' }
    const summary = await importArchive(db, { workspaceId, path: csv, mapping })
    expect(summary).toEqual({ kind: 'contacts-csv', total: 5, inserted: 3, quarantined: 2, skipped: 0 })
    expect(rows(db, 'SELECT source, reason FROM quarantine ORDER BY id')).toEqual([
      { source: `contacts-csv:${csv}#line 5`, reason: '"kein-mail" is not an e-mail address' },
      { source: `contacts-csv:${csv}#line 6`, reason: 'the row has no name, e-mail address or X handle' },
    ])
    expect(
      rows(
        db,
        `SELECT c.display_name, i.channel, i.external_id, i.handle FROM contacts c LEFT JOIN identities i ON i.contact_id = c.id ORDER BY c.id, i.channel`,
      ),
    ).toEqual([
      { display_name: 'Jürgen Müller', channel: 'email', external_id: 'juergen@example.de', handle: null },
      { display_name: 'Jürgen Müller', channel: 'x', external_id: 'handle:jmueller', handle: '@jmueller' },
      { display_name: 'Anna Schmidt-Weiß', channel: 'email', external_id: 'anna@example.de', handle: null },
      { display_name: 'Anna Schmidt-Weiß', channel: 'x', external_id: 'handle:anna_sw', handle: '@anna_sw' },
      { display_name: 'Lena Krüger', channel: null, external_id: null, handle: null },
    ])
    expect(await importArchive(db, { workspaceId, path: csv, mapping })).toMatchObject({ inserted: 0, quarantined: 2 })
    expect(value(db, 'SELECT count(*) FROM contacts')).toBe(3)
  })

  it('joins a contact the workspace already has by address; refuses a mapping to a column the file lacks', async () => {
    const dir = tempDir()
    const csv = path.join(dir, 'contacts.csv')
    fs.writeFileSync(csv, '\uFEFFName,Email\n"Müller, Jürgen",juergen@example.de\n')
    const { db, workspaceId } = fileStore()
    const contact = Number(
      db
        .prepare('INSERT INTO contacts (workspace_id, display_name, created_at) VALUES (?, ?, 1)')
        .run(workspaceId, 'J. Müller').lastInsertRowid,
    )
    db.prepare(
      "INSERT INTO identities (workspace_id, contact_id, channel, external_id, display_name) VALUES (?, ?, 'email', 'juergen@example.de', 'J. Müller')",
    ).run(workspaceId, contact)
    expect(
      await importArchive(db, { workspaceId, path: csv, mapping: { name: 'Name', email: 'Email' } }),
    ).toMatchObject({ inserted: 0, total: 1 })
    expect(value(db, 'SELECT count(*) FROM contacts')).toBe(1)
    await expect(importArchive(db, { workspaceId, path: csv, mapping: { name: 'Full name' } })).rejects.toThrow(
      'The CSV has no column "Full name". Its columns: Name, Email.',
    )
  })
})
