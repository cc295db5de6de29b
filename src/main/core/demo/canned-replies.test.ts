import { describe, expect, it } from 'vitest'
import { replyProblem } from '../../../shared/replyRules'
import { expandTemplate, TEMPLATE_VARIABLES, unfilledPlaceholders } from '../../../shared/templates'
import { listCannedReplies } from '../store/repos/canned'
import { testStore } from '../store/test-support'
import { BAKERY } from './business-bakery'
import { addDemoCannedReplies } from './canned-replies'

describe('the demo’s canned replies', () => {
  const { db, workspaceId } = testStore()
  addDemoCannedReplies(db, workspaceId, BAKERY, 1)
  const replies = listCannedReplies(db, workspaceId)

  it('come in German and English, with the shop’s name in place', () => {
    expect(new Set(replies.map((r) => r.language))).toEqual(new Set(['de', 'en']))
    expect(replies.filter((r) => r.language === 'de').length).toBe(replies.filter((r) => r.language === 'en').length)
    expect(replies.some((r) => r.body.includes('Sonnenschein'))).toBe(true)
    expect(replies.every((r) => !r.body.includes('{shop}'))).toBe(true)
  })

  it('use only variables the composer knows, and fit on X once filled in', () => {
    const known = new Set(TEMPLATE_VARIABLES.map((v) => `{{${v}}}`))
    const values = {
      'contact.firstName': 'Maximiliane',
      'contact.name': 'Maximiliane Sonnenberg-Hohenstein',
      'agent.name': 'Anna-Katharina Oberhauser',
      'workspace.name': 'Bäckerei Sonnenschein',
    }
    for (const reply of replies) {
      expect(
        unfilledPlaceholders(reply.body).filter((p) => !known.has(p)),
        reply.title,
      ).toEqual([])
      const tweet = { channel: 'x' as const, visibility: 'public' as const, lastInboundAt: 0 }
      expect(replyProblem(tweet, expandTemplate(reply.body, values), 1), reply.title).toBeNull()
    }
  })
})
