import type { Locator, Page } from '@playwright/test'

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const

/** The service-level policy view (English UI), found by roles and accessible names. */
export class PolicyPage {
  readonly saved: Locator

  constructor(readonly page: Page) {
    this.saved = page.getByRole('status').filter({ hasText: 'Saved.' })
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Service levels' }).click()
  }

  /** Every day from 00:00 to midnight, so a test's clock runs whenever the test runs. */
  async openAroundTheClock(): Promise<void> {
    for (const day of WEEKDAYS) {
      await this.page.getByRole('checkbox', { name: day, exact: true }).check()
      await this.page.getByLabel(`${day} opens`).fill('00:00')
      await this.page.getByLabel(`${day} closes`).fill('00:00')
    }
  }

  async setTargets(minutes: { firstReply: number; dueSoon: number }): Promise<void> {
    await this.page.getByRole('spinbutton', { name: 'First reply within (minutes)' }).fill(String(minutes.firstReply))
    await this.page
      .getByRole('spinbutton', { name: 'Due soon when this many minutes are left' })
      .fill(String(minutes.dueSoon))
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save', exact: true }).click()
  }
}
