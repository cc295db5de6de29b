import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { SentimentLabel } from '../src/shared/domain'
import { generateDemo } from '../src/main/core/demo'
import { EventBus } from '../src/main/core/events'
import { readSentiment, type Language } from '../src/main/core/insight/sentiment'
import { runSentimentBackfill } from '../src/main/core/insight/sentiment/backfill'
import { openDatabase } from '../src/main/core/store/db'
import { macroF1 } from './classification'
import { fmt, printTable, startStallProbe } from './stats'

/**
 * Sentiment benchmark (issue #6): accuracy on the labelled sample in bench/data/sentiment (written for
 * the purpose, see its README) as macro-F1 per language, throughput in messages per second, and the
 * backfill after the upgrade on a demo database (scale 1: the demo's ~25,000 messages) with the worst
 * event-loop stall it causes. `--errors` lists the messages the scorer got wrong.
 */
const LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive']
const LANGUAGES: readonly Language[] = ['de', 'en']

interface Sample {
  label: SentimentLabel
  text: string
}

export function loadSample(language: Language): Sample[] {
  const file = path.join(import.meta.dirname, 'data', 'sentiment', `${language}.tsv`)
  const [, ...lines] = fs.readFileSync(file, 'utf8').split('\n')
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [label, text] = line.split('\t') as [string, string]
      if (!LABELS.includes(label as SentimentLabel)) throw new Error(`${file}: unknown label "${label}"`)
      return { label: label as SentimentLabel, text }
    })
}

export default async function sentimentBench(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      rounds: { type: 'string', default: '200' },
      scale: { type: 'string', default: '1' },
      errors: { type: 'boolean' },
    },
  })
  const samples = new Map(LANGUAGES.map((language) => [language, loadSample(language)]))

  const summary: Record<string, number> = {}
  for (const [language, sample] of samples) {
    const readings = sample.map((s) => ({ ...s, reading: readSentiment(s.text) }))
    const { macroF1: f1, perClass } = macroF1(
      LABELS,
      readings.map((r) => ({ expected: r.label, predicted: r.reading.label })),
    )
    const detected = readings.filter((r) => r.reading.language === language).length / readings.length
    console.log(
      `\n${language}: ${sample.length} messages, macro-F1 ${fmt(f1, 3)}, language detected for ${fmt(detected * 100, 1)} %`,
    )
    printTable(
      perClass.map((c) => ({
        label: c.label,
        messages: c.support,
        precision: fmt(c.precision, 3),
        recall: fmt(c.recall, 3),
        F1: fmt(c.f1, 3),
      })),
    )
    if (values.errors) {
      for (const r of readings.filter((x) => x.reading.label !== x.label)) {
        console.log(`  expected ${r.label}, read ${r.reading.label} (${r.reading.score}): ${r.text}`)
      }
    }
    summary[`macroF1${language.toUpperCase()}`] = Number(f1.toFixed(3))
  }

  const texts = [...samples.values()].flat().map((s) => s.text)
  const rounds = Number(values.rounds)
  for (const text of texts) readSentiment(text) // warm-up, so the JIT has compiled the hot path
  const started = process.hrtime.bigint()
  for (let round = 0; round < rounds; round++) for (const text of texts) readSentiment(text)
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const averageLength = texts.reduce((sum, t) => sum + t.length, 0) / texts.length
  summary.messagesPerSecond = Math.round((texts.length * rounds) / seconds)
  summary.averageMessageChars = Math.round(averageLength)
  Object.assign(summary, await measureBackfill(Number(values.scale)))

  console.log('\nSummary (targets: macro-F1 ≥ 0.75 per language, ≥ 20,000 messages/s)')
  printTable(Object.entries(summary).map(([figure, value]) => ({ figure, value: fmt(value, 3) })))
  console.log(`\nJSON ${JSON.stringify(summary)}`)
}

/** The demo as a database from before migration 0080 sees it after the upgrade: every mood unread. */
async function measureBackfill(scale: number) {
  const dir = path.join(import.meta.dirname, '.data', 'sentiment')
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  const db = openDatabase(path.join(dir, 'earshot.db'))
  console.log(`\nBuilding the demo at scale ${scale} for the backfill …`)
  generateDemo(db, { scale, seed: 2010 })
  db.exec(
    'UPDATE messages SET sentiment = NULL, sentiment_label = NULL; UPDATE conversations SET sentiment = NULL, sentiment_label = NULL',
  )
  const probe = startStallProbe()
  const started = performance.now()
  const read = await runSentimentBackfill({ db, events: new EventBus() })
  const seconds = (performance.now() - started) / 1000
  const worstStallMs = probe.stop()
  db.close()
  fs.rmSync(dir, { recursive: true, force: true })
  console.log(
    `Backfill read ${fmt(read, 0)} messages in ${fmt(seconds)} s; worst event-loop stall ${fmt(worstStallMs)} ms`,
  )
  return {
    backfillMessages: read,
    backfillSeconds: Number(seconds.toFixed(2)),
    backfillWorstStallMs: Number(worstStallMs.toFixed(1)),
  }
}
