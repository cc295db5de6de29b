/** The command palette's matching: pure, so what a typed word finds is tested without a browser. */

export interface PaletteCommand {
  id: string
  label: string
  /** Further words that find it ("konto", "settings"), not shown. */
  keywords?: string
  run: () => void
}

/** Lower case without accents, so "konten" finds "Konten" and "uber" finds "Über". */
export const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

/** Every word of the query starts a word of the label or keywords, in any order. */
export function matchesQuery(text: string, query: string): boolean {
  const words = fold(text)
    .split(/[^\p{L}\p{N}@]+/u)
    .filter(Boolean)
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((q) => words.some((w) => w.startsWith(q)))
}

export function filterCommands(commands: readonly PaletteCommand[], query: string): PaletteCommand[] {
  return commands.filter((c) => matchesQuery(`${c.label} ${c.keywords ?? ''}`, query))
}

/** The active option after ArrowDown/ArrowUp: wraps around, as listboxes do. */
export function stepActive(count: number, active: number, delta: number): number {
  if (count === 0) return -1
  return (((active + delta) % count) + count) % count
}
