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

    // Another conversation has its own (empty) draft.
    await inbox.rows.nth(1).click()
    await expect(conversation.reply).toHaveValue('')

    await reopen(inbox, 'Email', rowName)
    await expect(conversation.reply).toHaveValue(draft)
    await expect(conversation.pending).toHaveCount(0)
  })
})
