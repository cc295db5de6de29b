import { z } from 'zod'
import { Id, type EpochMs } from '../domain'
import { command } from './define'

/** 'new' until the first check; 'paused' feeds are not polled (the demo's feed while its server is down). */
export const FeedState = z.enum(['new', 'ok', 'error', 'paused'])
export type FeedState = z.infer<typeof FeedState>

/** An RSS or Atom feed a workspace watches for entries that name it. */
export interface WatchedFeed {
  id: Id
  workspaceId: Id
  url: string
  /** The feed's own title, once it has been read. */
  title: string | null
  /** Entries must contain one of these (any case, any accents); none: every entry counts. */
  keywords: string[]
  state: FeedState
  /** Why the last check failed, in words a person understands; null after a good check. */
  lastError: string | null
  lastCheckedAt: EpochMs | null
  /** Entries that became mentions. */
  entryCount: number
  createdAt: EpochMs
}

/** Only web addresses: a feed URL is fetched by the core, so file: and other schemes are refused. */
export const FeedUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value)
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === ''
    } catch {
      return false
    }
  }, 'must be an http:// or https:// address without a user name or password')

export const Keyword = z.string().trim().min(1).max(100)

export const watchCommands = {
  'watch:list': command<WatchedFeed[]>()(z.object({ workspaceId: Id }).strict()),
  /** Starts watching a feed; it is checked at once when the app's background work runs. */
  'watch:add': command<WatchedFeed>()(
    z.object({ workspaceId: Id, url: FeedUrl, keywords: z.array(Keyword).max(20).default([]) }).strict(),
  ),
  /** Stops watching; the mentions already found stay. */
  'watch:remove': command<null>()(z.object({ feedId: Id }).strict()),
  /** Checks the workspace's feeds (or one) now and answers with their state afterwards. */
  'watch:check': command<WatchedFeed[]>()(z.object({ workspaceId: Id, feedId: Id.optional() }).strict()),
  /** Where a web mention lives on the web: replies to it are written there. */
  'watch:link': command<{ url: string | null }>()(z.object({ conversationId: Id }).strict()),
}
