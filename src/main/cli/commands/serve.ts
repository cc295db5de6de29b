import fs from 'node:fs'
import path from 'node:path'
import { openCore } from '../../core/index'
import { describeDemoMailServer } from '../../core/demo/demo-mail'
import { startDemoTraffic } from '../../core/demo/live'
import { startWebHost } from '../../web/server'
import { resolveDataDir } from '../data-dir'
import { EXIT, REPO_ROOT, UsageError, cliVersion, parseCommandArgs, untilSignalled, type CliCommand } from '../support'

const USAGE = `Usage: earshot serve [options]

Serves Earshot in the browser on 127.0.0.1 until Ctrl+C.

Options:
  --port N         listen on port N (default: a free port)
  --demo           create the demo workspaces if the data directory is new (default)
  --no-demo        start a new data directory empty
  --no-live        no live demo traffic (by default, when the data directory holds the demo, the
                   bakery's X, Facebook, Bluesky and Mastodon accounts are fed by local emulators, and
                   its demo mailbox by a local Dovecot when one is installed)
  --static-dir DIR serve this built web app instead of <repo>/out/web
  --data-dir DIR   the data directory (default: the desktop app's)`

export const STATIC_DIR = path.join(REPO_ROOT, 'out', 'web')

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`serve: --port must be 0-65535, not "${value}"`)
  return port
}

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Run Earshot in the browser (web host on 127.0.0.1)',
  usage: USAGE,
  async run(argv) {
    const { values } = parseCommandArgs(
      'serve',
      argv,
      { port: { type: 'string' }, demo: { type: 'boolean' }, 'no-demo': { type: 'boolean' }, 'no-live': { type: 'boolean' }, 'static-dir': { type: 'string' }, 'data-dir': { type: 'string' } },
      false,
    )
    if (values.help) {
      console.log(USAGE)
      return EXIT.ok
    }
    if (values.demo && values['no-demo']) throw new UsageError('serve: choose --demo or --no-demo, not both')
    const port = parsePort(values.port)
    const staticDir = values['static-dir'] ? path.resolve(values['static-dir']) : STATIC_DIR
    if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
      console.error(`earshot: the web app is not built (${path.join(staticDir, 'index.html')} is missing). Run "npm run serve", which builds it first.`)
      return EXIT.runtime
    }
    const core = openCore({ dataDir: resolveDataDir(values['data-dir']), host: 'web', version: cliVersion(), demo: values['no-demo'] ? 'never' : 'first-start' })
    try {
      const stopped = untilSignalled()
      const host = await startWebHost({ core, staticDir, port })
      console.log(`Earshot is running at ${host.url}`)
      // Wiring for sync, the outbox and the live demo: serve is a full host, like the desktop shell.
      core.startBackground()
      // Printed so e2e tests can drive the emulators' /_control API (emulators/README.md), as soon as
      // they serve: the demo mail server may take seconds longer to start.
      const onEmulators = (urls: { xBaseUrl: string; facebookBaseUrl: string; feedsBaseUrl: string; blueskyBaseUrl: string; mastodonBaseUrl: string }) => {
        console.log('demo: live X, Facebook, Bluesky and Mastodon traffic from local emulators')
        console.log(`demo: x ${urls.xBaseUrl}`)
        console.log(`demo: facebook ${urls.facebookBaseUrl}`)
        console.log(`demo: feeds ${urls.feedsBaseUrl}`)
        console.log(`demo: bluesky ${urls.blueskyBaseUrl}`)
        console.log(`demo: mastodon ${urls.mastodonBaseUrl}`)
      }
      const traffic = values['no-live'] ? null : await startDemoTraffic(core, { onEmulators })
      if (traffic) console.log(describeDemoMailServer(traffic.mail))
      await stopped
      await traffic?.close()
      await host.close()
      return EXIT.ok
    } finally {
      await core.close()
    }
  },
}
