import type { SecretStore } from '../../core/secrets'
import type { Db } from '../../core/store/db'
import { EMPTY_WORKSPACE_NAME } from '../../core/demo/index'
import { connectBlueskyAccount } from '../../core/sync/bluesky-accounts'
import { connectMastodonAccount, mastodonSignInUrl } from '../../core/sync/mastodon-accounts'
import { resolveDataDir } from '../data-dir'
import { EXIT, UsageError, openWriter, positiveInt, secretFromEnv, targetWorkspace } from '../support'

export const OPEN_NETWORKS_USAGE = `Bluesky (signs in with an app password, never the account's main password):
  --handle H              the account's handle (bakery.bsky.social) or DID
  --app-password-env VAR  environment variable holding an app password, made for Earshot in Bluesky
                          under Settings → Privacy and security → App passwords. The main password is
                          refused: an app password can be revoked on its own and cannot change the account.
  --base-url URL          the account's server (default: https://bsky.social)

Mastodon (any instance; sign in there, then give Earshot the code it shows):
  --base-url URL          the instance, e.g. https://mastodon.social (required)
  --code=C                the authorization code (with "=": a code may start with "-"); without it, the
                          address of the sign-in page is printed`

export const OPEN_NETWORKS_OPTIONS = {
  'app-password-env': { type: 'string' },
  'app-password': { type: 'string' },
  code: { type: 'string' },
} as const

interface OpenNetworkValues {
  handle?: string
  'app-password-env'?: string
  'app-password'?: string
  'base-url'?: string
  code?: string
  poll?: string
  workspace?: string
  'data-dir'?: string
}

function baseUrlOf(values: OpenNetworkValues): string | undefined {
  const given = values['base-url']
  if (given !== undefined && (!URL.canParse(given) || !/^https?:$/.test(new URL(given).protocol))) {
    throw new UsageError(`accounts add: --base-url is not an http(s) URL: "${given}"`)
  }
  return given
}

/** `earshot accounts add bluesky|mastodon …`: the arguments are checked before the data directory is opened. */
export async function runOpenNetworkAdd(kind: 'bluesky' | 'mastodon', values: OpenNetworkValues): Promise<number> {
  if (values['app-password'] !== undefined) {
    throw new UsageError(
      'accounts add: --app-password is refused: command lines show up in ps and shell history. Use --app-password-env VAR.',
    )
  }
  const baseUrl = baseUrlOf(values)
  const pollSeconds = positiveInt('accounts add', 'poll', values.poll)
  const connect =
    kind === 'bluesky'
      ? blueskyConnector(values, baseUrl, pollSeconds)
      : mastodonConnector(values, baseUrl, pollSeconds)
  const core = openWriter(resolveDataDir(values['data-dir']))
  try {
    if ('signInAt' in connect) {
      // Registering Earshot with the instance stores its client secret, hence the data directory.
      console.log(await mastodonSignInUrl(core.secretStore(), connect.signInAt))
      console.error(
        'Open this address, sign in and allow Earshot; then run the same command again with --code=<the code shown>.',
      )
      return EXIT.ok
    }
    const workspace = await targetWorkspace(core, 'accounts add', values.workspace, EMPTY_WORKSPACE_NAME)
    const id = await connect.run(core.db, core.secretStore(), workspace.id)
    console.error(`Connected ${kind} account ${id} in workspace "${workspace.name}".`)
    console.log(String(id))
    return EXIT.ok
  } finally {
    await core.close()
  }
}

type Run = (db: Db, secrets: SecretStore, workspaceId: number) => Promise<number>
/** What the command does once the data directory is open: connect, or (Mastodon without a code) show the sign-in page. */
type Step = { run: Run } | { signInAt: string }

function blueskyConnector(
  values: OpenNetworkValues,
  baseUrl: string | undefined,
  pollSeconds: number | undefined,
): Step {
  if (!values.handle)
    throw new UsageError('accounts add bluesky: give --handle (the account’s handle, e.g. bakery.bsky.social)')
  if (values.code !== undefined)
    throw new UsageError('accounts add bluesky: --code is for Mastodon; Bluesky signs in with --app-password-env')
  const appPassword = secretFromEnv('accounts add', 'app-password-env', values['app-password-env'])
  const identifier = values.handle.replace(/^@/, '')
  return {
    run: (db, secrets, workspaceId) =>
      connectBlueskyAccount(db, secrets, {
        workspaceId,
        identifier,
        appPassword,
        ...(baseUrl ? { baseUrl } : {}),
        ...(pollSeconds ? { pollSeconds } : {}),
      }),
  }
}

function mastodonConnector(
  values: OpenNetworkValues,
  baseUrl: string | undefined,
  pollSeconds: number | undefined,
): Step {
  if (!baseUrl)
    throw new UsageError('accounts add mastodon: give --base-url (the instance, e.g. https://mastodon.social)')
  if (values['app-password-env'] !== undefined)
    throw new UsageError('accounts add mastodon: --app-password-env is for Bluesky; Mastodon signs in on the instance')
  const code = values.code?.trim()
  if (!code) return { signInAt: baseUrl }
  return {
    run: (db, secrets, workspaceId) =>
      connectMastodonAccount(db, secrets, { workspaceId, baseUrl, code, ...(pollSeconds ? { pollSeconds } : {}) }),
  }
}
