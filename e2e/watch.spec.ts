import fs from 'node:fs'
import { startFeedsEmulator, type FeedsEmulator } from '../emulators/feeds/server'
import { AccountsPage } from './support/accounts-page'
import { FeedsPage } from './support/feeds-page'
import { expect, test } from './support/fixtures'
import { InboxPage } from './support/inbox-page'

// A feed server of the test's own: `earshot serve` (started without live demo traffic) reads it on loopback.
let feeds: FeedsEmulator
test.beforeEach(async () => {
  feeds = await startFeedsEmulator({ seed: 21 })
})
test.afterEach(async () => {
  await feeds.close()
})

test('a blog post naming the shop becomes a web mention that is answered on the site', async ({ app }) => {
  const page = app.page
  const watch = new FeedsPage(page)
  await watch.open()
  await watch.add(feeds.control.url('blog'), 'Sonnenschein')
  const blog = watch.feed('Düsseldorf isst')
  await expect(blog).toContainText('OK')
  await expect(blog).toContainText('Keywords: Sonnenschein')

  const post = feeds.control.addPost('blog', {
    title: 'Quittenbrot im Test',
    html: '<p>Das Quittenbrot der <b>Bäckerei Sonnenschein</b> ist neu &amp; gut.</p>',
    author: { name: 'Greta Bloggt' },
  })
  await blog.getByRole('button', { name: 'Check now' }).click()

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Inbox' }).click()
  await page.getByRole('combobox', { name: 'Channel' }).selectOption({ label: 'Web' })
  const row = new InboxPage(page).grid.getByRole('row', { name: /Greta Bloggt.*Quittenbrot im Test/ })
  await expect(row).toBeVisible()
  await row.click()
  await expect(
    page.getByRole('list', { name: 'Messages' }).getByText('Das Quittenbrot der Bäckerei Sonnenschein ist neu & gut.'),
  ).toBeVisible()
  // Read only: no composer, a link out to the post instead, opened outside the app.
  await expect(page.getByRole('textbox', { name: 'Reply', exact: true })).toHaveCount(0)
  const onSite = page.getByRole('link', { name: 'Reply on the site' })
  await expect(onSite).toHaveAttribute('href', `${feeds.baseUrl}/posts/${post.slug}`)
  await expect(onSite).toHaveAttribute('target', '_blank')
  await expect(onSite).toHaveAttribute('rel', 'noopener noreferrer')
})

test('a broken feed shows its own error while the other feed keeps working', async ({ app }) => {
  const watch = new FeedsPage(app.page)
  await watch.open()
  await watch.add(feeds.control.url('blog'), 'Sonnenschein')
  await expect(watch.feed('Düsseldorf isst')).toContainText('OK')
  feeds.control.fault('reviews', { kind: 'malformed' })
  await watch.add(feeds.control.url('reviews'))
  const reviews = watch.feed(/reviews\/atom\.xml/)
  await expect(reviews.getByRole('alert')).toContainText('The last check failed: The feed is not valid XML')
  await expect(watch.feed('Düsseldorf isst')).toContainText('OK')

  // The site is fixed: the next check reads it.
  await reviews.getByRole('button', { name: 'Check now' }).click()
  await expect(watch.feed('Rheinland Reviews: Bäckereien')).toContainText('OK')
  await expect(watch.feed('Rheinland Reviews: Bäckereien').getByRole('alert')).toHaveCount(0)
})

test('imports contacts from a German Excel CSV after the column mapping step', async ({ app }, testInfo) => {
  const csv = testInfo.outputPath('Kunden.csv')
  fs.writeFileSync(
    csv,
    Buffer.from(
      'Vorname;Nachname;E-Mail\r\nJürgen;Weiß;juergen.weiss@example.de\r\nPaula;"Kästner; Jr.";paula@example.de\r\n',
      'latin1',
    ),
  )
  const accounts = new AccountsPage(app.page)
  await accounts.open()
  await accounts.importMail([csv])

  const mapping = accounts.dialog.getByRole('group', { name: /Which column holds what/ })
  await expect(mapping).toContainText('Read as Windows-1252, fields separated by semicolons.')
  await expect(mapping.getByRole('combobox', { name: 'First name' })).toHaveValue('Vorname')
  await expect(mapping.getByRole('combobox', { name: 'E-mail address' })).toHaveValue('E-Mail')
  await expect(mapping.getByRole('table')).toContainText('Kästner; Jr.')
  await accounts.dialog.getByRole('button', { name: 'Import contacts' }).click()
  await expect(accounts.dialog.getByRole('status')).toHaveText('2 contacts imported.')

  await accounts.dialog.getByRole('button', { name: 'Close' }).click()
  await new InboxPage(app.page).search('Kästner')
  await expect(app.page.getByRole('button', { name: /Paula Kästner; Jr\./ }).first()).toBeVisible()
})
