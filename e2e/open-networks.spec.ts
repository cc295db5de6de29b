import { BlueskyEmulator } from './support/bluesky-emulator'
import { ConversationPage } from './support/conversation-page'
import { expect, test } from './support/fixtures'
import { InboxPage } from './support/inbox-page'
import { XEmulator } from './support/x-emulator'

test.use({ live: true })

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The inbox row whose name (customer and opening words) contains `text`. */
const rowWith = (inbox: InboxPage, text: string) => inbox.grid.getByRole('row', { name: new RegExp(escape(text)) })
const badgeOf = (row: ReturnType<typeof rowWith>, channel: string) =>
  row.locator('.badge', { hasText: new RegExp(`^${channel}$`) })

/**
 * Mentions on the open networks reach the one inbox with everything else, against the emulators
 * the live demo runs. Every new message names the office breakfast ("Frühstück"), as the demo's
 * email regular Ingrid Hoffmann does in her orders: filtering the unified inbox by that word shows
 * the channels side by side, whatever the live traffic pushes in meanwhile.
 */
/** The demo's feed server (the bakery's watched blog), driven through its /_control API like the others. */
async function feedsOf(app: { serverOutput: () => string }): Promise<string> {
  let baseUrl = ''
  await expect
    .poll(() => (baseUrl = /^demo: feeds (\S+)$/m.exec(app.serverOutput())?.[1] ?? ''), { timeout: 30_000 })
    .not.toBe('')
  return baseUrl
}

test('a Bluesky mention and a blog post arrive in the unified inbox beside email and X, and the Bluesky one is answered', async ({
  app,
}) => {
  // Polling every few seconds, then the outbox after its undo time: more than the default 60 s.
  test.setTimeout(120_000)
  const inbox = new InboxPage(app.page)
  const conversation = new ConversationPage(app.page)
  const [bluesky, x] = await Promise.all([BlueskyEmulator.of(app), XEmulator.of(app)])
  const stamp = Date.now()

  const onBluesky = `Fürs Frühstück am Freitag: backt ihr Kardamomknoten? ${stamp}`
  const onX = `Frühstück für 12 am Montag möglich? ${stamp}`
  const blogTitle = `Frühstück bei Sonnenschein ${stamp}`
  const mention = await test.step('a customer answers the shop’s post on Bluesky, another writes on X, a blogger posts', async () => {
    await x.mention(onX)
    const feeds = await feedsOf(app)
    const api = (path: string, data: object) => app.page.request.post(new URL(path, app.page.url()).href, { data })
    await app.page.request.post(`${feeds}/_control/posts`, {
      data: { feed: 'blog', title: blogTitle, text: 'Das Frühstück der Bäckerei Sonnenschein: Kardamomknoten!', author: 'Greta Bloggt' },
    })
    // The watcher polls every few minutes; "Check now" (the Web watch view's button) asks at once.
    const [workspace] = (await (await api('/api/workspaces:list', {})).json()).value as { id: number }[]
    expect((await (await api('/api/watch:check', { workspaceId: workspace!.id })).json()).ok).toBe(true)
    return bluesky.mention(onBluesky, { replyToShop: true })
  })

  await test.step('the unified inbox shows it beside email and X', async () => {
    await inbox.filterStatus('All')
    await inbox.filterText('Frühstück')
    // No reload: the inbox refetches when the core reports new messages.
    const row = rowWith(inbox, onBluesky)
    await expect(row).toBeVisible({ timeout: 30_000 })
    await expect(badgeOf(row, 'Bluesky')).toBeVisible()
    await expect(badgeOf(rowWith(inbox, onX), 'X')).toBeVisible({ timeout: 30_000 })
    await expect(badgeOf(rowWith(inbox, blogTitle), 'Web')).toBeVisible({ timeout: 30_000 })
    await expect(inbox.channelBadges('Email').first()).toBeVisible()
    await row.click()
    await expect(conversation.thread.getByText(onBluesky)).toBeVisible()
  })

  const answer = `Ja, ab 8 Uhr 🥐 ${stamp}`
  await test.step('it is answered from the app, within Bluesky’s 300 characters', async () => {
    await conversation.reply.fill(answer)
    // Graphemes, as Bluesky counts them: the croissant is one.
    await expect(app.page.getByText(`${[...new Intl.Segmenter().segment(answer)].length} / 300`)).toBeVisible()
    await conversation.send.click()
    await expect(conversation.thread.getByRole('listitem').filter({ hasText: answer })).toContainText('Our reply', {
      timeout: 30_000,
    })
  })

  await test.step('the reply reaches Bluesky in the thread: the shop’s post as root, the customer’s as parent', async () => {
    await expect.poll(async () => (await bluesky.posted()).map((p) => p.text)).toContain(answer)
    const reply = (await bluesky.posted()).find((p) => p.text === answer)
    const root = mention.record.reply?.root
    expect(root).toBeDefined()
    expect(reply?.reply).toEqual({ root, parent: { uri: mention.uri, cid: mention.cid } })
  })
})
