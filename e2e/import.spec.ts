import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from './support/fixtures'
import { AccountsPage } from './support/accounts-page'
import { InboxPage } from './support/inbox-page'
import { onlyChannel } from './support/only-channel'

const SHOP = 'hallo@baeckerei-sonnenschein.example'

/** A customer's question and the shop's answer, as two .eml files in a fresh folder (read in name order). */
function writeMails(dir: string, word: string): string {
  fs.mkdirSync(dir, { recursive: true })
  const id = `${Date.now()}.${Math.random().toString(36).slice(2)}`
  const sent = Date.now() - 3_600_000
  const eml = (headers: Record<string, string>, body: string): string =>
    Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\r\n') +
    `\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${body}\r\n`
  fs.writeFileSync(
    path.join(dir, '1-question.eml'),
    eml(
      {
        From: 'Greta Lindner <greta.lindner@example.org>',
        To: SHOP,
        Subject: `Frage zum ${word}`,
        Date: new Date(sent).toUTCString(),
        'Message-ID': `<q.${id}@example.org>`,
      },
      `Hallo, habt ihr den ${word} auch in der kleinen Flasche?\r\nGruß, Greta`,
    ),
  )
  fs.writeFileSync(
    path.join(dir, '2-answer.eml'),
    eml(
      {
        From: `Bäckerei Sonnenschein <${SHOP}>`,
        To: 'Greta Lindner <greta.lindner@example.org>',
        Subject: `Re: Frage zum ${word}`,
        Date: new Date(sent + 600_000).toUTCString(),
        'Message-ID': `<a.${id}@baeckerei-sonnenschein.example>`,
        'In-Reply-To': `<q.${id}@example.org>`,
      },
      'Ja, ab Samstag wieder. Liebe Grüße aus der Backstube',
    ),
  )
  return dir
}

test('imports two mails through the dialog and finds them by search', async ({ app }, testInfo) => {
  const word = 'Holunderblütensirup'
  const dir = writeMails(testInfo.outputPath('mail'), word)
  const accounts = new AccountsPage(app.page)
  await accounts.open()
  await accounts.importMail([dir], SHOP)

  await expect(accounts.dialog.getByRole('status')).toHaveText('2 messages imported.')
  await expect(accounts.dialog.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('value', '2')
  await accounts.dialog.getByRole('button', { name: 'Close' }).click()
  // The import made the workspace's "Imported mail" account; the list refreshed on its own.
  await expect(accounts.account(/Imported mail/)).toBeVisible()

  await new InboxPage(app.page).search(word)
  const hit = app.page.getByRole('button', { name: new RegExp(`Greta Lindner.*${word}`) }).first()
  await expect(hit).toBeVisible()
  await hit.click()
  await expect(app.page.getByRole('list', { name: 'Messages' }).getByText('Ja, ab Samstag wieder.')).toBeVisible()

  // Importing the same files again adds nothing.
  await accounts.open()
  await accounts.importMail([dir])
  await expect(accounts.dialog.getByRole('status')).toHaveText('0 messages imported, 2 were already in Earshot.')
})

test('shows an unreadable path as an error in the dialog', async ({ app }, testInfo) => {
  const accounts = new AccountsPage(app.page)
  await accounts.open()
  await accounts.importMail([testInfo.outputPath('does-not-exist.mbox')])
  await expect(accounts.dialog.getByRole('alert')).toBeVisible()
  await expect(accounts.dialog.getByRole('button', { name: 'Import', exact: true })).toBeEnabled()
})

test('the inbox shows mail arriving while it is open and keeps the selection', async ({ app }, testInfo) => {
  const word = 'Quittengelee'
  const inbox = new InboxPage(app.page)
  // Email only: the live demo's X and Facebook traffic would push new rows in above the selection.
  await onlyChannel(inbox, 'Email')
  const selectedName = (await inbox.rows.first().getAttribute('aria-label')) ?? ''
  await inbox.grid.getByRole('row', { name: selectedName, exact: true }).click()
  const heading = (await app.page.getByRole('heading', { level: 2 }).last().textContent()) ?? ''

  // Mail arrives from outside this page: the same command the dialog uses, sent straight to the host.
  const call = async (command: string, data: object): Promise<{ ok: boolean; value: unknown }> =>
    (await app.page.request.post(new URL(`/api/${command}`, app.page.url()).href, { data })).json() as Promise<{
      ok: boolean
      value: unknown
    }>
  const workspaces = (await call('workspaces:list', {})).value as { id: number }[]
  const dir = writeMails(testInfo.outputPath('mail'), word)
  expect((await call('import:mail', { workspaceId: workspaces[0]!.id, paths: [dir], ownAddresses: [SHOP] })).ok).toBe(
    true,
  )

  await expect(inbox.grid.getByRole('row', { name: new RegExp(`Greta Lindner.*${word}`) })).toBeVisible()
  await expect(inbox.grid.getByRole('row', { name: selectedName, exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  await expect(app.page.getByRole('heading', { level: 2, name: heading })).toBeVisible()
})
