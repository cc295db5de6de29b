import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { initI18n } from './i18n'
// Plain CSS, split by area; base.css holds the variables (light and dark) everything else uses.
import './styles/base.css'
import './styles/shell.css'
import './styles/inbox.css'
import './styles/sentiment.css'
import './styles/conversation.css'
import './styles/composer.css'
import './styles/contact-search.css'
import './styles/contacts.css'
import './styles/accounts.css'
import './styles/connect.css'
import './styles/watch.css'
import './styles/archives.css'
import './styles/service-levels.css'
import './styles/workspaces.css'
import './styles/triage.css'
import './styles/reports.css'

initI18n()

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
