import type { CommandArg, CommandName, CommandResult, EventMap } from '../../../shared/contract'
import type { Result } from '../../../shared/errors'
import { EventBus } from '../events'
import { testStore } from '../store/test-support'
import type { CoreContext } from './context'
import { dispatch } from './dispatch'
import { handlers } from './handlers'

/**
 * A test store behind the real contract, for tests: every call is validated, handled and audited as in
 * the app, and the db:changed events it raises are collected in `seen`.
 */
export function contractHarness(actor: string) {
  const store = testStore()
  const events = new EventBus()
  const ctx: CoreContext = {
    db: store.db,
    events,
    info: { version: 't', host: 'web', dataDir: '/tmp' },
    actor,
    background: null,
  }
  const seen: EventMap['db:changed'][] = []
  events.on('db:changed', (e) => seen.push(e))
  const call = <K extends CommandName>(name: K, arg: CommandArg<K>) =>
    dispatch(ctx, handlers, name, arg) as Promise<Result<CommandResult<K>>>
  const ok = async <K extends CommandName>(name: K, arg: CommandArg<K>): Promise<CommandResult<K>> => {
    const r = await call(name, arg)
    if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`)
    return r.value
  }
  return { ...store, events, ctx, seen, call, ok }
}
