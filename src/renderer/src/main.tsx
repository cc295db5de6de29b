import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { initI18n } from './i18n'
// Plain CSS, split by area; base.css holds the variables (light and dark) everything else uses.
import './styles/base.css'
import './styles/shell.css'
import './styles/inbox.css'
import './styles/conversation.css'
import './styles/contact-search.css'
import './styles/accounts.css'

initI18n()

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
