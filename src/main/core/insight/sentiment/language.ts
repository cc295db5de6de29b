/**
 * Frequent function words that exist in only one of the two languages ("was", "die", "am", "also"
 * and "will" exist in both and are left out). A message speaks the language it has more of.
 */
const GERMAN = new Set(
  (
    'der das und ist nicht ich ein eine einen mit für auf den dem des zu von sie wir ihr euch euer eure ' +
    'mein meine meinen war hat habe haben sind bei nach auch noch schon aber wie wann warum kann können ' +
    'bitte danke sehr gibt es im um ob oder nur mir mich dass wurde wird kein keine gar immer'
  ).split(' '),
)
const ENGLISH = new Set(
  (
    'the and is not i a with for on to of you we your my has have are at after still already ' +
    'but how what when why can could please thanks very there it this that just would should were ' +
    'be been no our me they do does did'
  ).split(' '),
)

const UMLAUT = /[äöüß]/

/** +1 for a German hint, -1 for an English one, 0 for none; a message speaks the language of its sum. */
export const languageHint = (token: string): number =>
  GERMAN.has(token) || UMLAUT.test(token) ? 1 : ENGLISH.has(token) ? -1 : 0
