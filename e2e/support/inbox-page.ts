import type { Locator, Page } from '@playwright/test'

/** The inbox as a person sees it, found by roles and accessible names (English UI). */
export class InboxPage {
  readonly grid: Locator
  readonly rows: Locator

  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid', { name: 'Conversations' })
    this.rows = this.grid.getByRole('row').filter({ has: page.locator('.badge') })
  }

  channelBadges(channel: 'Email' | 'Facebook' | 'X' | 'Bluesky' | 'Mastodon'): Locator {
    return this.grid.locator('.badge', { hasText: new RegExp(`^${channel}$`) })
  }

  async filterChannel(label: 'All' | 'Email' | 'Facebook' | 'X' | 'Bluesky' | 'Mastodon'): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Channel' }).selectOption({ label })
  }

  async filterStatus(label: 'All' | 'Open' | 'Pending' | 'Snoozed' | 'Done'): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Status' }).first().selectOption({ label })
  }

  /** The inbox's own "Contains text" filter (not the global search): rows of every channel that match. */
  async filterText(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Contains text' }).fill(text)
  }

  async search(query: string): Promise<void> {
    const box = this.page.getByRole('searchbox', { name: 'Search' })
    await box.fill(query)
    await box.press('Enter')
  }
}
