import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../api/client'
import { AccountsView } from '../features/accounts/AccountsView'
import { ReconnectIndicator } from '../features/accounts/ReconnectIndicator'
import { ContactView } from '../features/contact/ContactView'
import { ConversationView } from '../features/conversation/ConversationView'
import { InboxView } from '../features/inbox/InboxView'
import { SearchView } from '../features/search/SearchView'
import { listenForAppMenu } from './appMenu'
import { LanguageSwitch } from './LanguageSwitch'
import { Nav } from './Nav'
import { useRoute } from './routeStore'
import { SearchBox } from './SearchBox'
import { WorkspaceSwitcher } from './WorkspaceSwitcher'

export function App() {
  const { t } = useTranslation()
  useEffect(() => listenForAppMenu(api, useRoute.getState), [])
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand">{t('app.name')}</h1>
        <WorkspaceSwitcher />
        <ReconnectIndicator />
        <SearchBox />
        <LanguageSwitch />
      </header>
      <Nav />
      <Main />
    </div>
  )
}

/** Two panes: the current list on the left, the open conversation on the right. */
function Main() {
  const view = useRoute((s) => s.view)
  const workspaceId = useRoute((s) => s.workspaceId)
  const conversationId = useRoute((s) => s.conversationId)
  const { t } = useTranslation()

  return (
    <main className={conversationId === null ? 'main' : 'main split'}>
      <div className="pane list-pane">
        {workspaceId === null ? (
          <p className="empty">{t('app.noWorkspaceHint')}</p>
        ) : view === 'inbox' ? (
          <InboxView workspaceId={workspaceId} />
        ) : view === 'search' ? (
          <SearchView workspaceId={workspaceId} />
        ) : view === 'accounts' ? (
          <AccountsView workspaceId={workspaceId} />
        ) : (
          <ContactView />
        )}
      </div>
      {conversationId !== null && (
        <div className="pane detail-pane">
          <ConversationView key={conversationId} conversationId={conversationId} />
        </div>
      )}
    </main>
  )
}
