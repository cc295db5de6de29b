import type { Locator, Page } from '@playwright/test'

/** The contact view and the suggested merges, found by roles and accessible names (English UI). */
export class ContactPage {
  readonly heading: Locator
  readonly timeline: Locator
  readonly timelineItems: Locator
  readonly identities: Locator
  readonly suggestions: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 2 })
    this.timeline = page.getByRole('list', { name: 'Timeline' })
    this.timelineItems = this.timeline.getByRole('listitem')
    this.identities = page.getByRole('list', { name: 'Channels' }).getByRole('listitem')
    this.suggestions = page
      .getByRole('list', { name: 'Suggested merges' })
      .getByRole('listitem')
      .filter({
        has: page.getByRole('button', { name: 'Merge', exact: true }),
      })
  }

  /** One part of the contact view: "Tags", "Fields", "Notes", "Sales outcome", "Merges". */
  section(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true })
  }

  /** Opens a contact through the search box, as a person would. */
  async openBySearch(name: string): Promise<void> {
    const box = this.page.getByRole('searchbox', { name: 'Search' })
    await box.fill(name)
    await box.press('Enter')
    await this.page
      .getByRole('button', { name: new RegExp(name) })
      .first()
      .click()
  }

  async showSuggestions(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Duplicates' }).click()
  }

  /** The text of every timeline entry, newest first (the lists here are short enough to be fully rendered). */
  async timelineTexts(): Promise<string[]> {
    return this.timelineItems.allInnerTexts()
  }
}
