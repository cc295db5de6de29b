import type { Locator, Page } from '@playwright/test'

/** The Accounts view's panels for connecting Bluesky and Mastodon (English UI). */
export class ConnectPage {
  readonly bluesky: Locator
  readonly mastodon: Locator

  constructor(readonly page: Page) {
    const panels = page.getByRole('region', { name: 'Connect an account' })
    this.bluesky = panels.getByRole('region', { name: 'Bluesky' })
    this.mastodon = panels.getByRole('region', { name: 'Mastodon' })
  }

  /** Signs in with a handle and a password, at the given server (the emulator) instead of bsky.social. */
  async connectBluesky(arg: { handle: string; password: string; apiAddress: string }): Promise<void> {
    await this.bluesky.getByRole('textbox', { name: 'Handle' }).fill(arg.handle)
    await this.bluesky.getByLabel('App password').fill(arg.password)
    const apiAddress = this.bluesky.getByRole('textbox', { name: 'API address' })
    if (!(await apiAddress.isVisible())) await this.bluesky.getByText('Advanced').click()
    await apiAddress.fill(arg.apiAddress)
    await this.bluesky.getByRole('button', { name: 'Connect Bluesky' }).click()
  }

  /** Names the instance and waits for the link to its sign-in page. */
  async beginMastodon(instance: string): Promise<Locator> {
    await this.mastodon.getByRole('textbox', { name: 'Your instance' }).fill(instance)
    await this.mastodon.getByRole('button', { name: "Go to the instance's sign-in page" }).click()
    const link = this.mastodon.getByRole('link', { name: /^Open the sign-in page of / })
    await link.waitFor()
    return link
  }

  async finishMastodon(code: string): Promise<void> {
    await this.mastodon.getByRole('textbox', { name: 'Authorization code' }).fill(code)
    await this.mastodon.getByRole('button', { name: 'Connect Mastodon' }).click()
  }
}
