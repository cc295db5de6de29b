import { MastodonRefusal, createMastodonClient, type MastodonClient } from './client'
import { InstanceV2, MastodonAccount, RegisteredApp, TokenGrant } from './schemas'

/**
 * Connecting a Mastodon account: every instance is its own OAuth provider, so Earshot registers
 * itself with each one (POST /api/v1/apps) and then runs the authorization-code flow. The code
 * comes back out of band: the instance shows it and the person pastes it into Earshot.
 */

/** Only what Earshot uses: read mentions and statuses, see who it is, and post replies. */
export const MASTODON_SCOPES = 'read:notifications read:statuses read:accounts write:statuses'
/** The redirect URI that makes the instance show the code instead of redirecting (RFC 6749 OOB). */
export const OUT_OF_BAND = 'urn:ietf:wg:oauth:2.0:oob'

export interface MastodonApp {
  clientId: string
  clientSecret: string
  redirectUri: string
}

export interface InstanceLimits {
  /** configuration.statuses.max_characters: 500 on most instances, more on some. */
  maxCharacters: number
  /** configuration.statuses.characters_reserved_per_url: what a link counts, however long. */
  urlLength: number
}

const signal = () => AbortSignal.timeout(30_000)
const anonymous = (baseUrl: string) => createMastodonClient({ baseUrl, token: null, now: Date.now })

export async function registerApp(baseUrl: string, redirectUri = OUT_OF_BAND): Promise<MastodonApp> {
  const { data } = await anonymous(baseUrl).call(
    {
      method: 'POST',
      path: '/api/v1/apps',
      body: { client_name: 'Earshot', redirect_uris: redirectUri, scopes: MASTODON_SCOPES },
    },
    RegisteredApp,
    signal(),
  )
  return { clientId: data.client_id, clientSecret: data.client_secret, redirectUri }
}

/** The page where the person signs in to their instance and allows Earshot. */
export function authorizationUrl(baseUrl: string, app: MastodonApp): string {
  const url = new URL('/oauth/authorize', baseUrl)
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: app.clientId,
    redirect_uri: app.redirectUri,
    scope: MASTODON_SCOPES,
  }).toString()
  return url.toString()
}

/** Trades the code for an access token. Mastodon tokens do not expire; they are revoked. */
export async function exchangeCode(baseUrl: string, app: MastodonApp, code: string): Promise<string> {
  try {
    return await requestToken(baseUrl, app, code)
  } catch (error) {
    // invalid_grant: the code was mistyped, cut short, already used or expired; only a new one helps.
    if (error instanceof MastodonRefusal && error.status === 400)
      throw new MastodonRefusal(
        `The instance did not accept this code. Copy it again in full, or open the sign-in page again for a new one: each code works once, for a few minutes. (${error.message})`,
        400,
      )
    throw error
  }
}

async function requestToken(baseUrl: string, app: MastodonApp, code: string): Promise<string> {
  const { data } = await anonymous(baseUrl).call(
    {
      method: 'POST',
      path: '/oauth/token',
      body: {
        grant_type: 'authorization_code',
        code,
        client_id: app.clientId,
        client_secret: app.clientSecret,
        redirect_uri: app.redirectUri,
        scope: MASTODON_SCOPES,
      },
    },
    TokenGrant,
    signal(),
  )
  return data.access_token
}

export async function verifyCredentials(baseUrl: string, token: string): Promise<MastodonAccount> {
  const client = createMastodonClient({ baseUrl, token, now: Date.now })
  return (await client.call({ method: 'GET', path: '/api/v1/accounts/verify_credentials' }, MastodonAccount, signal()))
    .data
}

/** The instance's own limits, from /api/v2/instance (public, no token needed). */
export async function readInstanceLimits(client: MastodonClient, abort: AbortSignal): Promise<InstanceLimits> {
  const { data } = await client.call({ method: 'GET', path: '/api/v2/instance' }, InstanceV2, abort)
  const statuses = data.configuration.statuses
  return { maxCharacters: statuses.max_characters, urlLength: statuses.characters_reserved_per_url ?? 23 }
}

export const fetchInstanceLimits = (baseUrl: string): Promise<InstanceLimits> =>
  readInstanceLimits(anonymous(baseUrl), signal())
