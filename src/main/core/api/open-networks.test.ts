import { describe, expect, it } from 'vitest'
import type { CommandArg, CommandName, CommandResult } from '../../../shared/contract'
import type { Result } from '../../../shared/errors'
import { EventBus } from '../events'
import { createAccount } from '../store/repos/accounts'
import { item, testStore } from '../store/test-support'
import { setSetting } from '../sync/accounts'
import { INSTANCE_LIMITS_KEY } from '../sync/mastodon-accounts'
import type { CoreContext } from './context'
import { dispatch } from './dispatch'
import { handlers } from './handlers'

describe('mastodon:replyFacts', () => {
  it('gives the composer the instance’s limit and the handle the reply will start with; other channels are refused', async () => {
    const store = testStore()
    const ctx: CoreContext = {
      db: store.db,
      events: new EventBus(),
      info: { version: 't', host: 'web', dataDir: '/tmp' },
      actor: 'Lena',
      background: null,
    }
    const call = <K extends CommandName>(name: K, arg: CommandArg<K>) =>
      dispatch(ctx, handlers, name, arg) as Promise<Result<CommandResult<K>>>
    const mastodon = createAccount(store.db, {
      workspaceId: store.workspaceId,
      channel: 'mastodon',
      handle: '@shop@example.social',
      displayName: 'Shop',
    })
    const customer = { externalId: '1042', handle: '@anna@chaos.social', displayName: 'Anna' }
    store.ingest({
      accountId: mastodon,
      items: [item({ externalId: '9001', conversation: { externalId: '9001', visibility: 'public' }, customer })],
    })
    const conversationId = store.db
      .prepare("SELECT id FROM conversations WHERE external_id = '9001'")
      .pluck()
      .get() as number

    expect(await call('mastodon:replyFacts', { conversationId })).toEqual({
      ok: true,
      value: { maxCharacters: 500, urlLength: 23, mention: '@anna@chaos.social' },
    })
    setSetting(
      store.db,
      mastodon,
      INSTANCE_LIMITS_KEY,
      JSON.stringify({ maxCharacters: 5000, urlLength: 23, checkedAt: 1 }),
    )
    expect(await call('mastodon:replyFacts', { conversationId })).toMatchObject({
      ok: true,
      value: { maxCharacters: 5000 },
    })

    store.ingest({
      accountId: store.accounts.x,
      items: [item({ externalId: 't1', conversation: { externalId: 't1', visibility: 'public' } })],
    })
    const onX = store.db.prepare("SELECT id FROM conversations WHERE external_id = 't1'").pluck().get() as number
    expect(await call('mastodon:replyFacts', { conversationId: onX })).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    })
    expect(await call('mastodon:replyFacts', { conversationId: 99_999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })
})
