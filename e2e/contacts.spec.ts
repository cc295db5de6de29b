import { expect, test } from './support/fixtures'
import { ContactPage } from './support/contact-page'

test.describe('the contact view', () => {
  test("opens a contact's timeline and keeps VIP, outcome, field, tag and note across a reload", async ({ app }) => {
    const contact = new ContactPage(app.page)
    await contact.openBySearch('Ingrid Hoffmann')
    await expect(contact.heading).toHaveText('Ingrid Hoffmann')
    await expect(contact.timeline.locator('.badge', { hasText: /^Email$/ }).first()).toBeVisible()
    // Ingrid orders every week: more events than one page, the next loaded when scrolling reaches the end.
    const scroller = contact.timeline.locator('..')
    const firstPageHeight = await scroller.evaluate((el) => el.scrollHeight)
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight))
    await expect.poll(() => scroller.evaluate((el) => el.scrollHeight)).toBeGreaterThan(firstPageHeight)

    await app.page.getByRole('checkbox', { name: 'VIP' }).check()
    await expect(app.page.locator('.view-head .badge.vip')).toHaveText('VIP')

    const outcome = contact.section('Sales outcome')
    await outcome.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: 'Sale' })
    await outcome.getByRole('textbox', { name: 'Value' }).fill('12,x')
    await outcome.getByRole('button', { name: 'Save outcome' }).click()
    await expect(outcome.getByRole('alert')).toContainText('129.90')
    await outcome.getByRole('textbox', { name: 'Value' }).fill('1,299.50')
    await outcome.getByRole('button', { name: 'Save outcome' }).click()
    await expect(app.page.locator('.view-head')).toContainText('Sale · €1,299.50')

    const fields = contact.section('Fields')
    await fields.getByRole('combobox', { name: 'Field' }).fill('Customer number')
    await fields.getByRole('textbox', { name: 'Value' }).fill('K-4711')
    await fields.getByRole('button', { name: 'Save field' }).click()
    await expect(fields.getByRole('definition')).toHaveText('K-4711')

    const tags = contact.section('Tags')
    await tags.getByRole('combobox', { name: 'New tag' }).fill('Office breakfast')
    await tags.getByRole('button', { name: 'Add tag' }).click()
    await expect(tags.getByRole('list', { name: 'Tags' })).toContainText('Office breakfast')

    const notes = contact.section('Notes')
    await notes.getByRole('textbox', { name: 'Note about this contact' }).fill('Prefers pickup at 8:15')
    await notes.getByRole('button', { name: 'Add note' }).click()
    await expect(notes.getByRole('list', { name: 'Notes' })).toContainText('Prefers pickup at 8:15')

    await app.page.reload()
    await contact.openBySearch('Ingrid Hoffmann')
    await expect(app.page.getByRole('checkbox', { name: 'VIP' })).toBeChecked()
    await expect(app.page.locator('.view-head')).toContainText('Sale · €1,299.50')
    await expect(contact.section('Fields').getByRole('definition')).toHaveText('K-4711')
    await expect(contact.section('Tags').getByRole('list', { name: 'Tags' })).toContainText('Office breakfast')
    await expect(contact.section('Notes').getByRole('list', { name: 'Notes' })).toContainText('Prefers pickup at 8:15')
  })

  test('merges two contacts from a suggestion and undoes it with both timelines intact', async ({ app }) => {
    const contact = new ContactPage(app.page)
    await contact.showSuggestions()
    const suggestion = contact.suggestions.filter({ hasText: 'Handle @helene_isst named in a mail signature' })
    await expect(suggestion).toHaveCount(1)
    await expect(suggestion).toContainText('80% sure')

    // Both contacts as they are before the merge: the one on X stays, the one by mail joins it.
    const sides = suggestion.getByRole('button', { name: 'Helene Armbruster' })
    const [onX, byMail] = [sides.first(), sides.last()]
    await onX.click()
    await expect(contact.heading).toHaveText('Helene Armbruster')
    await expect(contact.timelineItems.first()).toBeVisible()
    const xTimeline = await contact.timelineTexts()
    await contact.showSuggestions()
    await byMail.click()
    await expect(contact.timeline.locator('.badge', { hasText: /^Email$/ }).first()).toBeVisible()
    const mailTimeline = await contact.timelineTexts()

    await contact.showSuggestions()
    await suggestion.getByRole('button', { name: 'Merge', exact: true }).click()
    await expect(contact.heading).toHaveText('Helene Armbruster')
    await expect(contact.timelineItems).toHaveCount(xTimeline.length + mailTimeline.length)
    await expect(contact.identities).toHaveCount(2)
    const merged = await contact.timelineTexts()
    expect([...merged].sort()).toEqual([...xTimeline, ...mailTimeline].sort())
    await expect(contact.section('Merges')).toContainText('Handle @helene_isst named in a mail signature')

    await contact.section('Merges').getByRole('button', { name: 'Undo merge with Helene Armbruster' }).click()
    await expect(contact.timelineItems).toHaveCount(xTimeline.length)
    expect(await contact.timelineTexts()).toEqual(xTimeline)
    await expect(contact.identities).toHaveCount(1)
    await app.page.getByRole('status').getByRole('button', { name: 'Open Helene Armbruster' }).click()
    await expect(contact.timelineItems).toHaveCount(mailTimeline.length)
    expect(await contact.timelineTexts()).toEqual(mailTimeline)

    // Someone has just said they are two people: the pair is not suggested again.
    await contact.showSuggestions()
    await expect(app.page.getByRole('heading', { name: 'Possible duplicates' })).toBeVisible()
    await expect(contact.suggestions.filter({ hasText: 'helene_isst' })).toHaveCount(0)
  })

  test('splits a channel off into a contact of its own', async ({ app }) => {
    const contact = new ContactPage(app.page)
    await contact.openBySearch('Ingrid Hoffmann')
    await expect(contact.identities).toHaveCount(2)
    await expect(contact.timeline.locator('.badge', { hasText: /^Facebook$/ }).first()).toBeVisible()

    await app.page.getByRole('button', { name: 'Split Ingrid Hoffmann (Facebook) off into a new contact' }).click()
    await expect(contact.identities).toHaveCount(1)
    await expect(
      app.page.getByRole('status').filter({ hasText: 'Ingrid Hoffmann is now a contact of its own.' }),
    ).toBeVisible()
    await expect(contact.timelineItems.first()).toBeVisible()
    await expect(contact.timeline.locator('.badge', { hasText: /^Facebook$/ })).toHaveCount(0)

    await app.page.getByRole('status').getByRole('button', { name: 'Open Ingrid Hoffmann' }).click()
    await expect(contact.identities).toHaveCount(1)
    await expect(contact.identities.first()).toContainText('Facebook')
    await expect(contact.timelineItems.first()).toBeVisible()
    await expect(contact.timeline.locator('.badge', { hasText: /^Email$/ })).toHaveCount(0)
  })
})
