import { ConnectorError } from '../types'

interface MailError {
  code?: string
  authenticationFailed?: boolean
  serverResponseCode?: string
  responseCode?: number
  message?: string
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  'NoConnection', 'ClosedAfterConnectTLS', 'ClosedAfterConnectText', 'ETIMEOUT', 'ECONNECTION', 'ESOCKET', 'EConnectionClosed',
  'CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT',
])

/**
 * Maps imapflow and nodemailer failures onto the engine's kinds: wrong credentials pause the account,
 * network trouble is retried with backoff, a 5xx SMTP reply is a rejection, the rest is transient.
 * Messages never contain the password or token (neither library puts them in errors).
 */
export function toConnectorError(error: unknown, what: string): ConnectorError {
  if (error instanceof ConnectorError) return error
  const e = (error ?? {}) as MailError
  const detail = e.message ?? String(error)
  if (e.authenticationFailed || e.serverResponseCode === 'AUTHENTICATIONFAILED' || e.code === 'EAUTH') {
    return new ConnectorError('auth', `${what}: the server refused the user name or password (or the access token has expired). Reconnect the account.`)
  }
  if (e.code && NETWORK_CODES.has(e.code)) return new ConnectorError('transient', `${what}: ${e.code} ${detail}`)
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) return new ConnectorError('rejected', `${what}: ${detail}`)
  return new ConnectorError('transient', `${what}: ${detail}`)
}
