import type { Locator, Page } from '@playwright/test'

/** What the composer's controls are called in each language of the UI. */
const LABELS = {
  en: {
    reply: 'Reply',
    send: 'Send reply',
    thread: 'Messages',
    canned: 'Canned replies',
    cannedSearch: 'Find a canned reply',
    manage: 'Manage canned replies…',
    undo: 'Undo',
    retry: 'Retry',
  },
  de: {
    reply: 'Antwort',
    send: 'Antwort senden',
    thread: 'Nachrichten',
    canned: 'Textbausteine',
    cannedSearch: 'Textbaustein suchen',
    manage: 'Textbausteine verwalten …',
    undo: 'Rückgängig',
    retry: 'Erneut senden',
  },
} as const

/** The open conversation and its composer, found by roles and accessible names. */
export class ConversationPage {
  readonly reply: Locator
  readonly send: Locator
  readonly thread: Locator
  /** Replies still in the outbox: items of the thread that carry a live outbox state. */
  readonly pending: Locator
  readonly cannedButton: Locator
  readonly cannedSearch: Locator
  /** The canned replies the picker offers for what is typed. */
  readonly cannedOptions: Locator
  /** The draft's state beside the composer ("Draft saved"). */
  readonly draftStatus: Locator

  constructor(
    readonly page: Page,
    readonly language: keyof typeof LABELS = 'en',
  ) {
    const labels = LABELS[language]
    this.reply = page.getByRole('textbox', { name: labels.reply, exact: true })
    this.send = page.getByRole('button', { name: labels.send })
    this.thread = page.getByRole('list', { name: labels.thread })
    this.pending = this.thread.getByRole('listitem').filter({ has: page.getByRole('status') })
    this.cannedButton = page.getByRole('button', { name: labels.canned, exact: true })
    this.cannedSearch = page.getByRole('combobox', { name: labels.cannedSearch })
    this.cannedOptions = page.getByRole('listbox', { name: labels.canned }).getByRole('option')
    this.draftStatus = page.locator('.composer').getByRole('status')
  }

  /** The pending reply whose text contains `body`. */
  pendingReply(body: string): Locator {
    return this.pending.filter({ hasText: body })
  }

  undo(body: string): Locator {
    return this.pendingReply(body).getByRole('button', { name: LABELS[this.language].undo })
  }

  counter(used: number): Locator {
    return this.page.getByText(new RegExp(`^${used} / 280`))
  }

  /** Opens the canned replies, filters them by `query` and inserts the first match with Enter. */
  async insertCanned(query: string): Promise<void> {
    await this.cannedButton.click()
    await this.cannedSearch.fill(query)
    await this.cannedSearch.press('Enter')
  }

  async manageCanned(): Promise<void> {
    await this.cannedButton.click()
    await this.page.getByRole('button', { name: LABELS[this.language].manage }).click()
  }
}
