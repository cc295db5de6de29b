import { useTranslation } from 'react-i18next'
import { CHANNELS } from '../../components/constants'
import { useTriage } from '../triage/triageStore'
import { useInbox } from './inboxStore'
import { activeView, savedViews, viewKey, type SavedView } from './savedViews'

export function viewLabel(t: (key: string) => string, view: SavedView): string {
  return view.channel ? t(`channel.${view.channel}`) : t(`triage.views.${view.id}`)
}

/** The saved views as a row of toggle buttons above the filters; the one in force is pressed. */
export function SavedViews() {
  const { t } = useTranslation()
  const agent = useTriage((s) => s.agent)
  const filters = useInbox((s) => s.filters)
  const setFilters = useInbox((s) => s.setFilters)
  const views = savedViews(agent, CHANNELS)
  const active = activeView(views, filters)

  return (
    <ul className="saved-views" aria-label={t('triage.views.label')}>
      {views.map((view) => (
        <li key={viewKey(view)}>
          <button type="button" aria-pressed={view === active} onClick={() => setFilters(view.filters)}>
            {viewLabel(t, view)}
          </button>
        </li>
      ))}
    </ul>
  )
}
