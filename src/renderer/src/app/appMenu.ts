import type { Api } from '../api/client'
import type { RouteState } from './routeStore'

/**
 * The desktop shell speaks through the contract's 'app:menu' event (the web host never sends it).
 * "Import mail…" opens the import dialog with the picked paths filled in; nothing is imported until
 * the user confirms there. A click on a desktop notification opens the conversation it is about.
 */
export function listenForAppMenu(
  api: Pick<Api, 'on'>,
  route: () => Pick<RouteState, 'requestImport' | 'setWorkspace' | 'openConversation'>,
): () => void {
  return api.on('app:menu', (event) => {
    if (event.action === 'import-mail' && event.paths.length > 0) route().requestImport(event.paths)
    if (event.action === 'open-conversation') {
      route().setWorkspace(event.workspaceId)
      route().openConversation(event.conversationId)
    }
  })
}
