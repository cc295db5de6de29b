import { type z } from 'zod'
import {
  commands,
  isCommandName,
  type CommandName,
  type CommandResult,
  type ParsedArg,
} from '../../../shared/contract'
import { EarshotError, type Result } from '../../../shared/errors'
import type { CoreContext } from './context'

export type Handler<K extends CommandName> = (
  ctx: CoreContext,
  arg: ParsedArg<K>,
) => CommandResult<K> | Promise<CommandResult<K>>
export type Handlers = { [K in CommandName]: Handler<K> }
/** The handlers of one feature's command group. */
export type HandlersFor<G> = { [K in keyof G & CommandName]: Handler<K> }

/**
 * The single entry point for every host: validates the command name and its argument, runs the
 * handler, and turns every outcome into a Result. Nothing thrown here crosses a process boundary.
 */
export async function dispatch(
  ctx: CoreContext,
  handlers: Handlers,
  name: string,
  rawArg: unknown,
): Promise<Result<unknown>> {
  if (!isCommandName(name)) return failure('INVALID', `Unknown command "${name}".`)
  const parsed = commands[name].arg.safeParse(rawArg ?? {})
  if (!parsed.success) return failure('INVALID', `Invalid argument for ${name}: ${describe(parsed.error)}`)
  try {
    const handler = handlers[name] as (ctx: CoreContext, arg: unknown) => unknown
    return { ok: true, value: await handler(ctx, parsed.data) }
  } catch (error) {
    if (error instanceof EarshotError) return failure(error.code, error.message)
    console.error(`earshot: ${name} failed:`, error)
    return failure('INTERNAL', 'Something went wrong inside Earshot. The details are in the log.')
  }
}

const failure = (code: EarshotError['code'], message: string): Result<never> => ({ ok: false, error: { code, message } })

const describe = (error: z.ZodError): string =>
  error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(argument)'}: ${issue.message}`)
    .join('; ')
