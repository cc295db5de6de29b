/**
 * The X emulator in a process of its own, for benchmarks: serving pages costs CPU that must not be
 * counted as the host's event-loop stall. Prints one JSON line {baseUrl, token}, then serves until
 * killed. Usage: node bin/run-ts.js bench/emulator-process.ts <mentions>
 */
import { startEmulators } from '../emulators/index'

const mentions = Number(process.argv[2] ?? 20_000)
// X serves only the newest 800 mentions; the cap is lifted so the benchmark measures our side.
const emulators = await startEmulators({ mentions, mentionsCap: Number.POSITIVE_INFINITY, xLimits: { mentions: 1_000_000 } })
console.log(JSON.stringify({ baseUrl: emulators.x.baseUrl, token: emulators.x.control.token ?? '' }))
process.on('SIGTERM', () => void emulators.close().then(() => process.exit(0)))
