import type { IncomingMessage, ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import { sendJson } from '../shared/http'
import { readParams } from './params'

/**
 * A Mastodon instance as an OAuth provider (docs.joinmastodon.org/methods/apps, /methods/oauth):
 * apps register themselves (POST /api/v1/apps), the consent page (GET /oauth/authorize) signs in
 * as the shop and allows at once, showing the code for the out-of-band redirect URI or sending the
 * browser back with it, and POST /oauth/token trades a code once for a token that does not expire.
 */
const ALLOWED_SCOPES = new Set([
  'read',
  'write',
  'follow',
  'push',
  'profile',
  'read:notifications',
  'read:statuses',
  'read:accounts',
  'write:statuses',
])
const OUT_OF_BAND = 'urn:ietf:wg:oauth:2.0:oob'

interface App {
  clientId: string
  clientSecret: string
  redirectUris: string[]
  scopes: string[]
}
interface Grant {
  code: string
  clientId: string
  redirectUri: string
  scope: string
  used: boolean
}

const secret = () => randomBytes(24).toString('base64url')

export function createMastodonOAuth(arg: { now: () => number; grant: (accessToken: string) => void }) {
  const apps = new Map<string, App>()
  const grants = new Map<string, Grant>()

  const registerApp = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readParams(req)
    const redirectUris = String(body.redirect_uris ?? '')
      .split(/\s+/)
      .filter(Boolean)
    const scopes = String(body.scopes ?? 'read')
      .split(/\s+/)
      .filter(Boolean)
    if (!body.client_name || redirectUris.length === 0)
      return sendJson(res, 422, {
        error: "Validation failed: Application name can't be blank, Redirect URI can't be blank",
      })
    if (scopes.some((s) => !ALLOWED_SCOPES.has(s)))
      return sendJson(res, 422, { error: 'Validation failed: Scopes are invalid' })
    const app: App = { clientId: secret(), clientSecret: secret(), redirectUris, scopes }
    apps.set(app.clientId, app)
    sendJson(res, 200, {
      id: String(apps.size),
      name: body.client_name,
      website: body.website ?? null,
      scopes,
      redirect_uri: redirectUris.join('\n'),
      redirect_uris: redirectUris,
      client_id: app.clientId,
      client_secret: app.clientSecret,
      vapid_key: 'BEmulatorVapidKey',
    })
  }

  /** The consent page: the emulator signs in as the shop and allows at once. */
  const authorize = (res: ServerResponse, query: URLSearchParams) => {
    const app = apps.get(query.get('client_id') ?? '')
    const redirectUri = query.get('redirect_uri') ?? ''
    const scope = query.get('scope') ?? 'read'
    if (
      query.get('response_type') !== 'code' ||
      !app ||
      !app.redirectUris.includes(redirectUri) ||
      scope.split(/\s+/).some((s) => !app.scopes.includes(s))
    ) {
      res
        .writeHead(400, { 'content-type': 'text/html; charset=utf-8' })
        .end('<p>The client application is not authorised to do this (invalid client, redirect URI or scope).</p>')
      return
    }
    const grant: Grant = { code: secret(), clientId: app.clientId, redirectUri, scope, used: false }
    grants.set(grant.code, grant)
    if (redirectUri === OUT_OF_BAND) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(
        `<!doctype html><title>Authorization code</title><p>Copy this authorization code and paste it into the application.</p><input class="oauth-code" readonly value="${grant.code}">`,
      )
      return
    }
    const target = new URL(redirectUri)
    target.searchParams.set('code', grant.code)
    const oauthState = query.get('state')
    if (oauthState) target.searchParams.set('state', oauthState)
    res.writeHead(302, { location: target.toString() }).end()
  }

  const token = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readParams(req)
    const app = apps.get(String(body.client_id ?? ''))
    if (!app || app.clientSecret !== body.client_secret) {
      return sendJson(res, 401, {
        error: 'invalid_client',
        error_description:
          'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
      })
    }
    const grant = grants.get(String(body.code ?? ''))
    if (
      body.grant_type !== 'authorization_code' ||
      !grant ||
      grant.used ||
      grant.clientId !== app.clientId ||
      grant.redirectUri !== body.redirect_uri
    ) {
      return sendJson(res, 400, {
        error: 'invalid_grant',
        error_description:
          'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
      })
    }
    grant.used = true
    const accessToken = secret()
    arg.grant(accessToken)
    sendJson(res, 200, {
      access_token: accessToken,
      token_type: 'Bearer',
      scope: grant.scope,
      created_at: Math.floor(arg.now() / 1000),
    })
  }

  return { registerApp, authorize, token }
}
