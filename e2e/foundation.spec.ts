import { expect, test } from './support/fixtures'
import { InboxPage } from './support/inbox-page'

test.describe('the demo workspace in the app', () => {
  test('shows demo conversations from all three channels and filters by channel', async ({ app }) => {
    const inbox = new InboxPage(app.page)
    await expect(app.page.getByRole('heading', { name: 'Inbox' })).toBeVisible()
    await expect(app.page.getByRole('combobox', { name: 'Workspace' })).toContainText('Demo')
    await inbox.filterStatus('All')
    for (const channel of ['Email', 'Facebook', 'X'] as const) {
      await expect(inbox.channelBadges(channel).first()).toBeVisible()
    }

    await inbox.filterChannel('X')
    await expect(inbox.channelBadges('Email')).toHaveCount(0)
    await expect(inbox.channelBadges('Facebook')).toHaveCount(0)
    await expect(inbox.channelBadges('X').first()).toBeVisible()
    const xRows = await inbox.rows.count()
    expect(xRows).toBeGreaterThan(0)
    expect(await inbox.channelBadges('X').count()).toBe(xRows)
  })

  test('opens a contact with messages of two channels on one timeline', async ({ app }) => {
    const inbox = new InboxPage(app.page)
    await inbox.search('Ingrid Hoffmann')
    await app.page.getByRole('button', { name: /Ingrid Hoffmann/ }).first().click()
    await expect(app.page.getByRole('heading', { level: 2, name: 'Ingrid Hoffmann' })).toBeVisible()
    const timeline = app.page.getByRole('list', { name: 'Timeline' })
    await expect(timeline.locator('.badge', { hasText: /^Email$/ }).first()).toBeVisible()
    await expect(timeline.locator('.badge', { hasText: /^Facebook$/ }).first()).toBeVisible()
  })

  test('finds a known message by search and opens its conversation', async ({ app }) => {
    const inbox = new InboxPage(app.page)
    await inbox.search('Dinkelbrötchen Sesam')
    await expect(app.page.getByRole('heading', { name: /Search results/ })).toBeVisible()
    const hit = app.page.getByRole('button', { name: /Dinkelbrötchen ohne Sesam/ }).first()
    await expect(hit).toBeVisible()
    await hit.click()
    await expect(app.page.getByText('meine Tochter verträgt keinen Sesam').first()).toBeVisible()
  })

  test('keeps an internal note across a reload', async ({ app }) => {
    const inbox = new InboxPage(app.page)
    const rowName = (await inbox.rows.first().getAttribute('aria-label')) ?? ''
    await inbox.rows.first().click()
    const note = `Rückruf vereinbart ${Date.now()}`
    await app.page.getByRole('textbox', { name: 'Internal note' }).fill(note)
    await app.page.getByRole('button', { name: 'Add note' }).click()
    await expect(app.page.getByText(note)).toBeVisible()

    await app.page.reload()
    await inbox.grid.getByRole('row', { name: rowName, exact: true }).click()
    await expect(app.page.getByText(note)).toBeVisible()
  })

  test('speaks German when switched', async ({ app }) => {
    await app.page.getByRole('combobox', { name: 'Language' }).selectOption('de')
    await expect(app.page.getByRole('heading', { name: 'Posteingang' })).toBeVisible()
    await expect(app.page.getByRole('grid', { name: 'Unterhaltungen' })).toBeVisible()
    await app.page.reload()
    await expect(app.page.getByRole('heading', { name: 'Posteingang' })).toBeVisible()
  })
})

test('removes the demo workspace after asking, and it stays removed', async ({ app }) => {
  const switcher = app.page.getByRole('combobox', { name: 'Workspace' })
  const before = await switcher.locator('option').count()
  const current = (await switcher.locator('option:checked').textContent()) ?? ''
  await app.page.getByRole('button', { name: 'Remove workspace' }).click()
  const dialog = app.page.getByRole('dialog')
  await expect(dialog).toContainText('cannot be undone')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(switcher.locator('option')).toHaveCount(before)

  await app.page.getByRole('button', { name: 'Remove workspace' }).click()
  await dialog.getByRole('button', { name: 'Remove' }).click()
  await expect(switcher.locator('option')).toHaveCount(before - 1)
  await expect(switcher).not.toContainText(current)
  await app.page.reload()
  await expect(switcher.locator('option')).toHaveCount(before - 1)
})
