import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { InboxPage } from './support/inbox-page'
import { onlyChannel } from './support/only-channel'
import { WorkspacesPage } from './support/workspaces-page'
import { XEmulator } from './support/x-emulator'

/** One customer mail as an .eml file in a fresh folder, for the import dialog. */
function writeMail(dir: string, word: string): string {
  fs.mkdirSync(dir, { recursive: true })
  const headers = [
    'From: Mira Kühn <mira.kuehn@example.org>',
    'To: studio@yoga-am-park.example',
    `Subject: Frage zum ${word}`,
    `Date: ${new Date(Date.now() - 3_600_000).toUTCString()}`,
    `Message-ID: <${Date.now()}.${word}@example.org>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  ]
  fs.writeFileSync(path.join(dir, 'question.eml'), `${headers.join('\r\n')}\r\n\r\nGibt es noch Plätze im ${word}?\r\n`)
  return dir
}

// Each flow runs many steps against a freshly started host; give it more than the default minute.
test.describe.configure({ timeout: 120_000 })

async function importThroughEmptyState(page: Page, dir: string): Promise<void> {
  await page.getByRole('button', { name: 'Import mail', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Import mail' })
  await dialog.getByRole('textbox', { name: 'Files or folders (one path per line)' }).fill(dir)
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  // The import starts a worker thread of its own: allow it more than the default 10 s.
  await expect(dialog.getByRole('status')).toHaveText('1 message imported.', { timeout: 30_000 })
  await dialog.getByRole('button', { name: 'Close' }).click()
}

test('creates a workspace that starts empty, keeps its data to itself, and is renamed, archived, restored and exported', async ({
  app,
}, testInfo) => {
  const page = app.page
  const workspaces = new WorkspacesPage(page)
  const inbox = new InboxPage(page)
  const demo = (await workspaces.offered())[0] ?? ''

  await workspaces.create('Yoga am Park')
  await expect(workspaces.switcher.locator('option:checked')).toHaveText('Yoga am Park')
  await expect(page.getByRole('heading', { name: '“Yoga am Park” has no conversations yet' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Connect an account' })).toBeVisible()

  // The empty state's import leads to the dialog; the mail lands in this workspace only.
  const word = 'Abendkurs'
  await importThroughEmptyState(page, writeMail(testInfo.outputPath('mail'), word))
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Inbox' }).click()
  await expect(inbox.grid.getByRole('row', { name: new RegExp(`Mira Kühn.*${word}`) })).toBeVisible()
  await expect(page.getByRole('heading', { name: /has no conversations yet/ })).toHaveCount(0)

  await workspaces.switcher.selectOption({ label: demo })
  await expect(inbox.rows.first()).toBeVisible()
  await expect(inbox.grid.getByRole('row', { name: new RegExp(word) })).toHaveCount(0)
  await inbox.search(word)
  await expect(page.getByRole('heading', { name: /Search results/ })).toBeVisible()
  await expect(page.getByRole('button', { name: new RegExp(`Mira Kühn.*${word}`) })).toHaveCount(0)
  await workspaces.switcher.selectOption({ label: 'Yoga am Park' })
  await expect(inbox.grid.getByRole('row', { name: new RegExp(`Mira Kühn.*${word}`) })).toBeVisible()

  await workspaces.rename('Yoga am Park', 'Yoga Studio Süd')
  await expect(workspaces.switcher.locator('option:checked')).toHaveText('Yoga Studio Süd')

  // Archived: gone from the switcher (which moves to another workspace), still listed on request, restorable.
  await workspaces.open()
  await workspaces.dialog.getByRole('button', { name: 'Archive Yoga Studio Süd' }).click()
  await expect(workspaces.item('Yoga Studio Süd')).toHaveCount(0)
  expect(await workspaces.offered()).not.toContain('Yoga Studio Süd')
  await workspaces.dialog.getByRole('checkbox', { name: 'Show archived workspaces' }).check()
  await expect(workspaces.item('Yoga Studio Süd')).toContainText('Archived')
  await workspaces.dialog.getByRole('button', { name: 'Restore Yoga Studio Süd' }).click()
  await expect(workspaces.item('Yoga Studio Süd')).not.toContainText('Archived')
  await expect.poll(() => workspaces.offered()).toContain('Yoga Studio Süd')

  // Export into a folder named here; an existing folder with files in it is refused, not overwritten.
  const folder = testInfo.outputPath('export', 'Yoga Studio Süd')
  await workspaces.dialog.getByRole('button', { name: 'Export Yoga Studio Süd' }).click()
  const folderBox = workspaces.dialog.getByRole('textbox', { name: 'Folder for the export of Yoga Studio Süd' })
  await folderBox.fill(folder)
  await workspaces.dialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(workspaces.dialog.getByRole('status').filter({ hasText: 'Exported' })).toContainText(folder)
  const messages = JSON.parse(fs.readFileSync(path.join(folder, 'messages.json'), 'utf8')) as { body_text: string }[]
  expect(messages.map((m) => m.body_text.trim())).toEqual([`Gibt es noch Plätze im ${word}?`])
  await workspaces.dialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(workspaces.item('Yoga Studio Süd').getByRole('alert')).toContainText('not empty')
})

test('removes a workspace only after asking', async ({ app }) => {
  const workspaces = new WorkspacesPage(app.page)
  await workspaces.create('Kurzzeit-Kunde')
  await expect(workspaces.switcher.locator('option:checked')).toHaveText('Kurzzeit-Kunde')
  await app.page.getByRole('button', { name: 'Remove workspace' }).click()
  const confirm = app.page.getByRole('dialog', { name: 'Remove “Kurzzeit-Kunde”?' })
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  expect(await workspaces.offered()).toContain('Kurzzeit-Kunde')

  await app.page.getByRole('button', { name: 'Remove workspace' }).click()
  await confirm.getByRole('button', { name: 'Remove' }).click()
  await expect.poll(() => workspaces.offered()).not.toContain('Kurzzeit-Kunde')
  await app.page.reload()
  await expect(workspaces.switcher.locator('option:checked')).not.toHaveText('Kurzzeit-Kunde')
  expect(await workspaces.offered()).not.toContain('Kurzzeit-Kunde')
})

test('refuses a second workspace with the same name, in words a person understands', async ({ app }) => {
  const workspaces = new WorkspacesPage(app.page)
  await workspaces.create('Fahrradladen')
  await workspaces.create('FAHRRADLADEN')
  await expect(workspaces.dialog.getByRole('alert')).toContainText('Someone changed this at the same time')
  await expect(workspaces.dialog.getByRole('alert')).toContainText('There is already a workspace called “FAHRRADLADEN”')
})

interface Shown {
  title: string
  body: string
}
/** The page globals the notification recorder uses (this file compiles without the DOM library). */
interface PageNotifications {
  Notification: { new (title: string, options?: { body?: string }): object; readonly permission: string }
  shownNotifications?: Shown[]
}

test.describe('with live demo traffic', () => {
  test.use({ live: true })

  test('a new message on a conversation assigned to me becomes a desktop notification', async ({ app, context }) => {
    const page = app.page
    await context.grantPermissions(['notifications'], { origin: new URL(page.url()).origin })
    // Record what the page shows, while the browser's own Notification still does the showing.
    await page.addInitScript(() => {
      const page = globalThis as unknown as PageNotifications
      const Real = page.Notification
      const shown: Shown[] = []
      page.shownNotifications = shown
      class Recording extends Real {
        constructor(title: string, options?: { body?: string }) {
          super(title, options)
          shown.push({ title, body: options?.body ?? '' })
        }
      }
      Object.defineProperty(Recording, 'permission', { get: () => Real.permission })
      page.Notification = Recording
    })
    await page.reload()
    const shown = () => page.evaluate(() => (globalThis as unknown as PageNotifications).shownNotifications ?? [])

    await page.getByRole('button', { name: 'Notifications' }).click()
    const settings = page.getByRole('dialog', { name: 'Desktop notifications' })
    await expect(settings).toContainText("This browser shows Earshot's notifications.")
    await expect(settings.getByRole('checkbox', { name: 'New work assigned to me' })).toBeChecked()
    await settings.getByRole('button', { name: 'Close' }).click()

    const x = await XEmulator.of(app)
    const inbox = new InboxPage(page)
    await onlyChannel(inbox, 'X')
    const question = `Backt ihr auch glutenfrei? ${Date.now()}`
    const first = await x.mention(question)
    const row = inbox.grid.getByRole('row', { name: new RegExp(question.replace(/[?]/g, '\\?')) })
    await expect(row).toBeVisible({ timeout: 30_000 })
    await row.click()
    // "me" is who this app's user is to the core (its actor): the name work is assigned to.
    await page.getByRole('textbox', { name: 'Assignee' }).fill('me')
    await page.getByRole('button', { name: 'Assign', exact: true }).click()
    await expect(row).toContainText('me')

    const followUp = `Und habt ihr Samstag offen? ${Date.now()}`
    await x.mention(followUp, first)
    await expect.poll(shown, { timeout: 30_000 }).toContainEqual({
      title: 'New message in your conversation',
      body: expect.stringContaining(followUp),
    })
  })

  test('the header says when this device is offline', async ({ app, context }) => {
    const status = app.page.getByRole('group', { name: 'Connection and outbox' }).getByRole('status').first()
    await expect(status).toHaveText('')
    await context.setOffline(true)
    await expect(status).toHaveText('Offline: replies wait in the outbox until you are back online')
    await context.setOffline(false)
    await expect(status).toHaveText('')
  })
})
