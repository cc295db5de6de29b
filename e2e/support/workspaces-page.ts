import type { Locator, Page } from '@playwright/test'

/** The workspace switcher and the workspaces dialog, found by roles and accessible names (English UI). */
export class WorkspacesPage {
  readonly switcher: Locator
  readonly dialog: Locator
  readonly list: Locator

  constructor(readonly page: Page) {
    this.switcher = page.getByRole('combobox', { name: 'Workspace' })
    this.dialog = page.getByRole('dialog', { name: 'Workspaces' })
    this.list = this.dialog.getByRole('list', { name: 'All workspaces' })
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Workspaces…' }).click()
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click()
  }

  item(name: string): Locator {
    return this.list.getByRole('listitem', { name, exact: true })
  }

  /** Creates a workspace through the dialog; the app opens it at once. */
  async create(name: string): Promise<void> {
    await this.open()
    await this.dialog.getByRole('textbox', { name: 'Name of the new workspace' }).fill(name)
    await this.dialog.getByRole('button', { name: 'Create workspace' }).click()
  }

  async rename(from: string, to: string): Promise<void> {
    await this.open()
    await this.dialog.getByRole('button', { name: `Rename ${from}` }).click()
    await this.dialog.getByRole('textbox', { name: `New name for ${from}` }).fill(to)
    await this.dialog.getByRole('button', { name: 'Save' }).click()
    await this.close()
  }

  /** The names the switcher offers, in order. */
  async offered(): Promise<string[]> {
    return this.switcher.locator('option').allTextContents()
  }
}
