import { byValence, phraseTable, words, type LanguageRules } from './rules'

/**
 * German has no lexicon we can ship: SentiWS is licensed for non-commercial use only, and the
 * ML-Senticon list in @nlpjs/lang-de lacks everyday customer words ("lecker" is missing,
 * "enttäuscht" and "unverschämt" score about zero). So this one is written for Earshot: the words
 * small-business customers use to praise or complain (taste, service, waiting, price, repairs,
 * classes), on AFINN's scale so both languages add up alike. Base forms only: inflected forms are
 * found by stripping endings (`valence` below).
 */
const LEXICON = byValence({
  4: `hervorragend ausgezeichnet exzellent fantastisch phantastisch wunderbar wundervoll wunderschön traumhaft
      grandios sensationell überragend erstklassig himmlisch phänomenal fabelhaft sagenhaft umwerfend meisterhaft
      weltklasse bombastisch spitzenmäßig`,
  3: `toll super klasse spitze prima großartig herrlich begeistert begeisternd lecker köstlich empfehlenswert
      glücklich lieben liebe liebt wahnsinn knaller hammer traum beeindruckt beeindruckend bravo gelungen geil
      freude glück bestens best tadellos einwandfrei vorbildlich genial perfekt unschlagbar liebevoll top
      blitzsauber staubfrei happy wow`,
  2: `gut besser schön nett freundlich herzlich gemütlich fair zufrieden froh zuverlässig kompetent hilfsbereit
      hilfreich geduldig pünktlich knusprig saftig fluffig duftet entspannt entspannend entspannung erholsam
      friedlich angenehm wohlgefühlt willkommen empfehlen empfehle empfiehlt empfehlung lob loben gelobt danke
      dank danken bedanken gerettet geholfen spaß genießen genuss gefällt gefallen überzeugt überzeugend
      flott zügig unkompliziert preiswert lohnt lohnenswert respekt kompliment verbessert verbesserung motivierend
      inspirierend hübsch niedlich charmant sympathisch höflich kulant professionell sorgfältig positiv cool
      nice reibungslos problemlos freuen freue freut schätzen versüßt dankbar liebling gemeistert wiederkommen
      schmackhaft lieb gesund`,
  1: `sauber frisch buttrig duft ruhig mag mögen schmeckt geschmeckt funktioniert klappt geklappt passt gepasst
      schnell günstig wert ehrlich süß okay ok retten hilfe motiviert gründlich kreativ sicher`,
  [-1]: `leider lauwarm kalt roh hart bitter teuer billig winzig mager unsicher wackelt quietscht quietschen klappert
      klappern ausgebucht kompliziert mühsam reklamation vergessen fehlt fehlte fehlen warten wartezeit gewartet
      ewig sorge besorgt laut durcheinander verwirrend unklar witz leid ungeduldig platt`,
  [-2]: `enttäuscht enttäuschung enttäuschen enttäuschend ärgerlich ärger ärgern traurig unzufrieden unfreundlich
      mürrisch patzig herablassend arrogant genervt nervig nervt nerven lächerlich peinlich blamiert kaputt defekt
      beschädigt zerdrückt zerbrochen zerkratzt verloren falsch fehler fehlerhaft gefährlich schmutzig trocken
      verbrannt matschig fettig fad geschmacklos versalzen eiskalt verspätet verspätung unpünktlich unzuverlässig
      überbucht chaotisch chaos stressig lärm gestört stört störend umständlich nutzlos sinnlos verschwendung
      frustrierend frustriert problem beschwerde beschweren beschwert meckern schade ignoriert ignorieren unfair
      unmöglich schwach dürftig krank verletzt gestürzt unfall hinüber muffig unhöflich unprofessionell ahnungslos
      vorwurf angst hinterherlaufen vertröstet abgewimmelt spam verschwunden vertauscht verwechselt mist blöd doof
      dumm langweilig öde lästig unordentlich schlamperei frech schämt`,
  [-3]: `schlecht furchtbar schrecklich fürchterlich mies eklig unverschämt frechheit inakzeptabel unakzeptabel
      inkompetent überteuert abgezockt wucher gelogen lüge betrogen respektlos pfusch murks schlampig wütend
      verärgert sauer stinkt unzumutbar dreckig mangelhaft ungenießbar schimmel schimmelig steinhart staubtrocken
      gedemütigt vergiftung entsetzt entsetzlich empört horror albtraum alptraum desaster zumutung schwachsinn
      zornig hasse hassen schlimm belästigung beschissen`,
  [-4]: `katastrophe katastrophal miserabel grauenhaft grauenvoll ekelhaft widerlich abzocke betrug unverschämtheit
      lebensmittelvergiftung scheiße scheiß`,
})

/** Words that would otherwise reach a lexicon entry by stripping an ending: "später" is not "spät". */
const NO_VALENCE = words('später lieber gerne gern leicht')

/** Longest first: "schlechteste" → "schlecht", "leckeren" → "lecker", "liebt" → "lieb". */
const ENDINGS = [
  'esten',
  'ester',
  'estem',
  'este',
  'sten',
  'ster',
  'stem',
  'ste',
  'en',
  'er',
  'es',
  'em',
  'et',
  'st',
  'e',
  'n',
  's',
  't',
]
const MIN_STEM = 3

function stemValence(word: string): number | undefined {
  const direct = LEXICON.get(word)
  if (direct !== undefined || NO_VALENCE.has(word)) return direct
  for (const ending of ENDINGS) {
    if (word.length - ending.length >= MIN_STEM && word.endsWith(ending)) {
      const found = LEXICON.get(word.slice(0, -ending.length))
      if (found !== undefined) return found
    }
  }
  return undefined
}

/** Compounds that carry their feeling in front: "Lieblingsbäckerei", "superfreundlich", "stinksauer". */
const VALENCE_PREFIXES: readonly [string, number][] = [
  ['lieblings', 2],
  ['traum', 3],
  ['spitzen', 3],
  ['scheiß', -3],
  ['scheiss', -3],
  ['katastrophen', -3],
  ['horror', -3],
]
const BOOSTING_PREFIXES = ['super', 'mega', 'ultra', 'hyper', 'sau', 'stink', 'tod', 'extra']

function compoundValence(word: string): number | undefined {
  for (const [prefix, valence] of VALENCE_PREFIXES) {
    if (word.length >= prefix.length + MIN_STEM && word.startsWith(prefix)) return valence
  }
  for (const prefix of BOOSTING_PREFIXES) {
    if (word.length >= prefix.length + MIN_STEM && word.startsWith(prefix)) {
      const rest = stemValence(word.slice(prefix.length))
      if (rest !== undefined) return rest + Math.sign(rest)
    }
  }
  return undefined
}

/** Stemming tries up to 18 endings and 15 prefixes: the scorer asks once per word (facts.ts remembers). */
const germanValence = (word: string): number | undefined => stemValence(word) ?? compoundValence(word)

const EXCESS = words(`süß teuer spät früh laut kalt warm heiß klein groß lang kurz voll salzig trocken hart weich
  fettig dunkel hell wenig viel schwer dünn dick eng stark schwach langsam knapp sauer bitter kompliziert streng`)

export const GERMAN: LanguageRules = {
  valence: germanValence,
  negators: words('nicht kein keine keinen keinem keiner keines nie niemals nichts niemand ohne weder nix garnicht'),
  negationBreakers: words('nur'),
  trailingNegators: words('nicht nie niemals'),
  notNegatable: words('leider danke'),
  negationBarriers: words('ist war sind waren bin und oder'),
  boosters:
    words(`sehr wirklich echt total extrem absolut richtig voll besonders unglaublich äußerst höchst super mega so
    viel einfach ziemlich völlig komplett durchweg überhaupt gar riesig wahnsinnig`),
  dampeners: words('etwas bisschen eher einigermaßen halbwegs relativ leicht'),
  excessMarkers: words('zu'),
  isExcess: (word) => EXCESS.has(word) || EXCESS.has(word.replace(/(en|er|es|em|e)$/, '')),
  contrasts: words('aber jedoch allerdings sondern trotzdem'),
  salutations: words('liebe lieber liebes'),
  phrases: phraseTable({
    // Greetings and sign-offs are manners, not mood.
    'guten tag': 0,
    'guten morgen': 0,
    'guten abend': 0,
    'liebe grüße': 0,
    'lieben gruß': 0,
    'viele grüße': 0,
    'beste grüße': 0,
    'herzliche grüße': 0,
    'schöne grüße': 0,
    'freundliche grüße': 0,
    'freundlichen grüßen': 0,
    'schönen tag': 0,
    'schönes wochenende': 0,
    'danke im voraus': 0,
    'dank im voraus': 0,
    'vielen dank im voraus': 0,
    'ehrlich gesagt': 0,
    'in ordnung': 1,
    'gerne wieder': 2,
    'jederzeit wieder': 2,
    'komme wieder': 2,
    'nie wieder': -3,
    'komme nicht wieder': -3,
    'kommen nicht wieder': -3,
    'keine antwort': -2,
    'keine rückmeldung': -2,
    'keine reaktion': -2,
    'geht gar nicht': -3,
    'geht so nicht': -3,
    'so geht das nicht': -3,
    'danke für nichts': -3,
    'finger weg': -3,
    'von wegen': -2,
    'unter aller': -3,
    'reicht mir': -2,
  }),
}
