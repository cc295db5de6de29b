import type { Locator, Page } from '@playwright/test'

/** The names the triage flows look for, in each language the app speaks. */
export const UI = {
  en: {
    inbox: 'Inbox',
    grid: 'Conversations',
    status: 'Status',
    assign: 'Assign',
    assignTo: 'Assign to',
    snooze: 'Snooze until …',
    snoozeSubmit: 'Snooze',
    dateTime: 'Date and time',
    shortcuts: 'Keyboard shortcuts',
    nextConversation: 'Next conversation',
    lookup: 'Who is this?',
    lookupField: 'Find a contact or a command',
    markedDone: /1 conversation marked as Done/,
    snoozed: /1 conversation snoozed until/,
    reply: 'Reply',
    note: 'Internal note',
  },
  de: {
    inbox: 'Posteingang',
    grid: 'Unterhaltungen',
    status: 'Status',
    assign: 'Zuweisen',
    assignTo: 'Zuweisen an',
    snooze: 'Zurückstellen bis …',
    snoozeSubmit: 'Zurückstellen',
    dateTime: 'Datum und Uhrzeit',
    shortcuts: 'Tastenkürzel',
    nextConversation: 'Nächste Unterhaltung',
    lookup: 'Wer ist das?',
    lookupField: 'Kontakt oder Befehl finden',
    markedDone: /1 Unterhaltung als Erledigt markiert/,
    snoozed: /1 Unterhaltung zurückgestellt bis/,
    reply: 'Antwort',
    note: 'Interne Notiz',
  },
} as const
export type Lang = keyof typeof UI

/** The inbox and the triage dialogs, by roles and accessible names, in either language. */
export class TriagePage {
  readonly ui: (typeof UI)[Lang]
  readonly grid: Locator
  /** Conversation rows (the header row has no channel badge). */
  readonly rows: Locator
  readonly conversation: Locator

  constructor(
    readonly page: Page,
    readonly lang: Lang,
  ) {
    this.ui = UI[lang]
    this.grid = page.getByRole('grid', { name: this.ui.grid })
    this.rows = this.grid.getByRole('row').filter({ has: page.locator('.badge') })
    this.conversation = page.getByRole('article')
  }

  /** Switches the app's language (English is where it starts) and waits for the inbox in it. */
  async speak(): Promise<void> {
    if (this.lang !== 'en') await this.page.getByRole('combobox', { name: 'Language' }).selectOption(this.lang)
    await this.page.getByRole('heading', { name: this.ui.inbox }).waitFor()
    await this.rows.first().waitFor()
  }

  row(name: string): Locator {
    return this.grid.getByRole('row', { name, exact: true })
  }

  async rowName(index: number): Promise<string> {
    return (await this.rows.nth(index).getAttribute('aria-label')) ?? ''
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name })
  }

  /** The polite live region that says what the last triage action did. */
  notice(text: RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text })
  }
}

/** What a datetime-local field holds for a moment, in the local time zone the browser shares with us. */
export function localDateTime(ms: number): string {
  const d = new Date(ms)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}
