import { APP_PASSWORD, MAIN_PASSWORD } from '../emulators/bluesky/sessions'
import { AccountsPage } from './support/accounts-page'
import { BlueskyEmulator } from './support/bluesky-emulator'
import { ConnectPage } from './support/connect-page'
import { expect, test } from './support/fixtures'
import { WorkspacesPage } from './support/workspaces-page'

// The demo's emulators (and the lines that name their addresses) run only with live traffic.
test.use({ live: true })

/** The demo shop's account on the Bluesky emulator: the one its app and main passwords belong to. */
const SHOP_HANDLE = 'sonnenschein-dus.bsky.social'

async function mastodonOf(app: { serverOutput: () => string }): Promise<string> {
  let baseUrl = ''
  await expect
    .poll(() => (baseUrl = /^demo: mastodon (\S+)$/m.exec(app.serverOutput())?.[1] ?? ''), { timeout: 30_000 })
    .not.toBe('')
  return baseUrl
}

test('connects Bluesky with an app password and Mastodon with the code its instance shows, from the Accounts view', async ({
  app,
}) => {
  const [bluesky, mastodon] = await Promise.all([BlueskyEmulator.of(app), mastodonOf(app)])
  // A workspace of its own: the demo's already holds the shop's accounts, and a second connect is refused.
  await new WorkspacesPage(app.page).create('Filiale Nord')
  const accounts = new AccountsPage(app.page)
  await accounts.open()
  await expect(app.page.getByText('This workspace has no accounts yet.')).toBeVisible()
  const connect = new ConnectPage(app.page)

  await test.step('the main password is refused, saying where an app password is made', async () => {
    await connect.connectBluesky({ handle: `@${SHOP_HANDLE}`, password: MAIN_PASSWORD, apiAddress: bluesky.baseUrl })
    const refusal = connect.bluesky.getByRole('alert')
    await expect(refusal).toContainText('main password')
    await expect(refusal).toContainText('Settings → Privacy and security → App passwords')
    await expect(connect.bluesky.getByLabel('App password')).toHaveValue('')
  })

  await test.step('an app password connects the account, which the list shows at once', async () => {
    await connect.connectBluesky({ handle: SHOP_HANDLE, password: APP_PASSWORD, apiAddress: bluesky.baseUrl })
    await expect(connect.bluesky.getByRole('status')).toHaveText(`Connected: @${SHOP_HANDLE}`)
    await expect(connect.bluesky.getByRole('alert')).toHaveCount(0)
    await expect(accounts.account(new RegExp(`@${SHOP_HANDLE.replace(/\./g, '\\.')}`))).toContainText('Connected')
  })

  await test.step('Mastodon: the instance’s sign-in page shows a code, pasted back into Earshot', async () => {
    const link = await connect.beginMastodon(mastodon)
    await connect.finishMastodon('mistyped')
    await expect(connect.mastodon.getByRole('alert')).toContainText('did not accept this code')

    const [consent] = await Promise.all([app.page.waitForEvent('popup'), link.click()])
    const code = await consent.getByRole('textbox').inputValue()
    await consent.close()
    await connect.finishMastodon(code)
    const handle = `@sonnenschein@${new URL(mastodon).host}`
    await expect(connect.mastodon.getByRole('status')).toHaveText(`Connected: ${handle}`)
    await expect(accounts.account(/Bäckerei Sonnenschein/)).toContainText(handle)
  })
})
