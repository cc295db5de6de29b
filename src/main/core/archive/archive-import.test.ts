import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { inspectImportPath } from './detect'
import { importArchive } from './import-archive'
import type { ArchiveProgress } from './run'
import { archiveFixtures, rows, value, writeFolder, writeZip } from './test-support'

const fixtures = archiveFixtures()
afterEach(fixtures.cleanup)
const { tempDir, fileStore } = fixtures

const ytd = (name: string, part: number, data: unknown) =>
  `window.YTD.${name}.part${part} = ${JSON.stringify(data, null, 2)}`
const SHOP_ID = '900'
const tweet = (fields: Record<string, unknown>) => ({
  tweet: {
    retweeted: false,
    source: '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
    entities: { hashtags: [], symbols: [], user_mentions: [], urls: [] },
    favorite_count: '0',
    created_at: 'Fri Nov 10 08:47:52 +0000 2023',
    lang: 'de',
    ...fields,
  },
})
const mention = (id: string, screen_name: string, name: string) => ({
  name,
  screen_name,
  indices: ['0', '5'],
  id_str: id,
  id,
})

/** An X archive as X ships it: one folder inside the zip, data/*.js files with the window.YTD prefix. */
function xArchiveFiles(): Record<string, string> {
  const top = 'twitter-2024-05-01-6f2e/'
  return {
    [`${top}Your archive.html`]: '<html></html>',
    [`${top}data/account.js`]: ytd('account', 0, [
      {
        account: {
          email: 'hallo@sonnenschein.example',
          createdVia: 'web',
          username: 'sonnenschein_dus',
          accountId: SHOP_ID,
          createdAt: '2015-01-01T00:00:00.000Z',
          accountDisplayName: 'Bäckerei Sonnenschein',
        },
      },
    ]),
    [`${top}data/tweets.js`]: ytd('tweets', 0, [
      tweet({
        id_str: '101',
        full_text: '@lena_k Danke für den Hinweis &amp; sorry! Wir kümmern uns.',
        in_reply_to_status_id_str: '55',
        in_reply_to_user_id_str: '77',
        in_reply_to_screen_name: 'lena_k',
        entities: { user_mentions: [mention('77', 'lena_k', 'Lena Krüger')] },
      }),
      tweet({
        id_str: '102',
        full_text: '@lena_k Die Torte ist unterwegs.',
        in_reply_to_status_id_str: '101',
        in_reply_to_user_id_str: SHOP_ID,
        entities: { user_mentions: [mention('77', 'lena_k', 'Lena Krüger')] },
      }),
      tweet({
        id_str: '103',
        full_text: 'Danke an @jonas_b für das tolle Foto!',
        entities: { user_mentions: [mention('78', 'jonas_b', 'Jonas Becker')] },
      }),
      tweet({ id_str: '104', full_text: 'Neu ab Montag: Kürbiskernbrötchen!' }),
      tweet({
        id_str: '105',
        full_text: 'RT @duesseldorf: Markt am Samstag',
        entities: { user_mentions: [mention('79', 'duesseldorf', 'Düsseldorf')] },
      }),
      tweet({ full_text: 'no id here' }),
    ]),
    [`${top}data/tweets-part1.js`]: 'window.YTD.tweets.part1 = [ { "tweet": { "id_str": "106", ',
    [`${top}data/direct-messages.js`]: ytd('direct_messages', 0, [
      {
        dmConversation: {
          conversationId: `77-${SHOP_ID}`,
          messages: [
            {
              messageCreate: {
                recipientId: SHOP_ID,
                reactions: [],
                urls: [],
                text: 'Wo bleibt meine Torte?',
                mediaUrls: [],
                senderId: '77',
                id: '2001',
                createdAt: '2023-11-10T08:40:00.000Z',
              },
            },
            {
              messageCreate: {
                recipientId: '77',
                reactions: [],
                urls: [],
                text: 'Ist unterwegs!',
                mediaUrls: [],
                senderId: SHOP_ID,
                id: '2002',
                createdAt: '2023-11-10T08:50:00.000Z',
              },
            },
          ],
        },
      },
    ]),
  }
}

describe('importArchive: X archive', () => {
  it('imports replies, mentions and DMs from the zip, quarantines the broken parts, and a re-run adds nothing', async () => {
    const dir = tempDir()
    const zip = await writeZip(path.join(dir, 'twitter-archive.zip'), xArchiveFiles())
    const { db, workspaceId } = fileStore()
    const progress: ArchiveProgress[] = []
    const summary = await importArchive(db, { workspaceId, path: zip, onProgress: (p) => progress.push(p) })
    expect(summary).toEqual({ kind: 'x-archive', total: 7, inserted: 5, quarantined: 2, skipped: 2 })
    expect(progress.at(-1)).toEqual({ done: 7, total: 7, quarantined: 2 })
    expect(rows(db, 'SELECT source, reason FROM quarantine ORDER BY source')).toEqual([
      {
        source: `x-archive:${zip}#twitter-2024-05-01-6f2e/data/tweets-part1.js`,
        reason: expect.stringMatching(/^not valid JSON after the "window.YTD" assignment/) as unknown,
      },
      {
        source: `x-archive:${zip}#twitter-2024-05-01-6f2e/data/tweets.js#5`,
        reason: expect.stringMatching(/^unreadable item: id_str/) as unknown,
      },
    ])
    const messages = rows(
      db,
      `SELECT m.external_id, m.direction, c.external_id AS conversation, c.visibility, ct.display_name AS customer, m.body_text
      FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN contacts ct ON ct.id = m.contact_id ORDER BY m.external_id`,
    )
    expect(messages).toEqual([
      {
        external_id: '101',
        direction: 'out',
        conversation: '55',
        visibility: 'public',
        customer: 'Lena Krüger',
        body_text: '@lena_k Danke für den Hinweis & sorry! Wir kümmern uns.',
      },
      {
        external_id: '102',
        direction: 'out',
        conversation: '55',
        visibility: 'public',
        customer: 'Lena Krüger',
        body_text: '@lena_k Die Torte ist unterwegs.',
      },
      {
        external_id: '103',
        direction: 'out',
        conversation: '103',
        visibility: 'public',
        customer: 'Jonas Becker',
        body_text: 'Danke an @jonas_b für das tolle Foto!',
      },
      {
        external_id: '2001',
        direction: 'in',
        conversation: `77-${SHOP_ID}`,
        visibility: 'private',
        customer: 'Lena Krüger',
        body_text: 'Wo bleibt meine Torte?',
      },
      {
        external_id: '2002',
        direction: 'out',
        conversation: `77-${SHOP_ID}`,
        visibility: 'private',
        customer: 'Lena Krüger',
        body_text: 'Ist unterwegs!',
      },
    ])
    expect(value(db, "SELECT handle FROM identities WHERE external_id = '77'")).toBe('@lena_k')
    expect(db.prepare("SELECT channel, handle, state FROM accounts WHERE channel = 'x'").get()).toEqual({
      channel: 'x',
      handle: '@sonnenschein_dus (archive)',
      state: 'paused',
    })
    expect(value(db, "SELECT sent_at FROM messages WHERE external_id = '101'")).toBe(Date.parse('2023-11-10T08:47:52Z'))

    const again = await importArchive(db, { workspaceId, path: zip })
    expect(again).toMatchObject({ inserted: 0, total: 7 })
    expect(value(db, 'SELECT count(*) FROM messages')).toBe(5)
    expect(value(db, 'SELECT count(*) FROM quarantine')).toBe(2)
  })

  it('reads the unpacked folder the same way', async () => {
    const folder = writeFolder(path.join(tempDir(), 'unpacked'), xArchiveFiles())
    const { db, workspaceId } = fileStore()
    expect(await importArchive(db, { workspaceId, path: folder })).toMatchObject({ kind: 'x-archive', inserted: 5 })
  })
})

/** Facebook's JSON escapes each UTF-8 byte as \u00XX: what "Müller" looks like in an export. */
const mojibake = (text: string) => Buffer.from(text, 'utf8').toString('latin1')
const fbJson = (data: unknown) =>
  JSON.stringify(data, null, 2).replace(/[\u0080-\u00ff]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)

function facebookFiles(): Record<string, string> {
  const root = 'your_facebook_activity/messages/inbox'
  const page = mojibake('Bäckerei Sonnenschein')
  const anna = mojibake('Anna Müller')
  return {
    'personal_information/profile_information/profile_information.json': fbJson({
      profile_v2: { name: { full_name: page } },
    }),
    [`${root}/annamuller_1234/message_1.json`]: fbJson({
      participants: [{ name: anna }, { name: page }],
      messages: [
        {
          sender_name: page,
          timestamp_ms: 1_700_000_600_000,
          content: mojibake('Gern! Die Brötchen liegen bereit.'),
          is_geoblocked_for_viewer: false,
        },
        {
          sender_name: anna,
          timestamp_ms: 1_700_000_000_000,
          content: mojibake('Könnt ihr 20 Brötchen zurücklegen? 🥐'),
          is_geoblocked_for_viewer: false,
        },
        { sender_name: anna, timestamp_ms: 1_699_999_000_000, photos: [{ uri: 'photo.jpg' }] },
      ],
      title: anna,
      is_still_participant: true,
      thread_path: 'inbox/annamuller_1234',
      magic_words: [],
    }),
    [`${root}/annamuller_1234/message_2.json`]: fbJson({
      participants: [{ name: anna }, { name: page }],
      messages: [{ sender_name: anna, timestamp_ms: 1_699_000_000_000, content: 'Hallo!' }, { timestamp_ms: 1 }],
      title: anna,
      thread_path: 'inbox/annamuller_1234',
    }),
    [`${root}/tomweber_5678/message_1.json`]: fbJson({
      participants: [{ name: 'Tom Weber' }, { name: page }],
      messages: [{ sender_name: 'Tom Weber', timestamp_ms: 1_700_100_000_000, content: 'Do you deliver?' }],
      title: 'Tom Weber',
      thread_path: 'inbox/tomweber_5678',
    }),
    [`${root}/broken_9999/message_1.json`]: '{"participants": [{"name": "X"}], "messages": [',
  }
}

describe('importArchive: Facebook export', () => {
  it('imports Messenger threads with their text repaired, quarantines the broken file, and a re-run adds nothing', async () => {
    const zip = await writeZip(path.join(tempDir(), 'facebook-baeckerei.zip'), facebookFiles())
    const { db, workspaceId } = fileStore()
    const summary = await importArchive(db, { workspaceId, path: zip })
    expect(summary).toEqual({ kind: 'facebook-archive', total: 6, inserted: 4, quarantined: 2, skipped: 1 })
    expect(rows(db, 'SELECT reason FROM quarantine ORDER BY source')).toEqual([
      { reason: 'unreadable message (no sender or time)' },
      { reason: expect.stringMatching(/^not valid JSON/) as unknown },
    ])
    const messages = rows(
      db,
      `SELECT m.direction, m.author_name, ct.display_name AS customer, m.body_text, c.external_id AS conversation
      FROM messages m JOIN contacts ct ON ct.id = m.contact_id JOIN conversations c ON c.id = m.conversation_id ORDER BY m.sent_at`,
    )
    expect(messages).toEqual([
      {
        direction: 'in',
        author_name: 'Anna Müller',
        customer: 'Anna Müller',
        body_text: 'Hallo!',
        conversation: 'archive:inbox/annamuller_1234',
      },
      {
        direction: 'in',
        author_name: 'Anna Müller',
        customer: 'Anna Müller',
        body_text: 'Könnt ihr 20 Brötchen zurücklegen? 🥐',
        conversation: 'archive:inbox/annamuller_1234',
      },
      {
        direction: 'out',
        author_name: 'Bäckerei Sonnenschein',
        customer: 'Anna Müller',
        body_text: 'Gern! Die Brötchen liegen bereit.',
        conversation: 'archive:inbox/annamuller_1234',
      },
      {
        direction: 'in',
        author_name: 'Tom Weber',
        customer: 'Tom Weber',
        body_text: 'Do you deliver?',
        conversation: 'archive:inbox/tomweber_5678',
      },
    ])
    expect(value(db, "SELECT handle FROM accounts WHERE channel = 'facebook'")).toBe('Bäckerei Sonnenschein (archive)')
    expect(value(db, "SELECT visibility FROM conversations WHERE channel = 'facebook' LIMIT 1")).toBe('private')

    expect(await importArchive(db, { workspaceId, path: zip })).toMatchObject({ inserted: 0 })
    expect(value(db, 'SELECT count(*) FROM messages')).toBe(4)
  })

  it('finds the owner without a profile file: the one person in every thread', async () => {
    const files = facebookFiles()
    delete files['personal_information/profile_information/profile_information.json']
    const folder = writeFolder(path.join(tempDir(), 'facebook'), files)
    const { db, workspaceId } = fileStore()
    await importArchive(db, { workspaceId, path: folder })
    expect(value(db, "SELECT count(*) FROM messages WHERE direction = 'out'")).toBe(1)
    expect(value(db, "SELECT handle FROM accounts WHERE channel = 'facebook'")).toBe('Bäckerei Sonnenschein (archive)')
  })
})


describe('importArchive: what is not an archive', () => {
  it('says so for a zip that is no export and for a broken zip', async () => {
    const dir = tempDir()
    const other = await writeZip(path.join(dir, 'photos.zip'), { 'IMG_0001.jpg': 'jpeg' })
    const broken = path.join(dir, 'broken.zip')
    fs.writeFileSync(broken, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]))
    const { db, workspaceId } = fileStore()
    await expect(importArchive(db, { workspaceId, path: other })).rejects.toThrow(
      'photos.zip is neither an X archive nor a Facebook export',
    )
    await expect(importArchive(db, { workspaceId, path: broken })).rejects.toThrow(
      /^broken\.zip is not a readable zip file/,
    )
  })
})

describe('inspectImportPath', () => {
  it("tells mail, archives (zip or folder) and CSV apart, with the CSV's columns for the mapping step", async () => {
    const dir = tempDir()
    const maildir = path.join(dir, 'Maildir')
    for (const sub of ['cur', 'new', 'tmp']) fs.mkdirSync(path.join(maildir, sub), { recursive: true })
    const csv = path.join(dir, 'kunden.csv')
    fs.writeFileSync(csv, 'Vorname;Nachname;E-Mail\nAnna;Schmidt;anna@example.de\n')
    const zip = await writeZip(path.join(dir, 'x.zip'), xArchiveFiles())
    const facebook = writeFolder(path.join(dir, 'facebook-export'), facebookFiles())
    expect(await inspectImportPath(maildir)).toEqual({ path: maildir, kind: 'mail' })
    expect(await inspectImportPath(zip)).toEqual({ path: zip, kind: 'x-archive' })
    expect(await inspectImportPath(facebook)).toEqual({ path: facebook, kind: 'facebook-archive' })
    expect(await inspectImportPath(csv)).toEqual({
      path: csv,
      kind: 'contacts-csv',
      csv: {
        encoding: 'utf-8',
        separator: ';',
        columns: ['Vorname', 'Nachname', 'E-Mail'],
        sample: [['Anna', 'Schmidt', 'anna@example.de']],
        suggested: { firstName: 'Vorname', lastName: 'Nachname', email: 'E-Mail' },
      },
    })
  })
})
