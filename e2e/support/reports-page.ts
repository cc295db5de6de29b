import fs from 'node:fs'
import type { Locator, Page } from '@playwright/test'

/** The reports view (English UI), found by roles and accessible names. */
export class ReportsPage {
  readonly heading: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 2, name: 'Reports' })
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Reports' }).click()
  }

  /** A figure's chart: an image named by the figure's heading. */
  chart(title: string | RegExp): Locator {
    return this.page.getByRole('img', { name: title })
  }

  figure(title: string | RegExp): Locator {
    return this.page.getByRole('region', { name: title })
  }

  async showDays(from: string, to: string): Promise<void> {
    const range = this.page.getByRole('form', { name: 'Days shown' })
    await range.getByLabel('From').fill(from)
    await range.getByLabel('To (included)').fill(to)
    await range.getByRole('button', { name: 'Show' }).click()
  }

  /** Clicks a CSV download and returns the file's text. */
  async download(button: Locator): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()])
    return fs.readFileSync(await download.path(), 'utf8')
  }
}
