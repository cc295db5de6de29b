import { expect, test } from './support/fixtures'
import { ConversationPage } from './support/conversation-page'
import { InboxPage } from './support/inbox-page'
import { onlyChannel } from './support/only-channel'

/** Opens the first open conversation of a channel and returns the row's name, to find it after a reload. */
async function openFirst(inbox: InboxPage, channel: 'Email' | 'X'): Promise<string> {
  await onlyChannel(inbox, channel)
  const row = inbox.rows.first()
  const name = (await row.getAttribute('aria-label')) ?? ''
  await row.click()
  return name
}

async function reopen(inbox: InboxPage, channel: 'Email' | 'X', rowName: string): Promise<void> {
  await inbox.page.reload()
  await onlyChannel(inbox, channel)
  await inbox.grid.getByRole('row', { name: rowName, exact: true }).click()
}

/** The customer's name as the open conversation shows it. */
async function contactName(conversation: ConversationPage): Promise<string> {
  return ((await conversation.page.locator('.contact-row .link').textContent()) ?? '').trim()
}

test.describe('replying from the conversation view', () => {
  test('counts characters on X and refuses a reply over 280', async ({ app }) => {
    const inbox = new InboxPage(app.page)
    const conversation = new ConversationPage(app.page)
    await openFirst(inbox, 'X')

    await conversation.reply.fill('a'.repeat(279))
    await conversation.reply.press('End')
    await conversation.reply.pressSequentially('ü')
    await expect(conversation.counter(280)).toBeVisible()
    await expect(conversation.send).toBeEnabled()

    await conversation.reply.pressSequentially('!')
    await expect(conversation.counter(281)).toBeVisible()
    await expect(app.page.getByText('1 character too many')).toBeVisible()
    await expect(conversation.send).toBeDisabled()

    // A link counts 23, as on X, however long it is.
    await conversation.reply.fill(`${'a'.repeat(250)} https://baeckerei-sonnenschein.example/${'x'.repeat(80)}`)
    await expect(conversation.counter(274)).toBeVisible()
    await expect(conversation.send).toBeEnabled()
  })

  test('queues an email reply that stays queued across a reload', async ({ app }) => {
    const inbox = new InboxPage(app.page)
    const conversation = new ConversationPage(app.page)
    const rowName = await openFirst(inbox, 'Email')
    const subject = (await app.page.getByRole('heading', { level: 2 }).last().textContent()) ?? ''
    await expect(app.page.getByText(`Re: ${subject}`)).toBeVisible()

    const body = `Vielen Dank, die Brötchen liegen ab 7 Uhr bereit. ${Date.now()}`
    await conversation.reply.fill(body)
    await conversation.reply.press('Control+Enter')

    // The demo's email accounts are not connected, so the reply waits in the outbox.
    const pending = conversation.pendingReply(body)
    await expect(pending.getByRole('status')).toHaveText('Queued')
    await expect(conversation.reply).toHaveValue('')

    await reopen(inbox, 'Email', rowName)
    await expect(conversation.pendingReply(body).getByRole('status')).toHaveText('Queued')
    await expect(conversation.reply).toHaveValue('')
  })

  test('keeps an unsent draft per conversation across a reload', async ({ app }) => {
    const inbox = new InboxPage(app.page)
    const conversation = new ConversationPage(app.page)
    const rowName = await openFirst(inbox, 'Email')
    const draft = 'Liebe Frau Klein,\nIhre Torte ist fertig'
    await conversation.reply.fill(draft)
    await expect(conversation.draftStatus).toHaveText('Draft saved')

    // Another conversation has its own (empty) draft.
    await inbox.rows.nth(1).click()
    await expect(conversation.reply).toHaveValue('')

    await reopen(inbox, 'Email', rowName)
    await expect(conversation.reply).toHaveValue(draft)
    await expect(conversation.pending).toHaveCount(0)
  })

  test('takes a reply back within its undo time, text and all', async ({ app }) => {
    const inbox = new InboxPage(app.page)
    const conversation = new ConversationPage(app.page)
    const rowName = await openFirst(inbox, 'Email')
    const body = `Ups, das war für jemand anderen gedacht. ${Date.now()}`
    await conversation.reply.fill(body)
    await conversation.send.click()

    await expect(conversation.pendingReply(body)).toContainText(/sends in \d seconds?/)
    await conversation.undo(body).click()
    await expect(conversation.pendingReply(body)).toHaveCount(0)
    await expect(conversation.reply).toHaveValue(body)
    await expect(conversation.reply).toBeFocused()

    // The core kept the text as the draft: it survives a reload too.
    await reopen(inbox, 'Email', rowName)
    await expect(conversation.reply).toHaveValue(body)
    await expect(conversation.pending).toHaveCount(0)
  })
})

test.describe('canned replies', () => {
  test('in English: sign with my name, pick one by typing, send it filled in', async ({ app }) => {
    const inbox = new InboxPage(app.page)
    const conversation = new ConversationPage(app.page)
    await openFirst(inbox, 'Email')
    const customer = await contactName(conversation)

    await conversation.manageCanned()
    const dialog = app.page.getByRole('dialog', { name: 'Canned replies' })
    await dialog.getByRole('textbox', { name: 'Your name, for {{agent.name}}' }).fill('Lena')
    await dialog.getByRole('button', { name: 'Save settings' }).click()
    await expect(dialog.getByText('Settings saved.')).toBeVisible()
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect(dialog).toBeHidden()

    // Keyboard only: the picker opens on the button, filters as one types, Enter inserts.
    await conversation.cannedButton.focus()
    await conversation.cannedButton.press('Enter')
    await expect(conversation.cannedSearch).toBeFocused()
    await conversation.cannedSearch.pressSequentially('get back')
    await expect(conversation.cannedOptions).toHaveCount(1)
    await expect(conversation.cannedOptions.filter({ hasText: 'We will get back to you' })).toHaveAttribute(
      'aria-selected',
      'true',
    )
    await conversation.cannedSearch.press('Enter')

    const expected = `Hi ${customer}, thanks for your message! We are looking into it and will get back to you by tomorrow. Best, Lena`
    await expect(conversation.reply).toHaveValue(expected)
    await expect(conversation.reply).toBeFocused()
    await conversation.reply.press('Control+Enter')
    await expect(conversation.pendingReply(expected).getByRole('status')).toHaveText('Queued')
  })

  test('auf Deutsch: ein Textbaustein mit offener Variable wird erst nach dem Ausfüllen gesendet', async ({ app }) => {
    const inbox = new InboxPage(app.page)
    await openFirst(inbox, 'Email')
    await app.page.getByRole('combobox', { name: 'Language' }).selectOption('de')
    const conversation = new ConversationPage(app.page, 'de')
    const customer = await contactName(conversation)

    await conversation.insertCanned('melden')
    const inserted = `Hallo ${customer}, danke für Ihre Nachricht! Wir klären das und melden uns bis morgen bei Ihnen. Viele Grüße, {{agent.name}}`
    // Nobody set a name: the variable stays visible, and sending waits until a person fills it in.
    await expect(conversation.reply).toHaveValue(inserted)
    await expect(app.page.getByText('Bitte vor dem Senden {{agent.name}} ersetzen')).toBeVisible()
    await expect(conversation.send).toBeDisabled()

    const signed = inserted.replace('{{agent.name}}', 'Jonas')
    await conversation.reply.fill(signed)
    await expect(conversation.send).toBeEnabled()
    await conversation.send.click()
    await expect(conversation.pendingReply(signed).getByRole('status')).toHaveText('In Warteschlange')
    await expect(conversation.reply).toHaveValue('')
  })
})
