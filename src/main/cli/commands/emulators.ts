import { startEmulators } from '../../../../emulators/index'
import { EXIT, UsageError, parseCommandArgs, untilSignalled, type CliCommand } from '../support'

const USAGE = `Usage: earshot emulators [--port N] [--scenario test|demo]

Runs the local X, Facebook, Bluesky and Mastodon emulators on 127.0.0.1 until Ctrl+C. Prints one
line per emulator ("x URL", "facebook URL", …), then the emulated accounts' credentials and ids.
(Mastodon signs in on the emulated instance: "earshot accounts add mastodon --base-url URL".)

Options:
  --port N                X on N, Facebook on N+1, Bluesky on N+2, Mastodon on N+3,
                          the feed server (RSS/Atom for "earshot watch add") on N+4 (default: free ports)
  --scenario test|demo    demo adds a new mention and comment every few seconds (default: test)`

export const emulatorsCommand: CliCommand = {
  name: 'emulators',
  summary: 'Run the local X and Facebook emulators',
  usage: USAGE,
  async run(argv) {
    const { values } = parseCommandArgs('emulators', argv, { port: { type: 'string' }, scenario: { type: 'string' } }, false)
    if (values.help) {
      console.log(USAGE)
      return EXIT.ok
    }
    const scenario = values.scenario ?? 'test'
    if (scenario !== 'test' && scenario !== 'demo') throw new UsageError(`emulators: --scenario must be test or demo, not "${scenario}"`)
    const port = values.port === undefined ? 0 : Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65_534) throw new UsageError(`emulators: --port must be 0-65534, not "${values.port}"`)
    // Listening before the first line: whoever reads it may stop us at once (untilSignalled).
    const stopped = untilSignalled()
    const emulators = await startEmulators({ port, scenario })
    try {
      console.log(`x ${emulators.x.baseUrl}`)
      console.log(`facebook ${emulators.facebook.baseUrl}/v19.0`)
      console.log(`bluesky ${emulators.bluesky.baseUrl}`)
      console.log(`mastodon ${emulators.mastodon.baseUrl}`)
      console.log(`feeds ${emulators.feeds.baseUrl}`)
      // Emulator credentials, not real ones: printed so scripts can run "earshot accounts add".
      console.log(`x-token ${emulators.x.control.token ?? ''}`)
      console.log(`x-user-id ${emulators.x.control.me.id}`)
      console.log(`facebook-token ${emulators.facebook.control.token ?? ''}`)
      console.log(`facebook-page-id ${emulators.facebook.control.pageId}`)
      console.log(`bluesky-handle ${emulators.bluesky.control.identifier}`)
      console.log(`bluesky-app-password ${emulators.bluesky.control.appPassword}`)
      // Addresses for "earshot watch add": a food blog (RSS) and a review site (Atom).
      console.log(`feed-blog ${emulators.feeds.control.url('blog')}`)
      console.log(`feed-reviews ${emulators.feeds.control.url('reviews')}`)
      await stopped
      return EXIT.ok
    } finally {
      await emulators.close()
    }
  },
}
