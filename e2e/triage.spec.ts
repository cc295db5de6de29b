import { expect, test } from './support/fixtures'
import { localDateTime, TriagePage, type Lang } from './support/triage-page'

for (const lang of ['en', 'de'] as const satisfies Lang[]) {
  test.describe(`triage in ${lang === 'en' ? 'English' : 'German'}`, () => {
    test('moves, opens, assigns and closes conversations with the keyboard only', async ({ app }) => {
      const inbox = new TriagePage(app.page, lang)
      const { page, ui } = inbox
      await inbox.speak()
      const second = await inbox.rowName(1)

      await page.keyboard.press('j')
      await expect(inbox.rows.nth(0)).toBeFocused()
      await page.keyboard.press('j')
      await expect(inbox.rows.nth(1)).toBeFocused()
      await page.keyboard.press('k')
      await page.keyboard.press('j')
      await page.keyboard.press('o')
      await expect(inbox.row(second)).toHaveAttribute('aria-selected', 'true')
      await expect(inbox.conversation).toBeVisible()

      await page.keyboard.press('a')
      const assign = inbox.dialog(ui.assign)
      const field = assign.getByRole('combobox', { name: ui.assignTo })
      // Offered first: the agent at the keyboard, selected, so typing replaces it.
      await expect(field).toHaveValue('me')
      await page.keyboard.type('Jonas Becker')
      await page.keyboard.press('Enter')
      await expect(assign).toBeHidden()
      await expect(inbox.row(second)).toContainText('Jonas Becker')
      await expect(inbox.row(second)).toBeFocused()

      await page.keyboard.press('e')
      await expect(inbox.notice(ui.markedDone)).toBeVisible()
      await expect(inbox.row(second)).toHaveCount(0)
      await expect(inbox.conversation.getByRole('combobox', { name: ui.status })).toHaveValue('done')
      // The cursor lands on the row that took the closed one's place.
      await expect(inbox.rows.nth(1)).toBeFocused()
    })

    test('snoozes a conversation until a time and sees it come back on its own', async ({ app }) => {
      const inbox = new TriagePage(app.page, lang)
      const { page, ui } = inbox
      await inbox.speak()
      const first = await inbox.rowName(0)

      await page.keyboard.press('j')
      await page.keyboard.press('s')
      const snooze = inbox.dialog(ui.snooze)
      await snooze.getByLabel(ui.dateTime).fill(localDateTime(Date.now() + 6_000))
      await snooze.getByRole('button', { name: ui.snoozeSubmit, exact: true }).click()
      await expect(snooze).toBeHidden()
      await expect(inbox.notice(ui.snoozed)).toBeVisible()
      await expect(inbox.row(first)).toHaveCount(0)

      // The core reopens it when the time passes and tells the page, which shows it again.
      await expect(inbox.row(first)).toBeVisible({ timeout: 30_000 })
    })

    test('lists every shortcut on "?" and never fires one while typing', async ({ app }) => {
      const inbox = new TriagePage(app.page, lang)
      const { page, ui } = inbox
      await inbox.speak()

      await page.keyboard.press('?')
      const help = inbox.dialog(ui.shortcuts)
      await expect(help.getByRole('definition').filter({ hasText: ui.nextConversation })).toBeVisible()
      await expect(help.getByText('j', { exact: true })).toBeVisible()
      await page.keyboard.press('Escape')
      await expect(help).toBeHidden()

      await page.keyboard.press('j')
      await page.keyboard.press('Enter')
      await page.keyboard.press('n')
      const note = inbox.conversation.getByRole('textbox', { name: ui.note })
      await expect(note).toBeFocused()
      await page.keyboard.type('jeas?')
      await expect(note).toHaveValue('jeas?')
      await expect(page.getByRole('dialog')).toHaveCount(0)

      await page.keyboard.press('Escape')
      await note.blur()
      await page.keyboard.press('r')
      await expect(inbox.conversation.getByRole('textbox', { name: ui.reply, exact: true })).toBeFocused()
    })

    test('looks a contact up with Ctrl+K and opens them', async ({ app }) => {
      const inbox = new TriagePage(app.page, lang)
      const { page, ui } = inbox
      await inbox.speak()

      await page.keyboard.press('Control+k')
      const lookup = inbox.dialog(ui.lookup)
      const field = lookup.getByRole('combobox', { name: ui.lookupField })
      await expect(field).toBeFocused()
      // By the domain of her email address, not her name.
      await field.fill('rheinblick')
      const option = lookup.getByRole('option', { name: /Ingrid Hoffmann/ }).first()
      await expect(option).toBeVisible()
      await expect(field).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id')) ?? '')
      await page.keyboard.press('Enter')
      await expect(lookup).toBeHidden()
      await expect(page.getByRole('heading', { level: 2, name: 'Ingrid Hoffmann' })).toBeVisible()
    })
  })
}

test('acts on a selection in bulk and finds it again under "Mine"', async ({ app }) => {
  const inbox = new TriagePage(app.page, 'en')
  const { page } = inbox
  await inbox.speak()
  const names = [await inbox.rowName(0), await inbox.rowName(1), await inbox.rowName(2)]

  await inbox.rows.nth(0).getByRole('checkbox').click()
  await inbox.rows
    .nth(2)
    .getByRole('checkbox')
    .click({ modifiers: ['Shift'] })
  const bulk = page.getByRole('group', { name: 'Bulk actions' })
  await expect(bulk).toContainText('3 selected')
  // Ticking a row does not open it.
  await expect(inbox.conversation).toHaveCount(0)

  await bulk.getByRole('button', { name: 'Assign…' }).click()
  const assign = inbox.dialog('Assign')
  await expect(assign.getByRole('combobox', { name: 'Assign to' })).toHaveValue('me')
  await assign.getByRole('button', { name: 'Assign', exact: true }).click()
  await expect(inbox.notice(/3 conversations assigned to me/)).toBeVisible()

  await page.getByRole('list', { name: 'Saved views' }).getByRole('button', { name: 'Mine' }).click()
  await expect(page.getByRole('button', { name: 'Mine' })).toHaveAttribute('aria-pressed', 'true')
  await expect(inbox.rows).toHaveCount(3)
  for (const name of names) await expect(inbox.row(name)).toBeVisible()

  await inbox.grid.getByRole('checkbox', { name: 'Select all loaded conversations' }).check()
  await expect(bulk).toContainText('3 selected')
  await bulk.getByRole('button', { name: 'Mark as done' }).click()
  await expect(inbox.notice(/3 conversations marked as Done/)).toBeVisible()
  await expect(inbox.rows).toHaveCount(0)
  await expect(bulk).toBeHidden()
})

test('runs a command from the Ctrl+K palette, even from a text field', async ({ app }) => {
  const inbox = new TriagePage(app.page, 'en')
  const { page } = inbox
  await inbox.speak()

  await page.keyboard.press('/')
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused()
  await page.keyboard.press('Control+k')
  const field = inbox.dialog('Who is this?').getByRole('combobox', { name: 'Find a contact or a command' })
  await field.fill('accounts')
  await page.getByRole('option', { name: 'Go to accounts' }).click()
  await expect(page.getByRole('button', { name: 'Accounts' })).toHaveAttribute('aria-current', 'page')

  // Back from elsewhere, straight into a saved view.
  await page.keyboard.press('Control+k')
  await field.fill('view negative')
  await page.keyboard.press('Enter')
  const views = page.getByRole('list', { name: 'Saved views' })
  await expect(views.getByRole('button', { name: 'Negative' })).toHaveAttribute('aria-pressed', 'true')
  await expect(views.getByRole('button', { name: 'All' })).toHaveAttribute('aria-pressed', 'false')
})

test('tags a conversation, keeps one tag whatever its case, and removes it', async ({ app }) => {
  const inbox = new TriagePage(app.page, 'en')
  await inbox.speak()
  await inbox.rows.first().click()
  const pane = inbox.conversation
  const delivery = pane
    .getByRole('list', { name: 'Tags' })
    .getByRole('listitem')
    .filter({ hasText: /^delivery/i })
  const add = async (tag: string) => {
    await pane.getByRole('combobox', { name: 'New tag' }).fill(tag)
    await pane.getByRole('button', { name: 'Add tag' }).click()
  }

  await add('Delivery')
  await expect(delivery).toHaveCount(1)
  await expect(pane.getByRole('combobox', { name: 'New tag' })).toHaveValue('')
  await add('delivery')
  await expect(delivery).toHaveText(['Delivery×'])
  await pane.getByRole('button', { name: 'Remove tag Delivery' }).click()
  await expect(delivery).toHaveCount(0)
})
