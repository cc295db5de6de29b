import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { refreshStaleKeys, scanSignatures, updateContactKeys } from '../src/main/core/contacts/keys'
import { mergeContacts, unmergeContacts } from '../src/main/core/contacts/merge'
import { listSuggestions } from '../src/main/core/contacts/suggestions'
import { generateDemo } from '../src/main/core/demo'
import { openDatabase, type Db } from '../src/main/core/store/db'
import { listTimeline } from '../src/main/core/store/repos/contacts'
import { fmt, medianOfRuns, printTable, startStallProbe, timeMs } from './stats'

/**
 * Identity resolution (issue #5, item 5): on the demo's bakery (~1,250 contacts at scale 1; ~2,500 in all
 * three workspaces), how long the first key derivation takes (every contact, every mail signature) and
 * how long the host's event loop stalls meanwhile; then the suggestion list, the suggestions around one
 * contact, and a merge and its undo on the demo's heaviest contact with its merged timeline's first page.
 */
export default async function contactsBench(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { scale: { type: 'string', default: '1' }, show: { type: 'boolean' } },
  })
  const dir = path.join(import.meta.dirname, '.data', 'contacts')
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  const db = openDatabase(path.join(dir, 'earshot.db'))
  console.log(`Building the demo at scale ${values.scale} …`)
  const demo = generateDemo(db, { scale: Number(values.scale), seed: 2010 })
  const workspaceId = demo.workspaceIds[0]!
  const count = (sql: string) => db.prepare(sql).pluck().get(workspaceId) as number
  const contacts = count('SELECT count(*) FROM contacts WHERE workspace_id = ?')
  const mails = count(
    "SELECT count(*) FROM messages m JOIN accounts a ON a.id = m.account_id WHERE m.workspace_id = ? AND a.channel = 'email'",
  )

  const probe = startStallProbe()
  const started = performance.now()
  await updateContactKeys(db, workspaceId)
  const firstDerivationMs = performance.now() - started
  const worstStallMs = probe.stop()
  // Once current, a refresh finds nothing stale and no new mail: the cost every later list pays.
  const refreshMs = medianOfRuns(() => {
    refreshStaleKeys(db)
    scanSignatures(db, workspaceId)
  })

  const all = listSuggestions(db, { workspaceId, limit: 200 })
  if (values.show) {
    for (const s of all) {
      const who = s.contacts.map((c) => `${c.displayName} (${c.handles.join(', ')})`).join(' + ')
      console.log(`${s.confidence.toFixed(2)}  ${who}: ${s.reasons.map((r) => `${r.kind} ${r.value}`).join('; ')}`)
    }
  }
  const listP50Ms = medianOfRuns(() => listSuggestions(db, { workspaceId, limit: 50 }))
  const aroundP50Ms = medianOfRuns(() =>
    listSuggestions(db, { workspaceId, contactId: demo.angryContactId, limit: 50 }),
  )
  const merge = measureMerge(db, demo.heavyContactId, demo.angryContactId)

  const summary = {
    contacts,
    mailsRead: mails,
    keys: count('SELECT count(*) FROM contact_keys WHERE workspace_id = ?'),
    suggestions: all.length,
    firstDerivationMs,
    worstStallMs,
    refreshWhenCurrentMs: refreshMs,
    suggestionsP50Ms: listP50Ms,
    suggestionsAroundOneP50Ms: aroundP50Ms,
    ...merge,
  }
  console.log('\nSummary (first derivation in batches; stall = the worst the host would feel)')
  printTable(Object.entries(summary).map(([figure, value]) => ({ figure, value: fmt(value) })))
  console.log(`\nJSON ${JSON.stringify(summary)}`)
  db.close()
  fs.rmSync(dir, { recursive: true, force: true })
}

function measureMerge(db: Db, survivorId: number, absorbedId: number) {
  let mergeId = 0
  const mergeMs = timeMs(
    () => (mergeId = mergeContacts(db, { survivorId, absorbedId, evidence: null, actor: 'bench' })),
  )
  const timelineFirstPageMs = medianOfRuns(() => listTimeline(db, { contactId: survivorId, limit: 100 }))
  let events = 0
  let before: string | undefined
  do {
    const page = listTimeline(db, { contactId: survivorId, limit: 500, ...(before ? { before } : {}) })
    events += page.items.length
    before = page.next ?? undefined
  } while (before)
  const unmergeMs = timeMs(() => unmergeContacts(db, { mergeId, actor: 'bench' }))
  return { mergedTimelineEvents: events, mergeMs, mergedTimelineFirstPageP50Ms: timelineFirstPageMs, unmergeMs }
}

