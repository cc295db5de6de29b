import type { Locator, Page } from '@playwright/test'

/** The web watch view (English UI): the feeds list and the form that adds one. */
export class FeedsPage {
  readonly list: Locator

  constructor(readonly page: Page) {
    this.list = page.getByRole('list', { name: 'Web watch' })
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Web watch' }).click()
  }

  async add(url: string, keywords = ''): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Watch a feed' })
    await form.getByRole('textbox', { name: 'Feed address (RSS or Atom)' }).fill(url)
    await form.getByRole('textbox', { name: 'Keywords' }).fill(keywords)
    await form.getByRole('button', { name: 'Watch feed' }).click()
  }

  feed(name: string | RegExp): Locator {
    return this.list.getByRole('listitem', { name })
  }
}
