/**
 * `npm run bench -- <name>`: runs one benchmark, prints its figures as a table and as one JSON line.
 * Benchmarks measure; they never assert a wall-clock time.
 */
const benches: Record<string, () => Promise<{ default: (args: string[]) => Promise<void> }>> = {
  store: () => import('./store'),
  contacts: () => import('./contacts'),
  sync: () => import('./sync'),
  import: () => import('./import'),
  renderer: () => import('./renderer'),
  sla: () => import('./sla'),
  sentiment: () => import('./sentiment'),
  reports: () => import('./reports'),
}

export {}

const [name, ...args] = process.argv.slice(2)
const load = name ? benches[name] : undefined
if (!load) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}> [options]`)
  process.exit(2)
}
await (await load()).default(args)
