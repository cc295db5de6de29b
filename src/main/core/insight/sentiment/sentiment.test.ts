import { describe, expect, it } from 'vitest'
import { readSentiment } from '.'

const label = (text: string) => readSentiment(text).label
const score = (text: string) => readSentiment(text).score

describe('readSentiment', () => {
  it('reads plain praise and complaints in German and English', () => {
    expect(label('Die Zimtschnecken sind himmlisch, danke!')).toBe('positive')
    expect(label('Der Service war furchtbar und das Brot trocken.')).toBe('negative')
    expect(label('The sourdough is fantastic, thank you!')).toBe('positive')
    expect(label('Terrible service and the coffee was cold.')).toBe('negative')
  })

  it('leaves questions, requests and polite formulas neutral', () => {
    expect(label('Habt ihr am Sonntag geöffnet? Danke im Voraus')).toBe('neutral')
    expect(label('Liebe Anna, wann beginnt der Kurs am Donnerstag?')).toBe('neutral')
    expect(label("Hi, I'd like to order two dozen rolls for Friday. Thanks in advance.")).toBe('neutral')
    expect(label('Can you recommend a tyre for gravel?')).toBe('neutral')
    expect(readSentiment('')).toMatchObject({ score: 0, label: 'neutral' })
  })

  it('turns a negated word: before it in both languages, after a German verb', () => {
    expect(label('Das Brot ist nicht gut.')).toBe('negative')
    expect(label('Gar nicht schlecht!')).toBe('positive')
    expect(label('Not bad at all, the new loaf is nice.')).toBe('positive')
    expect(label('The cake was not good.')).toBe('negative')
    expect(label('Der Kuchen schmeckt mir leider nicht.')).toBe('negative')
    expect(label('Ihr enttäuscht nie.')).toBe('positive')
  })

  it('keeps a trailing "nicht" off nouns and a negation inside its own clause', () => {
    expect(label('Für so einen Pfusch zahle ich nicht.')).toBe('negative')
    expect(label('Your price increase without notice is outrageous.')).toBe('negative')
    expect(label('Kein Problem, danke!')).toBe('positive')
  })

  it('strengthens boosted words and weakens dampened ones', () => {
    expect(score('Das war sehr gut.')).toBeGreaterThan(score('Das war gut.'))
    expect(score('That was really good.')).toBeGreaterThan(score('That was good.'))
    expect(score('Der Kuchen war etwas trocken.')).toBeGreaterThan(score('Der Kuchen war trocken.'))
    expect(score('The delivery was slightly late.')).toBeGreaterThan(score('The delivery was late.'))
  })

  it('reads "too" and "zu" before a measure as a complaint', () => {
    expect(label('Der Käsekuchen war viel zu süß.')).toBe('negative')
    expect(label('Way too expensive for what you get.')).toBe('negative')
  })

  it('counts emojis and emoticons, and never negates them', () => {
    expect(label('Torte abgeholt 😍')).toBe('positive')
    expect(label('Still waiting for my order 😡')).toBe('negative')
    expect(label('Order arrived :-)')).toBe('positive')
    expect(label('Not today 👍👍')).toBe('positive')
  })

  it('adds emphasis for exclamation marks, in the direction of the message', () => {
    expect(score('Lecker!!!')).toBeGreaterThan(score('Lecker.'))
    expect(score('Awful!!!')).toBeLessThan(score('Awful.'))
  })

  it('weighs what follows "but" / "aber" more than what came before', () => {
    expect(label('The cake looked nice but the service was terrible.')).toBe('negative')
    expect(label('Es war voll, aber das Team war großartig.')).toBe('positive')
  })

  it('finds inflected and compound German words', () => {
    expect(label('Die leckersten Brötchen weit und breit')).toBe('positive')
    expect(label('Das schlechteste Croissant, das ich je gegessen habe.')).toBe('negative')
    expect(label('Meine Lieblingsbäckerei!')).toBe('positive')
    expect(label('Superfreundliches Team.')).toBe('positive')
  })

  it('tells the languages apart, and scores a message without a hint in both', () => {
    expect(readSentiment('Wann habt ihr morgen geöffnet?').language).toBe('de')
    expect(readSentiment('When do you open tomorrow?').language).toBe('en')
    expect(readSentiment('Super 😍').language).toBeNull()
    expect(label('Super 😍')).toBe('positive')
    expect(label('Mega lecker!')).toBe('positive')
  })

  it('keeps the score inside [-1, 1] however strong the text', () => {
    const furious = 'Katastrophe! Ekelhaft! Abzocke! 😡😡😡 '.repeat(20)
    const delighted = 'Fantastic! Amazing! Wonderful! 😍😍😍 '.repeat(20)
    expect(score(furious)).toBeGreaterThanOrEqual(-1)
    expect(score(furious)).toBeLessThan(-0.9)
    expect(score(delighted)).toBeLessThanOrEqual(1)
    expect(score(delighted)).toBeGreaterThan(0.9)
  })
})
