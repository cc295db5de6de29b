import { expect, test } from './support/fixtures'
import { ConversationPage } from './support/conversation-page'
import { InboxPage } from './support/inbox-page'

test.describe('sentiment', () => {
  test('the inbox filters by mood, and the conversation names the mood of each customer message in words', async ({
    app,
  }) => {
    const inbox = new InboxPage(app.page)
    await inbox.filterStatus('All')
    await app.page.getByRole('combobox', { name: 'Mood' }).selectOption({ label: 'Negative' })

    // Every row says its mood in its name and in a badge, not by colour alone.
    const first = inbox.grid.getByRole('row', { name: /mood Negative$/ }).first()
    await expect(first).toBeVisible()
    await expect(inbox.rows.filter({ hasNotText: 'Negative' })).toHaveCount(0)
    await expect(first.locator('.badge', { hasText: /^Negative$/ })).toHaveAttribute(
      'title',
      /^Mood of the customer's latest message: Negative \([-−]0[.,]\d+/,
    )

    await first.click()
    const conversation = new ConversationPage(app.page)
    const complaint = conversation.thread
      .getByRole('listitem')
      .filter({ has: app.page.getByTitle(/^Mood of this message: Negative/) })
    await expect(complaint.first()).toBeVisible()

    await app.page.getByRole('combobox', { name: 'Mood' }).selectOption({ label: 'Positive' })
    await expect(inbox.grid.getByRole('row', { name: /mood Positive$/ }).first()).toBeVisible()
    await expect(inbox.rows.filter({ hasText: /^Negative$/ })).toHaveCount(0)
  })

  test('auf Deutsch: der Stimmungsfilter und die Plaketten sprechen Deutsch', async ({ app }) => {
    await app.page.getByRole('combobox', { name: 'Language' }).selectOption('de')
    await app.page.getByRole('combobox', { name: 'Status' }).first().selectOption({ label: 'Alle' })
    await app.page.getByRole('combobox', { name: 'Stimmung' }).selectOption({ label: 'Negativ' })
    const grid = app.page.getByRole('grid', { name: 'Unterhaltungen' })
    const first = grid.getByRole('row', { name: /Stimmung Negativ$/ }).first()
    await expect(first).toBeVisible()
    await expect(first.locator('.badge', { hasText: /^Negativ$/ })).toBeVisible()
  })
})
