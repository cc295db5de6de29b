import fs from 'node:fs'
import path from 'node:path'

/** The demo mail server's one mailbox: the bakery's general inbox. */
export const DEMO_MAIL_ADDRESS = 'postfach@baeckerei-sonnenschein.example'
export const DEMO_MAIL_DISPLAY_NAME = 'Postfach (Demo-Server)'
export const DEMO_MAIL_USER = 'postfach'

interface DemoMail {
  /** Stable, so a second start recognises what it delivered before (file name and Message-ID). */
  key: string
  from: string
  subject: string
  body: string
  /** How long before the first delivery the customer wrote. */
  minutesAgo: number
}

/** A handful of customer mails in the bakery's voice (invented people, like the rest of the demo). */
const MAILS: readonly DemoMail[] = [
  {
    key: 'vorbestellung-samstag',
    from: 'Katrin Vogel <katrin.vogel@kunden.example>',
    subject: 'Vorbestellung für Samstag',
    body: 'Hallo zusammen,\n\nich möchte für Samstag um 9 Uhr 12 Dinkelbrötchen und zwei Zimtschnecken vorbestellen.\nIch hole alles selbst ab.\n\nViele Grüße\nKatrin Vogel',
    minutesAgo: 95,
  },
  {
    key: 'allergene-mohnzopf',
    from: 'Tobias Brandt <t.brandt@kunden.example>',
    subject: 'Frage zu Allergenen im Mohnzopf',
    body: 'Guten Tag,\n\nenthält euer Mohnzopf Nüsse oder wird er auf derselben Linie wie der Haselnuss-Plunder gebacken?\nMeine Tochter hat eine Nussallergie.\n\nDanke und beste Grüße\nTobias Brandt',
    minutesAgo: 70,
  },
  {
    key: 'torte-geburtstag',
    from: 'Selin Aydın <selin.aydin@kunden.example>',
    subject: 'Geburtstagstorte für 20 Personen',
    body: 'Hallo Bäckerei Sonnenschein,\n\nwir feiern am 14. den 60. Geburtstag meiner Mutter. Könnt ihr eine Schwarzwälder Kirschtorte für etwa 20 Personen backen?\nWas würde das kosten?\n\nLiebe Grüße\nSelin Aydın',
    minutesAgo: 45,
  },
  {
    key: 'lieferung-fehlt',
    from: 'Büro Hansen & Partner <empfang@hansen-partner.example>',
    subject: 'Lieferung Frühstück fehlt',
    body: 'Hallo,\n\nunsere Frühstückslieferung für heute (Laugenbrezeln und Croissants, 8 Uhr) ist noch nicht da. Um 9:30 beginnt unser Meeting.\nKönnt ihr kurz Bescheid geben?\n\nMit freundlichen Grüßen\nJana Hansen',
    minutesAgo: 20,
  },
  {
    key: 'lob-sauerteig',
    from: 'Peter Krüger <peter.krueger@kunden.example>',
    subject: 'Ein großes Lob',
    body: 'Moin,\n\neuer neues Sauerteigbrot ist das beste Brot, das ich seit Jahren gegessen habe. Bitte unbedingt im Sortiment lassen!\n\nPeter',
    minutesAgo: 5,
  },
]

/** MIME encoded-word for headers with umlauts (RFC 2047), so the files stay 7-bit clean. */
function encodeHeader(value: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`
}

function encodeAddress(value: string): string {
  const match = /^(.*) <(.+)>$/.exec(value)
  return match ? `${encodeHeader(match[1] ?? '')} <${match[2] ?? ''}>` : value
}

/** One RFC 5322 message with CRLF line ends, its body quoted-printable-free (base64 UTF-8). */
export function renderDemoMail(mail: DemoMail, sentAt: Date): string {
  const body = Buffer.from(mail.body.replace(/\n/g, '\r\n'), 'utf8').toString('base64').replace(/(.{76})/g, '$1\r\n')
  return [
    `From: ${encodeAddress(mail.from)}`,
    `To: ${encodeHeader(DEMO_MAIL_DISPLAY_NAME)} <${DEMO_MAIL_ADDRESS}>`,
    `Subject: ${encodeHeader(mail.subject)}`,
    `Message-ID: <demo-${mail.key}@kunden.example>`,
    `Date: ${sentAt.toUTCString().replace('GMT', '+0000')}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    body,
    '',
  ].join('\r\n')
}

/** The maildir file name's unique part: Dovecot keeps it when it moves a mail from new/ to cur/. */
const baseName = (mail: DemoMail) => `demo-${mail.key}.earshot`

/**
 * Writes the demo mails a maildir does not hold yet into new/ (tmp/ first, then rename: the maildir
 * delivery protocol, so the server never sees half a file). A second start delivers nothing.
 */
export function deliverDemoMails(maildir: string, now = Date.now()): number {
  for (const sub of ['tmp', 'new', 'cur']) fs.mkdirSync(path.join(maildir, sub), { recursive: true })
  const present = new Set(
    ['new', 'cur'].flatMap((sub) => fs.readdirSync(path.join(maildir, sub)).map((name) => name.split(':')[0] ?? name)),
  )
  let delivered = 0
  for (const mail of MAILS) {
    const name = baseName(mail)
    if (present.has(name)) continue
    const tmp = path.join(maildir, 'tmp', name)
    fs.writeFileSync(tmp, renderDemoMail(mail, new Date(now - mail.minutesAgo * 60_000)))
    fs.renameSync(tmp, path.join(maildir, 'new', name))
    delivered++
  }
  return delivered
}

export const DEMO_MAIL_COUNT = MAILS.length
export const demoMailSubjects = (): string[] => MAILS.map((m) => m.subject)
