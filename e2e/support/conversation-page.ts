import type { Locator, Page } from '@playwright/test'

/** The open conversation and its composer, found by roles and accessible names (English UI). */
export class ConversationPage {
  readonly reply: Locator
  readonly send: Locator
  /** Replies in the outbox, shown under the thread until they are sent. */
  readonly pending: Locator

  constructor(readonly page: Page) {
    this.reply = page.getByRole('textbox', { name: 'Reply', exact: true })
    this.send = page.getByRole('button', { name: 'Send reply' })
    this.pending = page.getByRole('list', { name: 'Replies not sent yet' })
  }

  /** The pending reply whose text contains `body`. */
  pendingReply(body: string): Locator {
    return this.pending.getByRole('listitem').filter({ hasText: body })
  }

  counter(used: number): Locator {
    return this.page.getByText(new RegExp(`^${used} / 280`))
  }
}
