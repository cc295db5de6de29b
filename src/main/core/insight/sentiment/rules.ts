export type Language = 'de' | 'en'

/** A fixed expression scored as a whole: the words after its first one, and its valence. */
export interface Phrase {
  rest: readonly string[]
  valence: number
}
/** Phrases by their first word, longest first so "thank you in advance" wins over "thank you". */
export type PhraseTable = ReadonlyMap<string, readonly Phrase[]>

/** What the scorer needs to know about one language. Valences use AFINN's scale, -5 to +5. */
export interface LanguageRules {
  /** A word's valence, or undefined when it carries none. */
  valence(word: string): number | undefined
  /** Turn the polarity of the next sentiment word in the clause ("nicht gut", "not bad"). */
  negators: ReadonlySet<string>
  /** Right after a negator, they undo it: "nicht nur", "not only". */
  negationBreakers: ReadonlySet<string>
  /**
   * Negators that may follow their word: German puts "nicht" after its verb ("Das gefällt mir
   * nicht"); English has none. They never reach back to a noun, nor to `notNegatable` adverbs
   * ("schmeckt mir leider nicht").
   */
  trailingNegators: ReadonlySet<string>
  notNegatable: ReadonlySet<string>
  /** A negation does not reach across these: "without notice is outrageous", "gut und nicht teuer". */
  negationBarriers: ReadonlySet<string>
  boosters: ReadonlySet<string>
  dampeners: ReadonlySet<string>
  /** "zu", "too": before an `excess` word, what would be neutral or praise is a complaint ("zu süß"). */
  excessMarkers: ReadonlySet<string>
  isExcess(word: string): boolean
  /** "aber", "but": what follows outweighs what came before. */
  contrasts: ReadonlySet<string>
  /** A message's first word as a form of address, not a feeling: "Liebe Anna", "Dear team". */
  salutations: ReadonlySet<string>
  phrases: PhraseTable
}

export const words = (list: string): Set<string> => new Set(list.split(/\s+/).filter(Boolean))

/** A lexicon written as words grouped by valence: compact, and easy to review side by side. */
export function byValence(groups: Record<number, string>): Map<string, number> {
  const lexicon = new Map<string, number>()
  for (const [valence, list] of Object.entries(groups))
    for (const word of words(list)) lexicon.set(word, Number(valence))
  return lexicon
}

export function phraseTable(entries: Record<string, number>): PhraseTable {
  const table = new Map<string, Phrase[]>()
  for (const [text, valence] of Object.entries(entries)) {
    const [first, ...rest] = text.split(' ')
    const list = table.get(first!) ?? []
    list.push({ rest, valence })
    table.set(first!, list)
  }
  for (const list of table.values()) list.sort((a, b) => b.rest.length - a.rest.length)
  return table
}

const union = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>): Set<T> => new Set([...a, ...b])

/** For a message that shows no language (“Super!! 😍”): either language's words count, the first's first. */
export function eitherLanguage(first: LanguageRules, second: LanguageRules): LanguageRules {
  return {
    valence: (word) => first.valence(word) ?? second.valence(word),
    negators: union(first.negators, second.negators),
    negationBreakers: union(first.negationBreakers, second.negationBreakers),
    trailingNegators: union(first.trailingNegators, second.trailingNegators),
    notNegatable: union(first.notNegatable, second.notNegatable),
    negationBarriers: union(first.negationBarriers, second.negationBarriers),
    boosters: union(first.boosters, second.boosters),
    dampeners: union(first.dampeners, second.dampeners),
    excessMarkers: union(first.excessMarkers, second.excessMarkers),
    isExcess: (word) => first.isExcess(word) || second.isExcess(word),
    contrasts: union(first.contrasts, second.contrasts),
    salutations: union(first.salutations, second.salutations),
    phrases: new Map([...second.phrases, ...first.phrases]),
  }
}
