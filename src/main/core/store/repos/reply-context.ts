import { firstNameOf, type TemplateValues } from '../../../../shared/templates'
import type { Db } from '../db'
import { getComposerSettings } from './composer-settings'
import { getConversationRow } from './conversations'

/** What a canned reply's variables stand for in one conversation; null where nothing is known. */
export function templateValuesFor(db: Db, conversationId: number): TemplateValues {
  const conversation = getConversationRow(db, conversationId)
  const workspace = db.prepare('SELECT name FROM workspaces WHERE id = ?').get(conversation.workspaceId) as
    { name: string } | undefined
  return {
    'contact.firstName': firstNameOf(conversation.contactName),
    'contact.name': conversation.contactName.trim() || null,
    'agent.name': getComposerSettings(db).agentName,
    'workspace.name': workspace?.name ?? null,
  }
}
