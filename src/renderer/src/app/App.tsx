import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../api/client'
import { AccountsView } from '../features/accounts/AccountsView'
import { AlertToasts } from '../features/alerts/AlertToasts'
import { ConnectionStatus } from '../features/connection/ConnectionStatus'
import { ContactView } from '../features/contact/ContactView'
import { ConversationView } from '../features/conversation/ConversationView'
import { InboxView } from '../features/inbox/InboxView'
import { MergeSuggestionsView } from '../features/merges/MergeSuggestionsView'
import { NotificationSettings } from '../features/notifications/NotificationSettings'
import { useDesktopNotifications } from '../features/notifications/useDesktopNotifications'
import { PolicyView } from '../features/policy/PolicyView'
import { ReportsView } from '../features/reports/ReportsView'
import { SearchView } from '../features/search/SearchView'
import { TriageLayer } from '../features/triage/TriageLayer'
import { FeedsView } from '../features/watch/FeedsView'
import { listenForAppMenu } from './appMenu'
import { LanguageSwitch } from './LanguageSwitch'
import { Nav } from './Nav'
import { useRoute } from './routeStore'
import { SearchBox } from './SearchBox'
import { WorkspaceSwitcher } from './WorkspaceSwitcher'

export function App() {
  const { t } = useTranslation()
  useEffect(() => listenForAppMenu(api, useRoute.getState), [])
  useDesktopNotifications()
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand">{t('app.name')}</h1>
        <WorkspaceSwitcher />
        <ConnectionStatus />
        <SearchBox />
        <NotificationSettings />
        <LanguageSwitch />
      </header>
      <Nav />
      <Main />
      <TriageLayer />
      <AlertToasts />
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
        ) : view === 'feeds' ? (
          <FeedsView workspaceId={workspaceId} />
        ) : view === 'accounts' ? (
          <AccountsView workspaceId={workspaceId} />
        ) : view === 'merges' ? (
          <MergeSuggestionsView workspaceId={workspaceId} />
        ) : view === 'policy' ? (
          <PolicyView workspaceId={workspaceId} />
        ) : view === 'reports' ? (
          <ReportsView workspaceId={workspaceId} />
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
