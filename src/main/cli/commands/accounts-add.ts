import type { SecretStore } from '../../core/secrets'
import type { Db } from '../../core/store/db'
import { EmailSettings } from '../../core/connectors/email/index'
import { signInWithX } from '../../core/connectors/x/sign-in'
import { addEmailAccount, addSocialAccount, addXAccountSignedIn } from '../../core/sync/account-setup'
import { DEFAULT_BASE_URLS } from '../../core/sync/connectors'
import { connectFacebookPages, pagesOfUser } from '../../core/sync/facebook-pages'
import { resolveDataDir } from '../data-dir'
import { OPEN_NETWORKS_OPTIONS, OPEN_NETWORKS_USAGE, runOpenNetworkAdd } from './accounts-add-open'
import { EMPTY_WORKSPACE_NAME } from '../../core/demo/index'
import { EXIT, UsageError, openWriter, parseCommandArgs, positiveInt, secretFromEnv, targetWorkspace } from '../support'

export const ACCOUNTS_ADD_USAGE = `Usage:
  earshot accounts add imap --host H --user U --password-env VAR [options]
  earshot accounts add x|facebook --token-env VAR [options]
  earshot accounts add x --oauth --client-id ID [options]
  earshot accounts add facebook --user-token-env VAR [--page ID …] [options]
  earshot accounts add bluesky --handle H --app-password-env VAR [options]
  earshot accounts add mastodon --base-url URL [--code=C] [options]

Adds an account and connects it; prints the new account id. Secrets are read from the environment
variable you name (never from the command line) and kept in the data directory's secret store.

IMAP options:
  --host H             IMAP server
  --port P             IMAP port (default: 993 with --tls on, else 143)
  --user U             login name
  --password-env VAR   environment variable holding the password
  --tls on|off|starttls  implicit TLS (default), plain, or STARTTLS
  --smtp-host H        SMTP server for replies (default: the IMAP host)
  --smtp-port P        SMTP port (default: 465 with --tls on, else 587)
  --address A          the address replies come from (default: --user, if it is an address)
  --folders LIST       folders to sync, comma-separated (default: INBOX and Sent)

X and Facebook options:
  --token-env VAR      environment variable holding the API token
  --base-url URL       API root (an emulator's, for tests; default: the provider's)
  --provider-id ID     the X user id or Facebook page id (default: looked up with the token)
  --handle H           the account's handle as shown in Earshot (default: --provider-id)
  --poll SECONDS       how often to sync (default: 60)

X sign-in (OAuth 2.0 with PKCE, your own X app; read, reply and DMs with a renewable user token):
  --oauth              sign in through the browser instead of --token-env: prints the address to open
                       and waits for X to send the browser back to 127.0.0.1
  --client-id ID       your X app's OAuth 2.0 client id (a public client: no secret is needed)
  --redirect-port N    the loopback port registered as the app's callback (default: any free port)
  --authorize-url URL  the consent page (default: X's, or <base-url>/i/oauth2/authorize with --base-url)

Facebook Pages through a Page admin's user token (Facebook Login):
  --user-token-env VAR environment variable holding the user token; each Page keeps its own Page token
  --page ID            a Page to connect (repeat for several); without it, the Pages are listed

${OPEN_NETWORKS_USAGE}

Common options:
  --workspace W        workspace name or id (default: the only non-demo workspace)
  --data-dir DIR       the data directory (default: the desktop app's)`

const OPTIONS = {
  host: { type: 'string' }, port: { type: 'string' }, user: { type: 'string' }, 'password-env': { type: 'string' }, password: { type: 'string' },
  tls: { type: 'string' }, 'smtp-host': { type: 'string' }, 'smtp-port': { type: 'string' }, address: { type: 'string' }, folders: { type: 'string' },
  'token-env': { type: 'string' }, token: { type: 'string' }, 'base-url': { type: 'string' }, 'provider-id': { type: 'string' },
  handle: { type: 'string' }, poll: { type: 'string' }, workspace: { type: 'string' }, 'data-dir': { type: 'string' },
  ...OPEN_NETWORKS_OPTIONS,
  oauth: { type: 'boolean' }, 'user-token-env': { type: 'string' }, page: { type: 'string', multiple: true }, 'client-id': { type: 'string' }, 'redirect-port': { type: 'string' }, 'authorize-url': { type: 'string' },
} as const

type Values = ReturnType<typeof parseAddArgs>['values']
const parseAddArgs = (argv: string[]) => parseCommandArgs('accounts add', argv, OPTIONS, true)

const TLS_MODES = { on: { secure: true, starttls: false }, off: { secure: false, starttls: false }, starttls: { secure: false, starttls: true } } as const

function emailSettingsFrom(values: Values): EmailSettings {
  if (values.password !== undefined) {
    throw new UsageError('accounts add: --password is refused: command lines show up in ps and shell history. Use --password-env VAR.')
  }
  const tlsName = values.tls ?? 'on'
  if (!(tlsName in TLS_MODES)) throw new UsageError(`accounts add: --tls must be on, off or starttls, not "${tlsName}"`)
  const tls = TLS_MODES[tlsName as keyof typeof TLS_MODES]
  if (!values.host || !values.user) throw new UsageError('accounts add imap: --host and --user are required')
  const parsed = EmailSettings.safeParse({
    imap: { host: values.host, port: positiveInt('accounts add', 'port', values.port) ?? (tls.secure ? 993 : 143), ...tls, user: values.user },
    smtp: { host: values['smtp-host'] ?? values.host, port: positiveInt('accounts add', 'smtp-port', values['smtp-port']) ?? (tls.secure ? 465 : 587), ...tls },
    address: values.address ?? values.user,
    aliases: [],
    ...(values.folders ? { folders: values.folders.split(',').map((f) => f.trim()).filter(Boolean) } : {}),
  })
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') === 'address' ? '--address' : i.path.join('.')}: ${i.message}`)
    throw new UsageError(`accounts add imap: ${problems.join('; ')}${values.address ? '' : ' (give --address when --user is not an email address)'}`)
  }
  return parsed.data
}

function socialSetupFrom(channel: 'x' | 'facebook', values: Values) {
  if (values.token !== undefined) {
    throw new UsageError('accounts add: --token is refused: command lines show up in ps and shell history. Use --token-env VAR.')
  }
  const handle = values.handle ?? values['provider-id']
  if (!handle) throw new UsageError(`accounts add ${channel}: give --handle (or --provider-id)`)
  if (values['base-url'] && !URL.canParse(values['base-url'])) throw new UsageError(`accounts add: --base-url is not a URL: "${values['base-url']}"`)
  const pollSeconds = positiveInt('accounts add', 'poll', values.poll)
  return {
    channel,
    handle,
    ...(values['base-url'] ? { baseUrl: values['base-url'] } : {}),
    ...(values['provider-id'] ? { providerId: values['provider-id'] } : {}),
    ...(pollSeconds ? { pollSeconds } : {}),
  }
}

type Adder = (db: Db, secrets: SecretStore, workspaceId: number) => number | Promise<number[]>

/** Lists the user's Pages when none is chosen (exit 2: nothing was added); otherwise connects the chosen ones. */
async function facebookPagesAdder(values: Values): Promise<Adder | null> {
  const userToken = secretFromEnv('accounts add', 'user-token-env', values['user-token-env'])
  const baseUrl = values['base-url']
  if (baseUrl && !URL.canParse(baseUrl)) throw new UsageError(`accounts add: --base-url is not a URL: "${baseUrl}"`)
  const login = { userToken, ...(baseUrl ? { baseUrl } : {}) }
  const pageIds = values.page ?? []
  if (pageIds.length === 0) {
    for (const page of await pagesOfUser(login)) {
      const note = page.missingTasks.length ? `needs the ${page.missingTasks.join(' and ')} task` : ''
      console.log([page.id, page.name, page.category ?? '', note].join('\t').trimEnd())
    }
    console.error('Say which Pages to connect with --page ID (repeat for several).')
    return null
  }
  return (db, secrets, workspaceId) => connectFacebookPages(db, secrets, { ...login, workspaceId, pageIds })
}

/** Signs in before the data directory is opened, so the lock is not held while the user is in the browser. */
async function xOAuthAdder(values: Values): Promise<Adder> {
  const clientId = values['client-id']
  if (!clientId) throw new UsageError('accounts add x --oauth: --client-id is required (your X app\'s OAuth 2.0 client id)')
  for (const option of ['base-url', 'authorize-url'] as const) {
    const value = values[option]
    if (value && !URL.canParse(value)) throw new UsageError(`accounts add: --${option} is not a URL: "${value}"`)
  }
  const baseUrl = values['base-url']
  const port = positiveInt('accounts add', 'redirect-port', values['redirect-port'])
  const pollSeconds = positiveInt('accounts add', 'poll', values.poll)
  const signedIn = await signInWithX({
    apiBaseUrl: baseUrl ?? DEFAULT_BASE_URLS.x,
    clientId,
    ...(values['authorize-url'] ? { authorizeUrl: values['authorize-url'] } : {}),
    ...(port ? { port } : {}),
    open: (url) => console.error(`Open this address in your browser and allow Earshot:\n${url}`),
  })
  console.error(`Signed in as @${signedIn.user.username}.`)
  return (db, secrets, workspaceId) =>
    addXAccountSignedIn(db, secrets, { workspaceId, clientId, signedIn, ...(baseUrl ? { baseUrl } : {}), ...(pollSeconds ? { pollSeconds } : {}) })
}

function emailAdder(values: Values): Adder {
  const settings = emailSettingsFrom(values)
  const password = secretFromEnv('accounts add', 'password-env', values['password-env'])
  return (db, secrets, workspaceId) => addEmailAccount(db, secrets, { workspaceId, settings, password })
}

function socialAdder(channel: 'x' | 'facebook', values: Values): Adder {
  const setup = socialSetupFrom(channel, values)
  const token = secretFromEnv('accounts add', 'token-env', values['token-env'])
  return (db, secrets, workspaceId) => addSocialAccount(db, secrets, { workspaceId, ...setup, token })
}

function adderFor(kind: 'imap' | 'x' | 'facebook', values: Values): Adder | Promise<Adder | null> {
  if (kind === 'imap') return emailAdder(values)
  if (kind === 'x' && values.oauth) return xOAuthAdder(values)
  if (kind === 'facebook' && values['user-token-env'] !== undefined) return facebookPagesAdder(values)
  return socialAdder(kind, values)
}

/** `earshot accounts add <kind> …`: everything is checked before the data directory is opened. */
export async function runAccountsAdd(argv: string[]): Promise<number> {
  const { values, positionals } = parseAddArgs(argv)
  if (values.help) {
    console.log(ACCOUNTS_ADD_USAGE)
    return EXIT.ok
  }
  const kind = positionals[0]
  if (positionals.length === 1 && (kind === 'bluesky' || kind === 'mastodon')) return runOpenNetworkAdd(kind, values)
  if (positionals.length !== 1 || (kind !== 'imap' && kind !== 'x' && kind !== 'facebook')) {
    throw new UsageError('accounts add: say which kind: imap, x, facebook, bluesky or mastodon')
  }
  if (values.oauth && kind !== 'x') throw new UsageError('accounts add: --oauth signs in to X only')
  const add = await adderFor(kind, values)
  if (!add) return EXIT.usage
  const core = openWriter(resolveDataDir(values['data-dir']))
  try {
    const workspace = await targetWorkspace(core, 'accounts add', values.workspace, EMPTY_WORKSPACE_NAME)
    const added = await add(core.db, core.secretStore(), workspace.id)
    const ids = Array.isArray(added) ? added : [added]
    console.error(`Added ${kind === 'imap' ? 'email' : kind} account${ids.length > 1 ? 's' : ''} ${ids.join(', ')} to workspace "${workspace.name}".`)
    for (const id of ids) console.log(String(id))
    return EXIT.ok
  } finally {
    await core.close()
  }
}
