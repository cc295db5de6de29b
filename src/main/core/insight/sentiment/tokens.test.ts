import { describe, expect, it } from 'vitest'
import { tokenize } from './tokens'

/** The specification tokens.ts implements by hand: this expression, applied with `exec`. */
const TOKEN = /[:;=]-?[()dp/](?![\p{L}\p{N}])|<3|[\p{L}\p{N}]+(?:['’][\p{L}]+)?|\p{Extended_Pictographic}|[.!?,;:]/gu

function byExpression(text: string) {
  const lower = text.toLowerCase()
  const aligned = lower.length === text.length
  const words: string[] = []
  const capitalised: number[] = []
  for (const m of lower.matchAll(TOKEN)) {
    const word = m[0]
    const sentenceStart = words.length === 0 || ['.', '!', '?'].includes(words.at(-1)!)
    if (aligned && !sentenceStart && text.charCodeAt(m.index) !== word.charCodeAt(0)) capitalised.push(words.length)
    words.push(':;='.includes(word[0]!) ? word.replace('-', '') : word.replace('’', "'"))
  }
  return { words, capitalised: words.map((_, i) => (capitalised.includes(i) ? 1 : 0)) }
}

const read = (text: string) => {
  const { words, capitalised } = tokenize(text)
  return { words, capitalised: [...capitalised] }
}

describe('tokenize', () => {
  it('splits words, emoticons, emojis and clause marks, and marks capitals inside a sentence', () => {
    expect(read('Der Kuchen :-) war lecker!! Didn’t you <3 it? 😍 Ja.')).toEqual({
      words: ['der', 'kuchen', ':)', 'war', 'lecker', '!', '!', "didn't", 'you', '<3', 'it', '?', '😍', 'ja', '.'],
      capitalised: [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0],
    })
  })

  it('reads exactly what the expression matches, on odd text too', () => {
    const samples = [
      ':D :P :/ :-( ;) =) = :x :dog =p5 ::) <3 <4',
      'Größe tauschen, bitte! Straße; Maße: 12,5 cm',
      'İstanbul İst ǅemal Σίσυφος ΣΑΣ ﬀ',
      "don't it’s o'reilly rock'n'roll 1'a 'quoted' ’",
      '🏳️‍🌈 👍🏽 © ® # * 1️⃣ \u200d \u0301e',
      'lone \ud83d surrogate \ude00 and \ud800x',
      '',
      '...!!!???,,,',
    ]
    for (const text of samples) expect(read(text), text).toEqual(byExpression(text))
  })

  it('agrees with the expression on random text of tricky characters', () => {
    const alphabet = [..."aZ09 .,!?;:=-()dDpP/<3'’İßÄöü😍😡👍©®#*\u0301\u200d\ud83d\ud800xX", 'ǅ', 'ﬀ', 'Σ', 'ς']
    let seed = 2010
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
    for (let n = 0; n < 3000; n++) {
      const text = Array.from(
        { length: 1 + Math.floor(random() * 30) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('')
      expect(read(text), JSON.stringify(text)).toEqual(byExpression(text))
    }
  })
})
