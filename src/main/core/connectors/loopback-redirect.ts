import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { ConnectorError } from './types'

/**
 * The receiving end of an OAuth redirect for a native app (RFC 8252 §7.3): a one-shot HTTP server on
 * 127.0.0.1 that waits for the provider to send the browser back with `?code=…&state=…`. Only the
 * expected path and state are accepted, so another page cannot slip a code in.
 */
export interface LoopbackRedirect {
  redirectUri: string
  /** The authorization code; rejects on a provider error, a wrong state, a timeout or close(). */
  code: Promise<string>
  close(): Promise<void>
}

const CALLBACK_PATH = '/callback'
const DONE_PAGE = `<!doctype html><meta charset="utf-8"><title>Earshot</title>
<p>Earshot is connected. You can close this window. / Earshot ist verbunden. Sie können dieses Fenster schließen.</p>`
const FAILED_PAGE = `<!doctype html><meta charset="utf-8"><title>Earshot</title>
<p>The sign-in did not complete. Please try again in Earshot. / Die Anmeldung wurde nicht abgeschlossen.</p>`

export async function openLoopbackRedirect(arg: {
  state: string
  port?: number
  timeoutMs?: number
}): Promise<LoopbackRedirect> {
  let settle: { resolve(code: string): void; reject(error: Error): void } | null = null
  const code = new Promise<string>((resolve, reject) => {
    settle = { resolve, reject }
  })
  // The caller may never await `code` when it gives up early; the rejection is still handled.
  code.catch(() => undefined)

  const finish = (outcome: { code: string } | { error: Error }) => {
    clearTimeout(timer)
    if (!settle) return
    if ('code' in outcome) settle.resolve(outcome.code)
    else settle.reject(outcome.error)
    settle = null
  }
  // Nobody may be waiting on `code` any more when the time is up, so the server closes itself too.
  const timer = setTimeout(() => {
    finish({ error: new ConnectorError('auth', 'The sign-in was not completed in time. Try connecting again.') })
    void close()
  }, arg.timeoutMs ?? 5 * 60_000)

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (req.method !== 'GET' || url.pathname !== CALLBACK_PATH) {
      res.writeHead(404).end()
      return
    }
    const outcome = readCallback(url.searchParams, arg.state)
    // A stray request with a wrong state is ignored, not fatal: the real redirect may still come.
    if (outcome === 'foreign') {
      res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' }).end(FAILED_PAGE)
      return
    }
    res.writeHead('code' in outcome ? 200 : 400, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
    })
    res.end('code' in outcome ? DONE_PAGE : FAILED_PAGE)
    finish(outcome)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => {
      finish({ error })
      reject(new ConnectorError('rejected', `Earshot could not listen on 127.0.0.1:${arg.port ?? 0} for the sign-in: ${error.message}`))
    })
    server.listen(arg.port ?? 0, '127.0.0.1', () => resolve())
  })
  const close = async () => {
    finish({ error: new ConnectorError('auth', 'The sign-in was cancelled.') })
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  const { port } = server.address() as AddressInfo
  return { redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}`, code, close }
}

function readCallback(params: URLSearchParams, expectedState: string): { code: string } | { error: Error } | 'foreign' {
  if (params.get('state') !== expectedState) return 'foreign'
  const error = params.get('error')
  if (error) {
    const description = params.get('error_description')
    return { error: new ConnectorError('auth', `The provider did not grant access (${description ?? error}).`) }
  }
  const code = params.get('code')
  return code ? { code } : { error: new ConnectorError('auth', 'The provider sent no authorization code.') }
}
