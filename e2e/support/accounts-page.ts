import type { Locator, Page } from '@playwright/test'

/** The accounts view and its import dialog (English UI). */
export class AccountsPage {
  readonly list: Locator
  readonly dialog: Locator

  constructor(readonly page: Page) {
    this.list = page.getByRole('list', { name: 'Accounts' })
    this.dialog = page.getByRole('dialog', { name: 'Import mail' })
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Accounts' }).click()
  }

  account(name: string | RegExp): Locator {
    return this.list.getByRole('listitem', { name })
  }

  /** Runs an import through the dialog and leaves it open on the result. */
  async importMail(paths: string[], ownAddresses = ''): Promise<void> {
    await this.page.getByRole('button', { name: 'Import…' }).click()
    await this.dialog.getByRole('textbox', { name: 'Files or folders (one path per line)' }).fill(paths.join('\n'))
    if (ownAddresses) await this.dialog.getByRole('textbox', { name: 'Your own addresses' }).fill(ownAddresses)
    await this.dialog.getByRole('button', { name: 'Import', exact: true }).click()
  }
}
