import { useTranslation } from 'react-i18next'
import { useRoute, type View } from './routeStore'

const VIEWS: View[] = ['inbox', 'search', 'contact', 'merges', 'accounts', 'feeds', 'policy', 'reports']

export function Nav() {
  const { t } = useTranslation()
  const view = useRoute((s) => s.view)
  const showView = useRoute((s) => s.showView)
  const hasContact = useRoute((s) => s.contactId !== null)
  const hasQuery = useRoute((s) => s.searchQuery !== '')

  return (
    <nav aria-label={t('nav.label')} className="nav">
      <ul>
        {VIEWS.map((v) => (
          <li key={v}>
            <button
              type="button"
              aria-current={view === v ? 'page' : undefined}
              // Search results and a contact only exist after a search or a click on a contact.
              disabled={(v === 'contact' && !hasContact) || (v === 'search' && !hasQuery)}
              onClick={() => showView(v)}
            >
              {t(`nav.${v}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
