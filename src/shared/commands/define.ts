import { z } from 'zod'

/**
 * How a command is declared: its argument schema (parsed in the core before a handler runs, since the
 * renderer is untrusted) and, at the type level only, what a successful call returns.
 */
export interface CommandSpec<A extends z.ZodType, R> {
  arg: A
  /** Type-level only: the value a successful call returns. */
  result: R
}

/** Curried so the argument schema is inferred while the result type is named. */
export const command =
  <R>() =>
  <A extends z.ZodType>(arg: A): CommandSpec<A, R> => ({ arg, result: undefined as R })

export type CommandGroup = Record<string, CommandSpec<z.ZodType, unknown>>

export const Empty = z.object({}).strict()
export const Cursor = z.string().max(200)
export const PageLimit = z.number().int().min(1).max(500).default(100)
export const ShortText = z.string().trim().min(1).max(200)
