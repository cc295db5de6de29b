import { expect, test } from './support/fixtures'
import { ConversationPage } from './support/conversation-page'
import { InboxPage } from './support/inbox-page'
import { onlyChannel } from './support/only-channel'
import { XEmulator } from './support/x-emulator'

test.use({ live: true })

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

test('a new mention on X reaches the inbox, and the reply reaches X and the timeline', async ({ app }) => {
  // Polling every few seconds, then the outbox: give the round trip more than the default 60 s.
  test.setTimeout(90_000)
  const x = await XEmulator.of(app)
  const inbox = new InboxPage(app.page)
  const conversation = new ConversationPage(app.page)
  await onlyChannel(inbox, 'X')

  const question = `Habt ihr am Samstag noch Laugenbrezeln? ${Date.now()}`
  await x.mention(question)
  // No reload: the inbox refetches when the core reports new messages.
  const row = inbox.grid.getByRole('row', { name: new RegExp(escape(question)) })
  await expect(row).toBeVisible({ timeout: 30_000 })
  const contact = ((await row.getAttribute('aria-label')) ?? '').split(' – ')[0] ?? ''
  await row.click()
  await expect(app.page.getByRole('list', { name: 'Messages' }).getByText(question)).toBeVisible()

  const answer = `Ja, bis 14 Uhr! ${Date.now()}`
  await conversation.reply.fill(answer)
  await expect(app.page.getByText(`${[...answer].length} / 280`)).toBeVisible()
  await conversation.send.click()

  // Queued, then sent: it leaves the pending list and comes back as our message in the thread.
  const thread = app.page.getByRole('list', { name: 'Messages' })
  await expect(thread.getByRole('listitem').filter({ hasText: answer })).toContainText('Our reply', { timeout: 30_000 })
  await expect(conversation.pendingReply(answer)).toHaveCount(0)
  await expect.poll(async () => (await x.posted()).map((p) => p.text)).toContain(answer)

  await app.page.getByRole('button', { name: contact, exact: true }).click()
  const timeline = app.page.getByRole('list', { name: 'Timeline' })
  await expect(timeline.getByRole('button', { name: new RegExp(escape(answer)) })).toBeVisible()
  await expect(timeline.getByRole('button', { name: new RegExp(escape(question)) })).toBeVisible()
})
