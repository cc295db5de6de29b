import { describe, expect, it } from 'vitest'
import { testStore } from '../store/test-support'
import { connectDemoFeed, DEMO_FEED_POLL_SECONDS, pauseFeed } from './demo-feed'
import { getFeed, polledFeedIds } from './feeds-repo'

describe('the demo feed', () => {
  it('is one row that follows the emulator to its new port on each start, and rests while it is down', () => {
    const { db, workspaceId } = testStore()
    const first = connectDemoFeed(db, workspaceId, 'http://127.0.0.1:4100/blog/rss.xml')
    db.prepare("UPDATE watched_feeds SET etag = '\"blog-9\"', state = 'ok' WHERE id = ?").run(first)
    pauseFeed(db, first)
    expect(getFeed(db, first).state).toBe('paused')
    expect(polledFeedIds(db)).toEqual([])

    const again = connectDemoFeed(db, workspaceId, 'http://127.0.0.1:4200/blog/rss.xml')
    expect(again).toBe(first)
    expect(getFeed(db, again)).toMatchObject({
      url: 'http://127.0.0.1:4200/blog/rss.xml',
      state: 'new',
      keywords: ['Sonnenschein'],
    })
    expect(db.prepare('SELECT etag, poll_seconds FROM watched_feeds WHERE id = ?').get(again)).toEqual({
      etag: null,
      poll_seconds: DEMO_FEED_POLL_SECONDS,
    })
    expect(polledFeedIds(db)).toEqual([again])
  })
})
