/** The closed set of error codes that may cross a process boundary. */
export const ERROR_CODES = [
  'INVALID',
  'NOT_FOUND',
  'CONFLICT',
  'AUTH_EXPIRED',
  'RATE_LIMITED',
  'NETWORK',
  'UNAVAILABLE',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export const isErrorCode = (value: unknown): value is ErrorCode => (ERROR_CODES as readonly unknown[]).includes(value)

export interface ErrorBody {
  code: ErrorCode
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorBody }

/** Thrown inside the core; turned into a `Result` at the contract boundary, never thrown across it. */
export class EarshotError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'EarshotError'
  }
}

export const notFound = (what: string): EarshotError => new EarshotError('NOT_FOUND', `${what} was not found.`)
