import { describe, expect, it } from 'vitest'
import { REPORT_FIGURES, type Report } from '../../../../shared/commands/reports'
import { CSV_COLUMNS, figureCsv, reportCsv } from '../../../../shared/reportCsv'
import { buildReport, foldInSteps } from '.'
import { asCsvText, csvBlocks } from './csv-reader'
import { WEEK, reportFixture } from './test-fixture'

async function report(): Promise<Report> {
  const fixture = reportFixture()
  // Customers choose their names and write the feedback: text a spreadsheet would run, commas, quotes, lines.
  fixture.db.prepare(`UPDATE contacts SET display_name = '=HYPERLINK("x")' WHERE display_name = 'Dora'`).run()
  fixture.db.prepare(`UPDATE messages SET body_text = 'Bitte, "ohne" Sesam\nund größer' WHERE external_id = 'F0'`).run()
  await foldInSteps(fixture.db, [fixture.workspaceId])
  return buildReport(fixture.db, fixture.workspaceId, WEEK, Date.parse('2026-03-20T12:00:00Z'))
}

describe('the report as CSV', () => {
  it('holds every figure row for row and value for value as the JSON', async () => {
    const r = await report()
    const blocks = csvBlocks(reportCsv(r))
    expect(blocks.get('range')).toEqual([
      {
        workspaceId: String(r.workspaceId),
        from: '2026-03-02',
        to: '2026-03-08',
        timeZone: 'Europe/Berlin',
        fromMs: String(r.range.fromMs),
        toMs: String(r.range.toMs),
      },
    ])
    for (const figure of REPORT_FIGURES) {
      const rows = r[figure] as unknown as Record<string, unknown>[]
      const expected = rows.map((row) => Object.fromEntries(CSV_COLUMNS[figure].map((c) => [c, asCsvText(row[c])])))
      expect(blocks.get(figure) ?? [], figure).toEqual(expected)
      // Every field of the JSON rows has its column.
      for (const row of rows) expect(Object.keys(row).sort(), figure).toEqual([...CSV_COLUMNS[figure]].sort())
    }
  })

  it('guards text a spreadsheet would run and quotes what needs quoting', async () => {
    const r = await report()
    expect(figureCsv(r, 'productFeedback').split('\n').slice(0, 3)).toEqual([
      'figure,conversationId,day,channel,contactName,subject,text',
      `productFeedback,${r.productFeedback[0]!.conversationId},2026-03-04,x,"'=HYPERLINK(""x"")",,D 0`,
      `productFeedback,${r.productFeedback[1]!.conversationId},2026-03-07,facebook,Frida,,"Bitte, ""ohne"" Sesam`,
    ])
    expect(r.productFeedback[0]!.contactName).toBe('=HYPERLINK("x")')
  })

  it('writes numbers as JSON does, so a share or a mean score reads back exactly', async () => {
    const r = await report()
    const tuesday = csvBlocks(figureCsv(r, 'sentiment')).get('sentiment')![1]!
    expect(Number(tuesday.averageScore)).toBe(r.sentiment[1]!.averageScore)
    expect(csvBlocks(figureCsv(r, 'withinTarget')).get('withinTarget')!.at(-1)!.share).toBe('0.8')
  })
})
