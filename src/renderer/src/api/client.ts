import type { CommandArg, CommandName, CommandResult, EventMap, EventName } from '../../../shared/contract'
import type { ErrorCode } from '../../../shared/errors'
import { pickTransport, type ConnectionState, type Transport } from './transport'

/** A failed command, carrying the contract's error code so the UI can phrase it for humans. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export interface Api {
  invoke<K extends CommandName>(name: K, arg: CommandArg<K>): Promise<CommandResult<K>>
  on<E extends EventName>(event: E, cb: (payload: EventMap[E]) => void): () => void
  /** The link to the core now and on every change (see ConnectionState). */
  onConnection(cb: (state: ConnectionState) => void): () => void
}

export function createApi(transport: Transport): Api {
  return {
    async invoke(name, arg) {
      const result = await transport.invoke(name, arg)
      if (!result.ok) throw new ApiError(result.error.code, result.error.message)
      // The core parsed the argument and typed the value; the contract is the source of truth.
      return result.value as CommandResult<typeof name>
    },
    on: (event, cb) => transport.on(event, cb),
    onConnection(cb) {
      if (transport.onConnection) return transport.onConnection(cb)
      cb('connected')
      return () => undefined
    },
  }
}

let instance: Api | null = null

/** Chosen lazily so tests and the web build never touch `window` at import time. */
export function getApi(): Api {
  instance ??= createApi(pickTransport())
  return instance
}

export const api: Api = {
  invoke: (name, arg) => getApi().invoke(name, arg),
  on: (event, cb) => getApi().on(event, cb),
  onConnection: (cb) => getApi().onConnection(cb),
}
