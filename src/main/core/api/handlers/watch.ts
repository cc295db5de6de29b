import type { watchCommands } from '../../../../shared/commands/watch'
import { notFound } from '../../../../shared/errors'
import { recordAudit } from '../../store/repos/audit'
import {
  addFeed,
  entryLink,
  getFeed,
  listFeeds,
  polledFeedIds,
  removeFeed,
  workspaceOfFeed,
} from '../../watch/feeds-repo'
import { createFeedWatcher } from '../../watch/watcher'
import type { CoreContext } from '../context'
import type { HandlersFor } from '../dispatch'
import { changed } from './support'

function assertWorkspace(ctx: CoreContext, workspaceId: number): void {
  if (!ctx.db.prepare('SELECT 1 FROM workspaces WHERE id = ?').get(workspaceId))
    throw notFound(`Workspace ${workspaceId}`)
}

/** Through the running background work when there is one (a check under way is joined), else once here (the CLI). */
async function checkFeeds(ctx: CoreContext, feedIds: readonly number[]): Promise<void> {
  if (ctx.background) {
    await ctx.background.feeds.check(feedIds)
    return
  }
  const once = createFeedWatcher({ db: ctx.db, events: ctx.events })
  try {
    await once.check(feedIds)
  } finally {
    await once.stop()
  }
}

export const watchHandlers: HandlersFor<typeof watchCommands> = {
  'watch:list': (ctx, { workspaceId }) => {
    assertWorkspace(ctx, workspaceId)
    return listFeeds(ctx.db, workspaceId)
  },
  'watch:add': (ctx, { workspaceId, url, keywords }) => {
    assertWorkspace(ctx, workspaceId)
    const feedId = ctx.db.transaction(() => {
      const id = addFeed(ctx.db, { workspaceId, url, keywords })
      recordAudit(ctx.db, {
        workspaceId,
        actor: ctx.actor,
        action: 'watch.add',
        targetType: 'feed',
        targetId: id,
        detail: url,
      })
      return id
    })()
    changed(ctx, ['feeds'], workspaceId, [feedId])
    // The first check runs in the background; its outcome arrives as db:changed like every later one.
    ctx.background?.feeds
      .check([feedId])
      .catch((error: unknown) => console.error('earshot: first feed check failed', error))
    return getFeed(ctx.db, feedId)
  },
  'watch:remove': (ctx, { feedId }) => {
    const workspaceId = ctx.db.transaction(() => {
      const ws = workspaceOfFeed(ctx.db, feedId)
      const { url } = getFeed(ctx.db, feedId)
      removeFeed(ctx.db, feedId)
      recordAudit(ctx.db, {
        workspaceId: ws,
        actor: ctx.actor,
        action: 'watch.remove',
        targetType: 'feed',
        targetId: feedId,
        detail: url,
      })
      return ws
    })()
    changed(ctx, ['feeds'], workspaceId, [feedId])
    return null
  },
  'watch:check': async (ctx, { workspaceId, feedId }) => {
    assertWorkspace(ctx, workspaceId)
    if (feedId !== undefined && workspaceOfFeed(ctx.db, feedId) !== workspaceId)
      throw notFound(`Feed ${feedId} of workspace ${workspaceId}`)
    await checkFeeds(ctx, feedId === undefined ? polledFeedIds(ctx.db, workspaceId) : [feedId])
    return listFeeds(ctx.db, workspaceId)
  },
  'watch:link': (ctx, { conversationId }) => ({ url: entryLink(ctx.db, conversationId) }),
}
