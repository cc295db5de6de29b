import { expect, test } from './support/fixtures'
import { ConversationPage } from './support/conversation-page'
import { InboxPage } from './support/inbox-page'
import { onlyChannel } from './support/only-channel'
import { XEmulator } from './support/x-emulator'

test.use({ live: true })

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

test('a reply queued while X is unreachable is sent when X is back', async ({ app }) => {
  // The undo time, then retries with backoff while X is down: more than the default 60 s in all.
  test.setTimeout(120_000)
  const x = await XEmulator.of(app)
  const inbox = new InboxPage(app.page)
  const conversation = new ConversationPage(app.page)
  await onlyChannel(inbox, 'X')

  const question = `Liefert ihr auch nach Bilk? ${Date.now()}`
  await x.mention(question)
  await inbox.grid.getByRole('row', { name: new RegExp(escape(question)) }).click({ timeout: 30_000 })
  await expect(conversation.thread.getByText(question)).toBeVisible()

  await x.goOffline()
  const answer = `Ja, ab 20 € Bestellwert! ${Date.now()}`
  await conversation.reply.fill(answer)
  await conversation.send.click()

  // Queued, tried, still queued: the reason is shown, nothing is lost, nothing reached X.
  const pending = conversation.pendingReply(answer)
  await expect(pending).toContainText('Not sent yet, trying again: X could not be reached', { timeout: 30_000 })
  await expect(pending.getByRole('status')).toHaveText('Queued')
  expect((await x.posted()).map((p) => p.text)).not.toContain(answer)

  await x.comeBack()
  const sent = conversation.thread.getByRole('listitem').filter({ hasText: answer })
  await expect(sent).toContainText('Our reply', { timeout: 45_000 })
  await expect(sent).toContainText('Sent')
  await expect(conversation.pendingReply(answer)).toHaveCount(0)
  expect((await x.posted()).filter((p) => p.text === answer)).toHaveLength(1)
})
