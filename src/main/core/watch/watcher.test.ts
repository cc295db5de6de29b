import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFeedsEmulator, type FeedsEmulator } from '../../../../emulators/feeds/server'
import type { EventMap } from '../../../shared/contract'
import { EventBus } from '../events'
import { testStore } from '../store/test-support'
import { addFeed, entryLink, getFeed } from './feeds-repo'
import { createFeedWatcher } from './watcher'

let emulator: FeedsEmulator
beforeEach(async () => {
  emulator = await startFeedsEmulator({ seed: 3 })
})
afterEach(async () => {
  await emulator.close()
})

function setup(keywords: string[] = ['Sonnenschein']) {
  const store = testStore()
  const events = new EventBus()
  const changes: EventMap['db:changed'][] = []
  events.on('db:changed', (e) => changes.push(e))
  const watcher = createFeedWatcher({ db: store.db, events, random: () => 0.5 })
  const blog = addFeed(store.db, { workspaceId: store.workspaceId, url: emulator.control.url('blog'), keywords })
  const count = (sql: string, ...params: unknown[]) =>
    store.db
      .prepare(sql)
      .pluck()
      .get(...params) as number
  return { ...store, watcher, blog, changes, count }
}

const aboutShop = (emulator: FeedsEmulator) =>
  emulator.control.state.feeds.blog.posts.filter((p) => p.html.includes('Sonnenschein')).length

describe('the feed watcher against the feed emulator', () => {
  it('turns matching entries into web mentions, then asks conditionally and gets 304', async () => {
    const { db, watcher, blog, changes, count, workspaceId } = setup()
    const [first] = await watcher.check([blog])
    expect(first).toMatchObject({ outcome: 'updated', inserted: aboutShop(emulator) })
    expect(aboutShop(emulator)).toBeGreaterThan(0)
    expect(aboutShop(emulator)).toBeLessThan(emulator.control.state.feeds.blog.posts.length)
    expect(count("SELECT count(*) FROM conversations WHERE channel = 'web' AND visibility = 'public'")).toBe(
      aboutShop(emulator),
    )
    expect(getFeed(db, blog)).toMatchObject({
      state: 'ok',
      lastError: null,
      title: 'Düsseldorf isst',
      entryCount: aboutShop(emulator),
    })
    const conversationId = db
      .prepare("SELECT id FROM conversations WHERE channel = 'web' ORDER BY id LIMIT 1")
      .pluck()
      .get() as number
    expect(entryLink(db, conversationId)).toMatch(new RegExp(`^${emulator.baseUrl}/posts/blog-\\d+$`))
    expect(changes).toContainEqual(expect.objectContaining({ tables: ['feeds'], workspaceId }))
    expect(changes).toContainEqual(
      expect.objectContaining({ tables: expect.arrayContaining(['conversations', 'messages']) as unknown }),
    )

    const [second] = await watcher.check([blog])
    expect(second?.outcome).toBe('not-modified')
    expect(emulator.control.requests().at(-1)).toMatchObject({ feed: 'blog', conditional: true, status: 304 })

    emulator.control.addPost('blog', {
      title: 'Neu',
      html: '<p>Frisch aus der Bäckerei Sonnenschein</p>',
      author: { name: 'Kai Brandt' },
    })
    expect(await watcher.check([blog])).toEqual([expect.objectContaining({ outcome: 'updated', inserted: 1 })])
    expect(
      db
        .prepare("SELECT c.display_name FROM messages m JOIN contacts c ON c.id = m.contact_id WHERE m.subject = 'Neu'")
        .pluck()
        .get(),
    ).toBe('Kai Brandt')
  })

  it('shows broken XML as the feed’s own error while the other feeds go on, and recovers', async () => {
    const { db, watcher, blog, workspaceId } = setup()
    const reviews = addFeed(db, { workspaceId, url: emulator.control.url('reviews'), keywords: [] })
    await watcher.check([blog])
    emulator.control.fault('blog', { kind: 'malformed' })
    const results = await watcher.check([blog, reviews])
    expect(results).toEqual([
      expect.objectContaining({
        feedId: blog,
        outcome: 'error',
        message: expect.stringMatching(/^The feed is not valid XML/) as unknown,
      }),
      expect.objectContaining({
        feedId: reviews,
        outcome: 'updated',
        inserted: emulator.control.state.feeds.reviews.posts.length,
      }),
    ])
    expect(getFeed(db, blog)).toMatchObject({
      state: 'error',
      lastError: expect.stringMatching(/not valid XML/) as unknown,
    })
    // The validators of the last good fetch were kept: the next check is conditional again.
    expect(await watcher.check([blog])).toEqual([expect.objectContaining({ outcome: 'not-modified' })])
    expect(getFeed(db, blog)).toMatchObject({ state: 'ok', lastError: null })
  })

  it('follows a permanent move (301) and stores the new address, without doubling entries', async () => {
    const { db, watcher, blog, count } = setup()
    await watcher.check([blog])
    const before = count('SELECT count(*) FROM messages')
    const { from, to } = emulator.control.move('blog')
    expect(getFeed(db, blog).url).toBe(from)
    expect(await watcher.check([blog])).toEqual([expect.objectContaining({ outcome: 'not-modified' })])
    expect(getFeed(db, blog).url).toBe(to)
    expect(
      emulator.control
        .requests()
        .slice(-2)
        .map((r) => r.status),
    ).toEqual([301, 304])
    expect(count('SELECT count(*) FROM messages')).toBe(before)
  })

  it('keeps one mention for an entry the feed repeats', async () => {
    const { db, watcher, blog, count } = setup([])
    emulator.control.fault('blog', { kind: 'duplicate-entry' })
    const [result] = await watcher.check([blog])
    const posts = emulator.control.state.feeds.blog.posts.length
    expect(result).toMatchObject({ outcome: 'updated', inserted: posts })
    expect(count('SELECT count(*) FROM messages')).toBe(posts)
    expect(count('SELECT count(*) FROM web_entries')).toBe(posts)
    expect(getFeed(db, blog).entryCount).toBe(posts)
  })

  it('backs off a failing feed and honours the site’s Retry-After', async () => {
    let clock = Date.parse('2024-05-01T10:00:00Z')
    const { db, blog, workspaceId } = setup()
    const watcher = createFeedWatcher({ db, events: new EventBus(), now: () => clock, random: () => 0 })
    emulator.control.fault('blog', { kind: 'rate-limit', resetInSeconds: 600 })
    expect(await watcher.runDue()).toEqual([
      expect.objectContaining({ outcome: 'error', message: expect.stringMatching(/HTTP 429/) as unknown }),
    ])
    clock += 300_000
    expect(await watcher.runDue()).toEqual([])
    clock += 300_001
    expect(await watcher.runDue()).toEqual([expect.objectContaining({ outcome: 'updated' })])
    expect(getFeed(db, blog)).toMatchObject({ state: 'ok', workspaceId })
  })

  it('makes a contact of the author, or of the site when an entry names none', async () => {
    const { db, watcher, blog } = setup([])
    emulator.control.addPost('blog', { title: 'Anonym', html: '<p>x</p>', author: null })
    await watcher.check([blog])
    const site = db
      .prepare(
        "SELECT i.external_id, i.handle, c.display_name FROM messages m JOIN identities i ON i.id = m.author_identity_id JOIN contacts c ON c.id = m.contact_id WHERE m.subject = 'Anonym'",
      )
      .get()
    const host = new URL(emulator.baseUrl).host
    expect(site).toEqual({ external_id: host, handle: host, display_name: 'Düsseldorf isst' })
  })
})
