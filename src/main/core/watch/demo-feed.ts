import type { Db } from '../store/db'
import { addFeed } from './feeds-repo'

/** The demo's feed is polled this often, so a new blog post shows up within seconds. */
export const DEMO_FEED_POLL_SECONDS = 10
const settingKey = (workspaceId: number) => `demo.watchedFeed.${workspaceId}`

/**
 * The demo bakery watches the emulated food blog for its name. The emulator gets a new port on each
 * start, so the same feed row is pointed at it again (validators cleared: it is a new server).
 */
export function connectDemoFeed(db: Db, workspaceId: number, url: string): number {
  return db.transaction(() => {
    const stored = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(settingKey(workspaceId)) as
      string | undefined
    const existing =
      stored === undefined
        ? undefined
        : (db.prepare('SELECT id FROM watched_feeds WHERE id = ?').pluck().get(Number(stored)) as number | undefined)
    if (existing !== undefined) {
      db.prepare(
        "UPDATE watched_feeds SET url = ?, etag = NULL, last_modified = NULL, state = 'new', last_error = NULL, poll_seconds = ? WHERE id = ?",
      ).run(url, DEMO_FEED_POLL_SECONDS, existing)
      return existing
    }
    const id = addFeed(db, { workspaceId, url, keywords: ['Sonnenschein'], pollSeconds: DEMO_FEED_POLL_SECONDS })
    db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(settingKey(workspaceId), String(id))
    return id
  })()
}

/** Paused while no emulator serves it, so a start without live traffic shows no connection error. */
export function pauseFeed(db: Db, feedId: number): void {
  db.prepare("UPDATE watched_feeds SET state = 'paused', last_error = NULL WHERE id = ?").run(feedId)
}
