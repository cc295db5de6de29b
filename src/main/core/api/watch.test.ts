import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFeedsEmulator, type FeedsEmulator } from '../../../../emulators/feeds/server'
import type { CommandArg, CommandName, CommandResult } from '../../../shared/contract'
import type { Result } from '../../../shared/errors'
import { EventBus } from '../events'
import { testStore } from '../store/test-support'
import type { CoreContext } from './context'
import { dispatch } from './dispatch'
import { handlers } from './handlers'

let feeds: FeedsEmulator
beforeAll(async () => {
  feeds = await startFeedsEmulator({ seed: 11 })
})
afterAll(async () => {
  await feeds.close()
})

function setup() {
  const store = testStore()
  const ctx: CoreContext = {
    db: store.db,
    events: new EventBus(),
    info: { version: 't', host: 'web', dataDir: '/tmp' },
    actor: 'Anna',
    background: null,
  }
  const call = <K extends CommandName>(name: K, arg: CommandArg<K>) =>
    dispatch(ctx, handlers, name, arg) as Promise<Result<CommandResult<K>>>
  const ok = async <K extends CommandName>(name: K, arg: CommandArg<K>): Promise<CommandResult<K>> => {
    const r = await call(name, arg)
    if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`)
    return r.value
  }
  return { ...store, call, ok }
}

describe('the watch commands', () => {
  it('add, check, link and remove a feed; every change is audited', async () => {
    const { ok, call, db, workspaceId } = setup()
    const feed = await ok('watch:add', {
      workspaceId,
      url: feeds.control.url('reviews'),
      keywords: ['Sonnenschein', ' sonnenschein '],
    })
    expect(feed).toMatchObject({ state: 'new', keywords: ['Sonnenschein'], entryCount: 0, lastCheckedAt: null })
    expect(await call('watch:add', { workspaceId, url: feeds.control.url('reviews') })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })

    const [checked] = await ok('watch:check', { workspaceId })
    expect(checked).toMatchObject({
      id: feed.id,
      state: 'ok',
      title: 'Rheinland Reviews: Bäckereien',
      entryCount: feeds.control.state.feeds.reviews.posts.length,
    })
    const conversationId = db
      .prepare("SELECT id FROM conversations WHERE channel = 'web' ORDER BY id LIMIT 1")
      .pluck()
      .get() as number
    const { url } = await ok('watch:link', { conversationId })
    expect(url).toMatch(new RegExp(`^${feeds.baseUrl}/posts/reviews-`))
    const detail = await ok('conversation:get', { conversationId })
    expect(detail.conversation).toMatchObject({
      channel: 'web',
      visibility: 'public',
      contactName: expect.any(String) as unknown,
    })

    // Read only: a web mention is answered on its site.
    expect(await call('reply:queue', { conversationId, bodyText: 'Danke!' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: expect.stringContaining('answered on its site') as unknown },
    })

    expect(await ok('watch:remove', { feedId: feed.id })).toBeNull()
    expect(await ok('watch:list', { workspaceId })).toEqual([])
    expect((await ok('watch:link', { conversationId })).url).toBe(url)
    expect(db.prepare("SELECT action FROM audit_log WHERE target_type = 'feed' ORDER BY id").pluck().all()).toEqual([
      'watch.add',
      'watch.remove',
    ])
  })

  it('refuses what is not a web address, and a feed of another workspace', async () => {
    const { call, workspaceId } = setup()
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@example.org/feed', 'not a url']) {
      expect(await call('watch:add', { workspaceId, url })).toMatchObject({ ok: false, error: { code: 'INVALID' } })
    }
    expect(await call('watch:list', { workspaceId: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await call('watch:check', { workspaceId, feedId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })
})
