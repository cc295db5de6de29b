import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { moodOfMessage } from '../insight/sentiment'
import { attachmentPath } from '../mail/attachments'
import { openDatabase, type Db } from '../store/db'
import { createWorkspace } from '../store/repos/workspaces'
import { importMail, type ImportProgress } from './import'

const dirs: string[] = []
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-import-'))
  dirs.push(dir)
  return dir
}
const dbs: Db[] = []
afterEach(() => {
  dbs.splice(0).forEach((db) => db.close())
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }))
})

/** A store in a file: the import runs on a worker thread with its own connection, which `:memory:` cannot share. */
const fileStore = () => {
  const db = openDatabase(path.join(tempDir(), 'earshot.db'))
  dbs.push(db)
  return { db, workspaceId: createWorkspace(db, { name: 'Test shop' }) }
}

const mail = (id: string, body: string, extra: string[] = []) =>
  [`From: Anna <anna@example.de>`, `To: support@shop.de`, `Subject: Frage ${id}`, `Message-ID: <${id}@example.de>`,
    'Date: Tue, 14 Nov 2023 10:00:00 +0100', ...extra, '', body, ''].join('\n')

const count = (db: Db, sql: string) => (db.prepare(sql).get() as { n: number }).n

describe('importMail', () => {
  it('reads an mbox, unescaping >From lines, and a re-run adds nothing', async () => {
    const dir = tempDir()
    const mbox = path.join(dir, 'inbox.mbox')
    fs.writeFileSync(mbox, [
      'From anna@example.de Tue Nov 14 10:00:00 2023', mail('m1', 'Hello\n>From the top\n>>From deeper'),
      'From anna@example.de Tue Nov 14 11:00:00 2023', mail('m2', 'Second', ['In-Reply-To: <m1@example.de>']),
    ].join('\n'))
    const { db, workspaceId } = fileStore()
    const progress: ImportProgress[] = []
    const first = await importMail(db, { workspaceId, paths: [mbox], dataDir: dir, onProgress: (p) => progress.push(p) })
    expect(first).toMatchObject({ done: 2, total: 2, quarantined: 0, inserted: 2 })
    expect(progress.at(-1)).toEqual({ done: 2, total: 2, quarantined: 0 })
    const body = db.prepare("SELECT body_text FROM messages WHERE external_id = '<m1@example.de>'").pluck().get()
    expect(body).toBe('Hello\nFrom the top\n>From deeper')
    expect(count(db, 'SELECT count(*) AS n FROM conversations')).toBe(1)
    const again = await importMail(db, { workspaceId, paths: [mbox], dataDir: dir })
    expect(again.inserted).toBe(0)
    expect(count(db, 'SELECT count(*) AS n FROM messages')).toBe(2)
  })

  it('has stopped its threads when it reports done, so the caller may remove the folder at once', async () => {
    // The import worker's threads write to this process's stderr; a checkpoint worker still starting
    // would fail to open the removed database there.
    const written: string[] = []
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk))
      return true
    })
    try {
      const dir = tempDir()
      const eml = path.join(dir, 'one.eml')
      fs.writeFileSync(eml, mail('s1', 'Kurz'))
      const { db, workspaceId } = fileStore()
      expect(await importMail(db, { workspaceId, paths: [eml], dataDir: dir })).toMatchObject({ inserted: 1 })
      db.close()
      fs.rmSync(path.dirname(db.name), { recursive: true, force: true })
      await new Promise((resolve) => setTimeout(resolve, 1_500))
    } finally {
      stderr.mockRestore()
    }
    expect(written.join('')).toBe('')
  })

  it('reads maildir folders (cur and new) and single .eml files, marking our own mails as outgoing', async () => {
    const dir = tempDir()
    const maildir = path.join(dir, 'Maildir')
    for (const sub of ['cur', 'new', 'tmp']) fs.mkdirSync(path.join(maildir, sub), { recursive: true })
    fs.writeFileSync(path.join(maildir, 'dovecot-uidlist'), '3 V1 N1\n')
    fs.writeFileSync(path.join(maildir, 'new', '1.host'), mail('a1', 'In new'))
    fs.writeFileSync(path.join(maildir, 'cur', '2.host:2,S'), mail('a2', 'In cur'))
    const eml = path.join(dir, 'reply.eml')
    fs.writeFileSync(eml, ['From: Shop <support@shop.de>', 'To: Anna <anna@example.de>', 'Subject: Re: Frage a1',
      'Message-ID: <r1@shop.de>', 'In-Reply-To: <a1@example.de>', 'References: <a1@example.de>', '', 'Antwort'].join('\r\n'))
    const { db, workspaceId } = fileStore()
    const result = await importMail(db, { workspaceId, paths: [maildir, eml], dataDir: dir, ownAddresses: ['Support@Shop.de'] })
    expect(result).toMatchObject({ total: 3, inserted: 3, quarantined: 0 })
    const reply = db.prepare("SELECT direction, c.external_id AS conv FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.external_id = '<r1@shop.de>'").get()
    expect(reply).toEqual({ direction: 'out', conv: '<a1@example.de>' })
    expect(db.prepare("SELECT sentiment FROM messages WHERE external_id = '<r1@shop.de>'").pluck().get()).toBeNull()
    expect(db.prepare("SELECT display_name FROM identities WHERE external_id = 'anna@example.de'").pluck().get()).toBe('Anna')
  })

  it('survives a corpus of broken and exotic messages, quarantining what it cannot read', async () => {
    const dir = tempDir()
    const corpus = path.join(dir, 'corpus')
    fs.mkdirSync(corpus)
    const write = (name: string, data: string | Buffer) => fs.writeFileSync(path.join(corpus, name), data)
    write('01-empty.eml', '')
    write('02-garbage.eml', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)))
    write('03-bad-charset.eml', mail('bc', 'text', ['Content-Type: text/plain; charset=x-no-such-charset']))
    write('04-no-date.eml', 'From: a@b.de\nSubject: undated\nMessage-ID: <nd@b.de>\n\nbody\n')
    write('05-8bit-header.eml', Buffer.concat([Buffer.from('From: "M\xfcller" <m@b.de>\nSubject: Gr\xfc\xdfe\n', 'latin1'), Buffer.from('\nbody\n')]))
    write('06-no-message-id.eml', 'From: c@d.de\nSubject: anonymous\n\nno id\n')
    const big = Buffer.alloc(20 * 1024 * 1024, 7)
    write('07-huge.eml', [mail('huge', '', ['MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"']).replace(/\n+$/, '\n'),
      '--b', 'Content-Type: text/plain', '', 'see attachment', '--b', 'Content-Type: application/octet-stream; name="big.bin"',
      'Content-Transfer-Encoding: base64', '', big.toString('base64').replace(/.{76}/g, '$&\n'), '--b--', ''].join('\n'))
    write('08-nested.eml', mail('nest', '', ['MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="a"']).replace(/\n+$/, '\n') +
      '\n--a\nContent-Type: multipart/alternative; boundary="b"\n\n--b\nContent-Type: multipart/related; boundary="c"\n\n--c\nContent-Type: text/html\n\n<p>deep</p>\n--c--\n--b--\n--a\nContent-Type: message/rfc822\n\n' +
      mail('inner', 'inner body') + '\n--a--\n')
    const { db, workspaceId } = fileStore()
    const result = await importMail(db, { workspaceId, paths: [corpus], dataDir: dir })
    expect(result).toMatchObject({ total: 8, done: 8, quarantined: 2, inserted: 6 })
    const reasons = db.prepare('SELECT reason FROM quarantine ORDER BY source').pluck().all()
    expect(reasons).toEqual(['empty message', 'not an RFC 5322 message (no header block)'])
    const undated = db.prepare("SELECT sent_at FROM messages WHERE external_id = '<nd@b.de>'").pluck().get() as number
    expect(undated).toBe(Math.round(fs.statSync(path.join(corpus, '04-no-date.eml')).mtimeMs))
    expect(db.prepare("SELECT subject FROM messages WHERE subject LIKE 'Gr%'").pluck().get()).toBe('Grüße')
    const huge = db.prepare('SELECT size, sha256 FROM attachments WHERE size > 1000000').get() as { size: number; sha256: string }
    expect(huge.size).toBe(big.length)
    expect(fs.statSync(attachmentPath(dir, huge.sha256)).size).toBe(big.length)
    expect(db.prepare("SELECT body_html FROM messages WHERE external_id = '<nest@example.de>'").pluck().get()).toContain('deep')
    const again = await importMail(db, { workspaceId, paths: [corpus], dataDir: dir })
    expect(again.inserted).toBe(0)
    expect(count(db, 'SELECT count(*) AS n FROM quarantine')).toBe(2)
    expect(count(db, 'SELECT count(*) AS n FROM attachments')).toBe(2) // the 20 MB file and the forwarded message
  }, 120_000)

  it('parses a larger maildir with a parse worker, in order, committing in several short transactions', async () => {
    const dir = tempDir()
    const maildir = path.join(dir, 'Maildir')
    for (const sub of ['cur', 'new', 'tmp']) fs.mkdirSync(path.join(maildir, sub), { recursive: true })
    for (let i = 0; i < 300; i++) {
      // Every other mail answers the one before it (In-Reply-To only): threads must join across batches.
      const extra = i % 2 === 1 ? [`In-Reply-To: <w${i - 1}@example.de>`] : []
      const body = `Nachricht ${i}: ${i % 2 ? 'Vielen Dank, alles super!' : 'Das Brot war leider trocken.'}`
      fs.writeFileSync(path.join(maildir, 'cur', `${1000 + i}.host:2,S`), mail(`w${i}`, body, extra))
    }
    const { db, workspaceId } = fileStore()
    const result = await importMail(db, { workspaceId, paths: [maildir], dataDir: dir, workers: 1 })
    expect(result).toMatchObject({ total: 300, done: 300, inserted: 300, quarantined: 0 })
    expect(result.commits.count).toBeGreaterThan(0)
    expect(count(db, 'SELECT count(*) AS n FROM conversations')).toBe(150)
    expect(count(db, "SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH 'nachricht'")).toBe(300)
    // The parse threads read each mood; it is the one ingest would have read.
    const moods = db.prepare('SELECT subject, body_text, sentiment, sentiment_label FROM messages').all() as
      { subject: string; body_text: string; sentiment: number; sentiment_label: string }[]
    for (const m of moods) {
      expect({ score: m.sentiment, label: m.sentiment_label }).toEqual(moodOfMessage(m.subject, m.body_text))
    }
    expect(new Set(moods.map((m) => m.sentiment_label))).toEqual(new Set(['positive', 'negative']))
  })
})
